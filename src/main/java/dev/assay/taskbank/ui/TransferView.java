package dev.assay.taskbank.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.assay.base.ui.LimitedUpload;
import dev.assay.base.ui.Toasts;
import dev.assay.base.ui.ViewHeader;
import dev.assay.taskbank.ImportReport;
import dev.assay.taskbank.TaskBankException;
import dev.assay.taskbank.TaskBankTransfer;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/** Moves a whole task bank between installations as one YAML file, and loads the starter library. */
@Route("recruiter/transfer")
@PageTitle("Import and export · Assay")
@Menu(title = "Import / export", order = 40, icon = "vaadin:exchange")
@RolesAllowed("RECRUITER")
public class TransferView extends VerticalLayout {

    private final TaskBankTransfer transfer;
    private final ProblemList problems = new ProblemList(false);
    private final Div result = new Div();
    private final Upload upload;

    public TransferView(TaskBankTransfer transfer, Clock clock) {
        this.transfer = transfer;
        setId("transfer-view");
        addClassName("page");
        setPadding(false);
        add(new ViewHeader("Import and export",
                "Share a task bank between Assay installations: roles, every rubric version, and every task version."));

        String fileName = "assay-task-bank-" + LocalDate.now(clock) + ".yaml";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] yaml = transfer.exportBank().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(yaml), fileName, "application/yaml", yaml.length);
        }), "");
        download.setId("export-bank");
        Button exportButton = new Button("Download the task bank", VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        exportButton.setTabIndex(-1);
        download.add(exportButton);
        Div export = new Div(new H3("Export"), new Paragraph("One YAML file with every role, rubric version and task "
                + "version, including drafts. Exposure counts stay here. The format is described in "
                + "docs/task-bank-format.md."), download);
        export.addClassNames("card", "form-card");

        upload = new Upload(new LimitedUpload(TaskBankTransfer.MAX_BYTES,
                (metadata, bytes) -> importFile(metadata.fileName(), bytes),
                this::refused));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(TaskBankTransfer.MAX_BYTES);
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json", "application/yaml", "application/json", "text/yaml");
        upload.setDropLabel(new Span("or drop it here"));
        upload.addFileRejectedListener(e -> showError("That file was refused (" + e.getErrorMessage()
                + "). Upload a YAML or JSON task bank file of at most 5 MB."));
        Div importCard = new Div(new H3("Import"), new Paragraph("A YAML or JSON file of up to 5 MB. It is checked "
                + "completely before anything is written: if anything is wrong nothing is imported, and every problem "
                + "is listed with where it is in the file. Importing the same file twice changes nothing."), upload);
        importCard.addClassNames("card", "form-card");

        Button starter = new Button("Load the starter library", VaadinIcon.PACKAGE.create(), e -> confirmStarter());
        starter.setId("load-starter");
        Div starterCard = new Div(new H3("Starter library"), new Paragraph("Six roles (data analyst, marketing, "
                + "customer success, HR, finance, software engineering), each with an anchored rubric and a published "
                + "task of each kind. Already-installed versions are skipped."), starter);
        starterCard.addClassNames("card", "form-card");

        result.setId("import-result");
        result.addClassName("import-result");
        result.setVisible(false);
        Div cards = new Div(export, importCard, starterCard);
        cards.addClassName("card-grid");
        add(result, problems, cards);
    }

    private void refused(String message) {
        upload.clearFileList();
        showError(message + " Upload a YAML or JSON task bank file of at most 5 MB.");
    }

    private void importFile(String name, byte[] bytes) {
        upload.clearFileList();
        try {
            ImportReport report = transfer.importBank(bytes);
            showReport(name, report);
        } catch (TaskBankException e) {
            problems.show(name + ": " + e.getMessage(), e.problems());
            result.setVisible(false);
            if (e.problems().isEmpty()) {
                Toasts.error(e.getMessage());
            }
        }
    }

    private void confirmStarter() {
        ConfirmDialog dialog = new ConfirmDialog("Load the starter library?",
                "Adds six roles with rubrics and 18 published tasks to this bank. Roles and tasks already installed "
                        + "with the same content are left alone.",
                "Load", e -> {
                    try {
                        showReport("Starter library", transfer.importStarterLibrary());
                    } catch (TaskBankException ex) {
                        problems.show(ex.getMessage(), ex.problems());
                    }
                });
        dialog.setCancelable(true);
        dialog.open();
    }

    private void showReport(String source, ImportReport report) {
        problems.clear();
        result.removeAll();
        result.add(VaadinIcon.CHECK_CIRCLE.create(), new Span(source + " imported. " + report.summary()));
        result.setVisible(true);
        Toasts.success(report.changedNothing() ? "Nothing new to import." : "Import complete.");
    }

    private void showError(String message) {
        result.setVisible(false);
        Toasts.error(message);
    }
}
