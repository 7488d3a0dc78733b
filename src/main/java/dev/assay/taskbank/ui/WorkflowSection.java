package dev.assay.taskbank.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextArea;
import dev.assay.taskbank.TaskContent;
import dev.assay.taskbank.TaskContent.WorkflowDesign;

/** Workflow design: the scenario, goal, constraints and tools, and what strong answers include. */
class WorkflowSection implements KindSection {

    private final TextArea scenario;
    private final TextArea goal;
    private final TextArea constraints;
    private final TextArea tools;
    private final TextArea strongAnswer;
    private final Div root;

    WorkflowSection(Runnable changed) {
        scenario = Fields.area("Scenario", "The situation, as the candidate reads it: who, what, which systems, how often.", changed);
        scenario.setId("wf-scenario");
        goal = Fields.area("Goal", "What the workflow must achieve.", changed);
        goal.setId("wf-goal");
        constraints = Fields.area("Constraints", "One per line: budget, data rules, deadlines, tools that are off limits.", changed);
        constraints.setId("wf-constraints");
        tools = Fields.area("Available tools", "One per line.", changed);
        tools.setId("wf-tools");
        strongAnswer = Fields.reviewerArea("What a strong answer includes",
                "Where AI helps, where checks go, where people decide. Candidates never see this.", changed);
        strongAnswer.setId("wf-strong-answer");
        root = new Div(new H3("Workflow design"), scenario, goal, constraints, tools, strongAnswer);
        root.addClassNames("card", "form-card");
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void load(TaskContent content) {
        WorkflowDesign w = content.workflow();
        scenario.setValue(Fields.nz(w.scenario()));
        goal.setValue(Fields.nz(w.goal()));
        constraints.setValue(Fields.lines(w.constraints()));
        tools.setValue(Fields.lines(w.tools()));
        strongAnswer.setValue(Fields.nz(w.strongAnswer()));
    }

    @Override
    public TaskContent apply(TaskContent c) {
        return new TaskContent(c.title(), c.roles(), c.criteria(), c.difficulty(), c.timeLimitMinutes(), c.tags(),
                c.instructions(), new WorkflowDesign(scenario.getValue().strip(), goal.getValue().strip(),
                        Fields.lines(constraints.getValue()), Fields.lines(tools.getValue()), strongAnswer.getValue().strip()),
                null, null);
    }
}
