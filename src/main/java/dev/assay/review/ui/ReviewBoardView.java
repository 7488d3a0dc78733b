package dev.assay.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.Cells;
import dev.assay.base.ui.Choices;
import dev.assay.base.ui.RowMenu;
import dev.assay.base.ui.StatCard;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.review.AssignmentOrigin;
import dev.assay.review.AssignmentStatus;
import dev.assay.review.PanelRules;
import dev.assay.review.PanelService;
import dev.assay.review.PanelSetup;
import dev.assay.review.ReviewBoard;
import dev.assay.review.ReviewException;
import dev.assay.review.ReviewState;
import dev.assay.taskbank.TaskBankException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An assessment's review board: the panel, every submission's review state, reviewer workload and overdue
 * reviews, with reassignment, extra reviewers, conflicts of interest and closing the review.
 */
@Route("recruiter/review")
@RolesAllowed("RECRUITER")
public class ReviewBoardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final PanelService panels;
    private ReviewBoard board;
    private long assessmentId;

    public ReviewBoardView(PanelService panels) {
        this.panels = panels;
        setId("review-board");
        addClassName("page");
        setPadding(false);
    }

    @Override
    public String getPageTitle() {
        return "Review board" + (board == null ? "" : " · " + board.assessmentTitle()) + " · Assay";
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        assessmentId = id;
        refresh();
    }

    private void refresh() {
        removeAll();
        try {
            board = panels.board(assessmentId);
        } catch (TaskBankException | ReviewException e) {
            add(new ViewHeader("Assessment not found", "It may have been removed."));
            return;
        }
        Anchor back = new Anchor("recruiter/assessment/" + assessmentId, "← Back to the assessment");
        back.addClassName("back-link");
        Anchor candidates = new Anchor("recruiter/invitations/" + assessmentId, "Candidates");
        candidates.addClassName("back-link");
        PanelSetup panel = board.panel();
        Button close = new Button("Close review…", VaadinIcon.UNLOCK.create(), e -> confirmClose());
        close.setId("close-review");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        close.setEnabled(panel.exists() && !panel.closed());
        // By address: the ranking module is downstream of review.
        Button ranking = new Button("Ranking", VaadinIcon.BAR_CHART.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("recruiter/ranking/" + assessmentId)));
        ranking.setId("open-ranking");
        add(back, new ViewHeader("Review board · " + board.assessmentTitle(), panel.closed()
                ? "The review is closed; the panel now sees candidates' names."
                : "Reviewers score blind and independently. Submissions are assigned as candidates submit.", ranking,
                close));
        if (panel.closed()) {
            Div banner = new Div(VaadinIcon.LOCK.create(), new Span("Closed " + Formats.dateTime(panel.closedAt())
                    + " by " + panel.closedBy() + ". Scores are final and identities were revealed to the panel."));
            banner.addClassName("review-banner");
            banner.setId("review-closed-banner");
            add(banner);
        }
        Div stats = new Div(new StatCard("Submissions", String.format("%,d", board.counts().total()), null),
                new StatCard("Unassigned", String.format("%,d", board.count(ReviewState.UNASSIGNED)), null),
                new StatCard("In progress", String.format("%,d", board.count(ReviewState.IN_PROGRESS)), null),
                new StatCard("Flagged", String.format("%,d", board.count(ReviewState.FLAGGED)), "Reviews 2+ levels apart"
                        + (panel.rules().escalate() ? "; escalated automatically" : "")),
                new StatCard("Complete", String.format("%,d", board.count(ReviewState.COMPLETE)), null),
                new StatCard("Overdue reviews", String.valueOf(board.overdueReviews()), null));
        stats.addClassNames("stat-row", "stat-row-compact");
        stats.setId("board-stats");
        add(stats, panelCard(panel), workload(), submissions());
    }

    private Component panelCard(PanelSetup panel) {
        Div card = new Div();
        card.addClassNames("card", "form-card");
        card.setId("panel-setup");
        card.add(new H3("Panel"));
        MultiSelectComboBox<PanelSetup.Reviewer> members = Choices.multi("Reviewers");
        members.setId("panel-members");
        members.setItems(panel.available());
        members.setItemLabelGenerator(r -> r.name() + " · " + r.email());
        members.setWidthFull();
        members.select(panel.available().stream().filter(r -> panel.members().contains(r.id())).toList());
        members.setHelperText(panel.available().isEmpty() ? "No active staff account has the Reviewer role yet. "
                + "An admin can add it under Staff accounts." : "Staff with the Reviewer role.");
        IntegerField reviews = number("Reviews per submission", panel.reviewsPerSubmission(), 1, PanelService.MAX_REVIEWS,
                "Independent reviews each submission gets.");
        reviews.setId("panel-reviews");
        IntegerField linking = number("Linking set", panel.linkingCount(), 0, PanelService.MAX_LINKING,
                "The first N submissions are scored by the whole panel, so severities can be compared.");
        linking.setId("panel-linking");
        IntegerField due = number("Due in (days)", panel.dueDays(), 1, PanelService.MAX_DUE_DAYS,
                "From when a review is assigned.");
        due.setId("panel-due");
        Div row = new Div(reviews, linking, due);
        row.addClassNames("form-row", "panel-numbers");
        PanelRules rules = panel.rules();
        Checkbox escalate = new Checkbox("Add a reviewer automatically when reviews disagree by 2+ levels",
                rules.escalate());
        escalate.setId("panel-escalate");
        Checkbox calibrate = new Checkbox("Reviewers must pass calibration before live reviews",
                rules.calibrationRequired());
        calibrate.setId("panel-calibration");
        IntegerField withinOne = number("Within one level (%)", rules.withinOnePercent(), PanelRules.MIN_WITHIN_ONE, 100,
                "Share of the set's cells within one level of the key.");
        withinOne.setId("panel-within-one");
        IntegerField maxOff = number("Largest allowed miss", rules.maxOff(), PanelRules.MIN_MAX_OFF,
                PanelRules.MAX_MAX_OFF, "No cell this many levels or more from the key.");
        maxOff.setId("panel-max-off");
        IntegerField drift = number("Drift check every", rules.driftEvery(), 0, PanelRules.MAX_DRIFT,
                "About one hidden example per this many live reviews; 0 for none.");
        drift.setId("panel-drift");
        Div ruleRow = new Div(withinOne, maxOff, drift);
        ruleRow.addClassNames("form-row", "panel-numbers");
        Anchor calibrationLink = new Anchor("recruiter/calibration/" + assessmentId, panel.calibrationItems() == 0
                ? "Build a calibration set from reviewed submissions →"
                : "Calibration set: " + panel.calibrationItems() + (panel.calibrationItems() == 1 ? " example" : " examples")
                        + " →");
        calibrationLink.setId("open-calibration");
        Runnable gate = () -> {
            withinOne.setEnabled(calibrate.getValue());
            maxOff.setEnabled(calibrate.getValue());
        };
        gate.run();
        calibrate.addValueChangeListener(e -> gate.run());
        Div rulesBox = new Div(new H4("Guarding the scores"), escalate, calibrate, ruleRow, calibrationLink);
        rulesBox.addClassName("panel-rules");
        Paragraph warning = new Paragraph();
        warning.addClassName("form-warning");
        warning.setId("panel-recruiter-warning");
        Runnable warn = () -> {
            List<String> both = members.getSelectedItems().stream().filter(PanelSetup.Reviewer::alsoRecruiter)
                    .map(PanelSetup.Reviewer::name).sorted().toList();
            warning.setText(both.isEmpty() ? "" : String.join(", ", both) + (both.size() == 1 ? " is" : " are")
                    + " also a recruiter and can see candidates' names on recruiter pages, so their reviews are not blind.");
            warning.setVisible(!both.isEmpty());
        };
        warn.run();
        members.addValueChangeListener(e -> warn.run());
        Button save = new Button(panel.exists() ? "Save panel" : "Create panel", e -> {
            try {
                Set<Long> ids = members.getSelectedItems().stream().map(PanelSetup.Reviewer::id).collect(Collectors.toSet());
                int assigned = panels.savePanel(assessmentId, ids, value(reviews), value(linking), value(due),
                        new PanelRules(escalate.getValue(), calibrate.getValue(), value(withinOne), value(maxOff),
                                drift.getValue() == null ? 0 : drift.getValue()), panel.version());
                Toasts.success("Panel saved." + (assigned == 0 ? "" : " " + assigned
                        + (assigned == 1 ? " review" : " reviews") + " assigned."));
                refresh();
            } catch (ReviewException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        save.setId("save-panel");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        boolean editable = !panel.closed();
        members.setReadOnly(!editable);
        reviews.setReadOnly(!editable);
        linking.setReadOnly(!editable);
        due.setReadOnly(!editable);
        escalate.setReadOnly(!editable);
        calibrate.setReadOnly(!editable);
        withinOne.setReadOnly(!editable);
        maxOff.setReadOnly(!editable);
        drift.setReadOnly(!editable);
        save.setVisible(editable);
        Div actions = new Div(save);
        actions.addClassName("form-actions");
        card.add(members, row, warning, rulesBox, actions);
        return card;
    }

    private static IntegerField number(String label, int value, int min, int max, String help) {
        IntegerField field = new IntegerField(label);
        field.setMin(min);
        field.setMax(max);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        field.setHelperText(help);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    /** A titled card; when there is nothing to show, it holds the empty message instead. */
    private static Div card(String title, boolean empty, String emptyMessage) {
        Div box = new Div(new H3(title));
        box.addClassName("card");
        if (empty) {
            box.add(note(emptyMessage));
        }
        return box;
    }

    private Component workload() {
        Div box = card("Reviewer workload", board.workload().isEmpty(), "Nobody is on the panel yet.");
        if (board.workload().isEmpty()) {
            return box;
        }
        Grid<ReviewBoard.Workload> grid = new Grid<>();
        grid.setId("workload-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(w -> w.reviewerName() + (w.onPanel() ? "" : " (off the panel)")).setHeader("Reviewer").setWidth("12rem").setFlexGrow(3);
        grid.addColumn(ReviewBoard.Workload::assigned).setHeader("Assigned").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ReviewBoard.Workload::submitted).setHeader("Submitted").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ReviewBoard.Workload::drafts).setHeader("Drafts").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(w -> {
            Span s = new Span(String.valueOf(w.overdue()));
            if (w.overdue() > 0) {
                s.addClassNames("status", "status-danger");
            }
            return s;
        }).setHeader("Overdue").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> w.assigned() == 0 ? "–" : Math.round(100.0 * w.submitted() / w.assigned()) + "%")
                .setHeader("Done").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(board.workload());
        box.add(grid);
        return box;
    }

    private Component submissions() {
        Div box = card("Submissions", board.counts().total() == 0,
                "No candidate has submitted yet. Submissions appear here as they come in.");
        if (board.counts().total() == 0) {
            return box;
        }
        boolean closed = board.panel().closed();
        Grid<ReviewBoard.Row> grid = new Grid<>();
        grid.setId("submission-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> Cells.stack(r.candidateName(), r.candidateCode() + " · " + r.candidateEmail()))
                .setHeader("Candidate").setWidth("13rem").setFlexGrow(3);
        grid.addColumn(r -> Formats.date(r.submittedAt())).setHeader("Submitted").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ReviewBoardView::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ReviewBoardView::reviews).setHeader("Reviews").setWidth("14rem").setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader("").setWidth("4rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(
                r -> flagDetails(r, closed)));
        if (board.complete()) {
            // Every submission is on the first page: show them all, flags open.
            grid.setAllRowsVisible(true);
            grid.setDetailsVisibleOnClick(false);
            grid.setItems(board.submissions());
            board.submissions().stream().filter(ReviewBoard.Row::flagged).forEach(r -> grid.setDetailsVisible(r, true));
        } else {
            // A large round: the grid reads pages from the database as it scrolls; a flag opens on a click.
            grid.setHeight("70vh");
            grid.setDetailsVisibleOnClick(true);
            int total = board.counts().total();
            grid.setItems(query -> panels.boardPage(assessmentId, query.getOffset(), query.getLimit()).stream(),
                    query -> total);
            box.add(note(String.format("%,d submissions, in order of submission; the list loads as you scroll. "
                    + "Select a flagged submission to read its disagreement.", total)));
        }
        box.add(grid);
        return box;
    }

    private static Component state(ReviewBoard.Row r) {
        Div chips = new Div();
        chips.addClassName("chips");
        Span s = new Span(r.state().label());
        s.addClassNames("status", switch (r.state()) {
            case UNASSIGNED -> "status-muted";
            case IN_PROGRESS -> "status-warning";
            case FLAGGED -> "status-danger";
            case COMPLETE -> "status-success";
        });
        chips.add(s);
        if (r.linking()) {
            Span l = new Span("Linking set");
            l.addClassNames("chip", "chip-tool");
            chips.add(l);
        }
        if (r.resolution() != null) {
            Span l = new Span(r.resolution().label());
            l.addClassNames("chip", "chip-found");
            chips.add(l);
        }
        if (r.reviews().stream().anyMatch(v -> v.origin() == AssignmentOrigin.ESCALATION
                && v.status() != AssignmentStatus.WITHDRAWN)) {
            Span l = new Span("Escalated");
            l.addClassNames("chip", "chip-flag");
            l.getElement().setAttribute("title", "The reviews disagreed, so a reviewer was added automatically.");
            chips.add(l);
        }
        if (r.shortfall() > 0) {
            Span l = new Span(r.shortfall() + " reviewer" + (r.shortfall() == 1 ? "" : "s") + " short");
            l.addClassNames("chip", "chip-flag");
            chips.add(l);
        }
        return chips;
    }

    private static Component reviews(ReviewBoard.Row r) {
        Div list = new Div();
        list.addClassName("board-reviews");
        r.reviews().stream().filter(v -> v.status() != AssignmentStatus.WITHDRAWN).forEach(v -> {
            Span line = new Span(v.reviewerName() + (v.origin() == AssignmentOrigin.ESCALATION ? " (escalation)" : "")
                    + " · " + (v.status() == AssignmentStatus.ASSIGNED ? "not started"
                    : v.status().label().toLowerCase()) + (v.overdue() ? " · overdue since " + Formats.date(v.dueAt()) : ""));
            if (v.overdue()) {
                line.addClassName("status-danger");
            }
            list.add(new Div(line));
        });
        if (r.activeReviews() == 0) {
            list.add(new Span("No reviewer yet"));
        }
        return list;
    }

    private static Component flagDetails(ReviewBoard.Row r, boolean closed) {
        Div d = new Div();
        d.addClassName("flag-details");
        if (!r.flagged()) {
            return d;
        }
        d.add(new Paragraph(r.flagDetail()));
        if (r.resolution() == null) {
            d.add(note(closed ? "Unresolved when scoring closed: the ranking shows this candidate as unresolved."
                    : "Open: the reviewers can record a reconciled score with a reason, or you can add a reviewer."));
        } else {
            d.add(new Paragraph("Resolved (" + r.resolution().label() + ") by " + r.resolvedBy() + ", "
                    + Formats.dateTime(r.resolvedAt()) + ": " + r.resolutionReason()));
        }
        return d;
    }

    private Component actions(ReviewBoard.Row r) {
        RowMenu row = new RowMenu(r.candidateCode());
        MenuBar bar = row.bar();
        SubMenu menu = row.items();
        boolean open = board.panel().exists() && !board.panel().closed();
        if (r.reviews().stream().anyMatch(v -> v.status() == AssignmentStatus.ASSIGNED || v.status() == AssignmentStatus.DRAFT)) {
            menu.addItem("Reassign a review…", e -> reassignDialog(r));
        }
        menu.addItem("Add a reviewer…", e -> addReviewerDialog(r));
        menu.addItem("Declare a conflict of interest…", e -> conflictDialog(r));
        bar.setVisible(open);
        return bar;
    }

    private Select<PanelSetup.Reviewer> reviewerSelect(String label, List<PanelSetup.Reviewer> options) {
        Select<PanelSetup.Reviewer> select = new Select<>();
        select.setLabel(label);
        select.setItems(options);
        select.setItemLabelGenerator(PanelSetup.Reviewer::name);
        select.setWidthFull();
        select.setEmptySelectionAllowed(false);
        return select;
    }

    private void reassignDialog(ReviewBoard.Row r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reassign a review of " + r.candidateCode());
        Select<ReviewBoard.Review> from = new Select<>();
        from.setLabel("Review to move");
        from.setItems(r.reviews().stream().filter(v -> v.status() == AssignmentStatus.ASSIGNED
                || v.status() == AssignmentStatus.DRAFT).toList());
        from.setItemLabelGenerator(v -> v.reviewerName() + " (" + v.status().label().toLowerCase() + ")");
        from.setWidthFull();
        Select<PanelSetup.Reviewer> to = reviewerSelect("New reviewer", panels.eligible(r.submissionId()));
        to.setId("reassign-to");
        dialog.add(new Div(from, to), note("A draft the first reviewer saved is kept on record but no longer counts."));
        Button ok = new Button("Reassign", e -> {
            if (from.getValue() == null || to.getValue() == null) {
                Toasts.error("Choose the review and the new reviewer.");
                return;
            }
            try {
                panels.reassign(from.getValue().assignmentId(), to.getValue().id());
                dialog.close();
                Toasts.success("Review moved to " + to.getValue().name() + ".");
                refresh();
            } catch (ReviewException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    private void addReviewerDialog(ReviewBoard.Row r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a reviewer to " + r.candidateCode());
        List<PanelSetup.Reviewer> eligible = panels.eligible(r.submissionId());
        Select<PanelSetup.Reviewer> who = reviewerSelect("Reviewer", eligible);
        who.setId("extra-reviewer");
        dialog.add(who, note(eligible.isEmpty() ? "Every eligible reviewer already has this submission."
                : "An extra review settles a disagreement: once it is in, all reviews count."));
        Button ok = new Button("Add reviewer", e -> {
            if (who.getValue() == null) {
                Toasts.error("Choose a reviewer.");
                return;
            }
            try {
                panels.addReviewer(r.submissionId(), who.getValue().id());
                dialog.close();
                Toasts.success(who.getValue().name() + " will review " + r.candidateCode() + ".");
                refresh();
            } catch (ReviewException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        ok.setId("add-reviewer-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setEnabled(!eligible.isEmpty());
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    private void conflictDialog(ReviewBoard.Row r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Conflict of interest for " + r.candidateName());
        Select<PanelSetup.Reviewer> who = reviewerSelect("Reviewer who must not review this candidate",
                board.panel().available());
        TextField note = new TextField("Note (optional)");
        note.setMaxLength(PanelService.MAX_NOTE);
        note.setWidthFull();
        dialog.add(new Div(who, note), note("Any review they have of this submission is withdrawn and given to "
                + "someone else."));
        Button ok = new Button("Record conflict", e -> {
            if (who.getValue() == null) {
                Toasts.error("Choose the reviewer.");
                return;
            }
            try {
                panels.declareConflict(r.submissionId(), who.getValue().id(), note.getValue());
                dialog.close();
                Toasts.success("Conflict recorded.");
                refresh();
            } catch (ReviewException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    private void confirmClose() {
        long unfinished = board.counts().total() - board.counts().complete();
        ConfirmDialog dialog = new ConfirmDialog("Close the review and reveal identities?",
                (unfinished == 0 ? "Every submission is complete. " : unfinished + (unfinished == 1
                        ? " submission is" : " submissions are") + " not complete. ")
                        + "Closing stops all scoring and shows candidates' names and emails to the panel. "
                        + "This cannot be undone.",
                "Close review", e -> {
                    try {
                        panels.closeReview(assessmentId);
                        Toasts.success("Review closed; identities revealed to the panel.");
                        refresh();
                    } catch (ReviewException ex) {
                        Toasts.error(ex.getMessage());
                    }
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setId("confirm-close-review");
        dialog.open();
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("section-note");
        return p;
    }
}
