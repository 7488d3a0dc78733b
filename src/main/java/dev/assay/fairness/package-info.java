/**
 * Fairness: the adverse-impact monitor. Joins recruiters' decisions and the ranking's scores with candidates'
 * voluntary self-identification answers and reports only totals per group: selection and scoring rates, impact
 * ratios with the four-fifths flag, significance tests fit for small groups, and which rubric criterion a score
 * gap sits on. The only reader of self-identification answers; no page or file it produces names a person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fairness",
        allowedDependencies = {"base", "base :: ui", "ranking", "ranking :: stats", "decision", "review :: port",
                "attempt", "attempt :: self-identification", "taskbank"})
package dev.assay.fairness;
