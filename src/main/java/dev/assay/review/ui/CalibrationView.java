package dev.assay.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Chart;
import dev.assay.base.ui.EmptyState;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.review.CalibrationGrade;
import dev.assay.review.CalibrationService;
import dev.assay.review.CalibrationStatus;
import dev.assay.review.ReviewException;
import dev.assay.taskbank.TaskBankException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An assessment's calibration set for recruiters: the examples with their agreed levels and rationales, adding one
 * from a reviewed submission of the same role (levels suggested from the reconciled levels or the reviewers'
 * median), retiring one, and how each reviewer did in their rounds and hidden drift checks over time.
 */
@Route("recruiter/calibration")
@RolesAllowed("RECRUITER")
public class CalibrationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final CalibrationService calibration;
    private CalibrationService.Overview overview;
    private long assessmentId;

    public CalibrationView(CalibrationService calibration) {
        this.calibration = calibration;
        setId("calibration-view");
        addClassName("page");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return "Calibration" + (overview == null ? "" : " · " + overview.assessmentTitle()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        assessmentId = id;
        refresh();
    }

    private void refresh() {
        removeAll();
        try {
            overview = calibration.overview(assessmentId);
        } catch (TaskBankException | ReviewException e) {
            add(new ViewHeader("Assessment not found", "It may have been removed."));
            return;
        }
        Anchor back = new Anchor("recruiter/review/" + assessmentId, "← Review board");
        back.addClassName("back-link");
        add(back, new ViewHeader("Calibration · " + overview.assessmentTitle(), "Examples with agreed levels that "
                + "reviewers score before live work and, now and then, among it. Examples never count toward any "
                + "candidate, and reviewers never see whose work they were."));
        add(rules(), items(), addItem(), reviewers());
    }

    private Component rules() {
        var r = overview.rules();
        String text = !overview.panelExists() ? "No panel yet: set one up on the review board, then require calibration there."
                : (r.calibrationRequired() ? "Calibration is required: reviewers see live reviews after " + r.passRule()
                        + " over a round of the set." : "Calibration is not required of this panel.")
                + (r.driftEvery() > 0 ? " About one live review in " + r.driftEvery() + " is a hidden example."
                        : " No hidden drift checks.")
                + (r.escalate() ? " Disagreements get a reviewer added automatically." : "");
        Div box = new Div(VaadinIcon.COG_O.create(), new Span(text + " Change this on the review board."));
        box.addClassName("review-banner");
        box.setId("calibration-rules");
        return box;
    }

    private Component items() {
        Div card = new Div(new H3("Calibration set"));
        card.addClassName("card");
        card.setId("calibration-items");
        if (overview.items().isEmpty()) {
            card.add(new EmptyState(VaadinIcon.ACADEMY_CAP, "No examples yet",
                    "Add reviewed submissions below. Three to five examples spread over the levels work well."));
            return card;
        }
        for (CalibrationService.Item item : overview.items()) {
            Div box = new Div();
            box.addClassName("calibration-item");
            box.setId("calibration-item-" + item.id());
            Button retire = new Button("Retire…", e -> confirmRetire(item));
            retire.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            retire.setId("retire-item-" + item.id());
            Div head = new Div(new H4(item.label()), new Span("from " + item.sourceAssessment()), retire);
            head.addClassName("calibration-item-head");
            box.add(head);
            for (CalibrationService.KeyCell k : item.key()) {
                Div line = new Div(new Span(k.describe()), chip("Key " + k.level()));
                line.addClassName("calibration-key-line");
                if (!k.rationale().isBlank()) {
                    Span why = new Span(k.rationale());
                    why.addClassName("cell-secondary");
                    line.add(why);
                }
                box.add(line);
            }
            card.add(box);
        }
        return card;
    }

    private void confirmRetire(CalibrationService.Item item) {
        ConfirmDialog dialog = new ConfirmDialog("Retire " + item.label() + "?", "New rounds and drift checks stop "
                + "using it. Scorecards already given on it keep their results.", "Retire", e -> {
                    try {
                        calibration.retire(item.id());
                        Toasts.success(item.label() + " retired.");
                        refresh();
                    } catch (ReviewException ex) {
                        Toasts.error(ex.getMessage());
                    }
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-retire");
        dialog.open();
    }

    /** Choose a reviewed submission, adjust the suggested key, write the rationales, add. */
    private Component addItem() {
        Div card = new Div(new H3("Add an example"));
        card.addClassNames("card", "form-card");
        card.setId("calibration-add");
        List<CalibrationService.Source> sources = calibration.sources(assessmentId);
        if (sources.isEmpty()) {
            card.add(new Paragraph(overview.items().isEmpty() ? "No reviewed submission of this role is available "
                    + "yet. Examples come from submissions with at least one submitted review, in this assessment or "
                    + "another for the same role." : "Every reviewed submission of this role is already in the set."));
            return card;
        }
        Select<CalibrationService.Source> source = new Select<>();
        source.setId("calibration-source");
        source.setLabel("Reviewed submission");
        source.setItems(sources);
        source.setItemLabelGenerator(s -> String.format(Locale.ROOT, "%s · %s · %d %s, mean level %.1f%s",
                s.assessmentTitle(), s.candidateCode(), s.reviews(), s.reviews() == 1 ? "review" : "reviews",
                s.meanLevel(), s.reconciled() ? " · reconciled" : ""));
        source.setHelperText("The code is shown to you only; reviewers see the example under its label.");
        source.setWidthFull();
        Div editor = new Div();
        editor.addClassName("calibration-editor");
        Map<CalibrationService.KeyCell, Select<Integer>> levels = new LinkedHashMap<>();
        Map<CalibrationService.KeyCell, TextField> rationales = new LinkedHashMap<>();
        Button add = new Button("Add to the set", VaadinIcon.PLUS.create());
        add.setId("calibration-add-item");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setEnabled(false);
        source.addValueChangeListener(e -> {
            editor.removeAll();
            levels.clear();
            rationales.clear();
            add.setEnabled(e.getValue() != null);
            if (e.getValue() == null) {
                return;
            }
            editor.add(new Paragraph("Suggested levels come from the reconciled levels where the reviewers reconciled, "
                    + "otherwise from the reviewers' median. Change any, and say why the key is right: reviewers read "
                    + "the rationale after scoring."));
            for (CalibrationService.KeyCell k : calibration.suggestedKey(e.getValue().submissionId())) {
                Select<Integer> level = new Select<>();
                level.setLabel(k.describe());
                level.setItems(1, 2, 3, 4, 5);
                level.setValue(k.level());
                level.addClassName("calibration-level");
                TextField why = new TextField("Why " + k.describe() + " is at this level");
                why.setMaxLength(CalibrationService.MAX_RATIONALE);
                why.setPlaceholder("e.g. names the owner of each step but no hand-off");
                why.setWidthFull();
                levels.put(k, level);
                rationales.put(k, why);
                Div row = new Div(level, why);
                row.addClassName("calibration-editor-row");
                editor.add(row);
            }
        });
        add.addClickListener(e -> {
            List<CalibrationService.KeyCell> key = new ArrayList<>();
            levels.forEach((k, select) -> key.add(new CalibrationService.KeyCell(k.taskPosition(), k.criterionKey(),
                    k.describe(), select.getValue() == null ? 0 : select.getValue(), rationales.get(k).getValue())));
            try {
                calibration.addItem(assessmentId, source.getValue().submissionId(), key);
                Toasts.success("Example added to the calibration set.");
                refresh();
            } catch (ReviewException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        Div actions = new Div(add);
        actions.addClassName("form-actions");
        card.add(source, editor, actions);
        return card;
    }

    private Component reviewers() {
        Div card = new Div(new H3("Reviewers"));
        card.addClassName("card");
        card.setId("calibration-reviewers");
        if (overview.reviewers().isEmpty()) {
            card.add(new Paragraph("Nobody has scored an example yet."));
            return card;
        }
        for (CalibrationStatus.ReviewerRecord r : overview.reviewers()) {
            Div line = new Div(new Span(r.reviewerName()), chip(status(r)));
            line.addClassName("calibration-key-line");
            line.setId("calibration-reviewer-" + r.reviewerId());
            CalibrationGrade last = r.lastRound();
            if (last != null) {
                Span detail = new Span(String.format(Locale.ROOT, "last round: %.0f%% within one level, largest miss %d",
                        last.withinOne() * 100, last.largestMiss()));
                detail.addClassName("cell-secondary");
                line.add(detail);
            }
            card.add(line);
        }
        card.add(driftChart());
        return card;
    }

    private static String status(CalibrationStatus.ReviewerRecord r) {
        if (r.passed()) {
            return "Passed";
        }
        if (r.rounds() == 0) {
            return "Not started";
        }
        return r.lastRound() == null ? "Round " + r.rounds() + " in progress" : "Not passed yet (round " + r.rounds() + ")";
    }

    /** Each reviewer's hidden drift checks over time: the share of cells within one level of the key. */
    private Component driftChart() {
        List<Object> series = new ArrayList<>();
        int points = 0;
        for (CalibrationStatus.ReviewerRecord r : overview.reviewers()) {
            if (r.drift().isEmpty()) {
                continue;
            }
            List<List<Object>> data = new ArrayList<>();
            for (CalibrationStatus.DriftPoint p : r.drift()) {
                data.add(List.of(p.scoredAt().toString(), Math.round(p.withinOne() * 1000) / 10.0));
                points++;
            }
            series.add(Map.of("type", "line", "name", r.reviewerName(), "data", data, "symbolSize", 8));
        }
        Div box = new Div(new H4("Drift checks over time"));
        box.setId("drift-chart");
        if (series.isEmpty()) {
            box.add(Chart.empty("No hidden drift check has been scored yet."));
            return box;
        }
        Map<String, Object> option = Map.of(
                "grid", Map.of("left", 44, "right", 16, "top", 36, "bottom", 40, "containLabel", true),
                "legend", Map.of("top", 0),
                "tooltip", Map.of("trigger", "item"),
                "xAxis", Map.of("type", "time", "name", "Scored", "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "min", 0, "max", 100, "name", "Cells within one level (%)",
                        "nameLocation", "middle", "nameRotate", 90, "nameGap", 36),
                "series", series);
        box.add(new Chart(points + " drift checks: share of cells within one level of the key, per reviewer", option));
        return box;
    }

    private static Span chip(String text) {
        Span chip = new Span(text);
        chip.addClassNames("chip", "chip-tool");
        return chip;
    }
}
