package dev.assay.taskbank;

import java.util.List;

/**
 * The competency model a new rubric starts from: the six things Assay's tasks are built to show.
 * Recruiters then adapt names, anchors and weights to the role.
 */
public final class DefaultCompetencyModel {

    private DefaultCompetencyModel() {
    }

    public static List<RubricCriterion> criteria() {
        return List.of(
                new RubricCriterion("workflow-thinking", "Workflow thinking",
                        "Breaks the work into ordered steps with clear inputs, outputs and owners.", 20, List.of(
                        "Describes the work as one undivided job or a loose list of activities with no order, inputs or outputs.",
                        "",
                        "Lists the main steps in a workable order; some inputs, outputs or hand-offs are missing or vague.",
                        "",
                        "Decomposes the work into ordered steps, each with its inputs, outputs and owner, and notes what runs in parallel and what waits on what.")),
                new RubricCriterion("automation-instinct", "Automation instinct",
                        "Spots repetitive, rule-based work and proposes automating it where it pays off.", 15, List.of(
                        "Proposes no automation, or automates one-off judgment work while leaving obvious repetition manual.",
                        "",
                        "Identifies the most repetitive activity and proposes a plausible automation, without weighing value against risk.",
                        "",
                        "Identifies the repetitive work, ranks it by time saved and risk, and specifies the top automation precisely enough to build, including its inputs and failure handling.")),
                new RubricCriterion("ai-critique", "Critique and validation of AI output",
                        "Checks AI output against sources and catches errors before they reach anyone.", 20, List.of(
                        "Accepts AI output as given; names no check, or flags only surface issues such as wording.",
                        "",
                        "Finds some substantive errors (a wrong figure, an unsupported claim) and names at least one way to verify output.",
                        "",
                        "Finds most substantive errors with the reason each is wrong, verifies figures against their sources, and places checks where AI is known to err.")),
                new RubricCriterion("directing-ai", "Directing AI",
                        "Delegates work to an AI assistant with the context and constraints it needs, and iterates on what it returns.", 15, List.of(
                        "Takes the assistant's first reply as the work, or asks it nothing useful; gives it no context or constraints.",
                        "",
                        "Asks for the main pieces of the work with some context (audience, purpose or materials) and follows up at least once to improve a reply.",
                        "",
                        "Delegates what an assistant does well, gives each request the context and constraints it needs, iterates toward the goal, asks it to show or check its working, and makes the final deliverable their own.")),
                new RubricCriterion("human-judgment", "Human in the loop: risk, privacy, ethics",
                        "Keeps people in charge of decisions that carry risk, and protects personal and confidential data.", 15, List.of(
                        "Lets AI or automation make or send consequential decisions unchecked, or passes personal data to tools without a thought.",
                        "",
                        "Puts a human review before the main consequential step and mentions privacy in general terms.",
                        "",
                        "Names each decision a person must own and why, limits what personal or confidential data each tool sees, and says who is accountable when something goes wrong.")),
                new RubricCriterion("communication", "Clarity of communication",
                        "Writes so the intended reader can act on it.", 15, List.of(
                        "The answer is hard to follow: key points are missing, buried or contradictory.",
                        "",
                        "The answer is understandable with effort; structure or wording needs work for its reader.",
                        "",
                        "The answer is structured for its reader, concise, and states assumptions and next steps explicitly.")));
    }
}
