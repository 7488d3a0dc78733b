package dev.assay.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.assay.base.ui.ViewHeader;
import dev.assay.staff.StaffRuleException;
import dev.assay.staff.StaffService;
import jakarta.annotation.security.PermitAll;

/** Every staff member's own settings: for now, changing their password. */
@Route("account")
@PageTitle("My account · Assay")
@PermitAll
public class MyAccountView extends VerticalLayout {

    public MyAccountView(StaffService staff) {
        setId("my-account");
        addClassName("page");
        setPadding(false);
        add(new ViewHeader("My account", "Change the password you sign in with."));
        if (staff.mustChangePassword()) {
            Div notice = new Div(VaadinIcon.KEY.create(), new Span("Choose your own password to continue. The one "
                    + "you signed in with was issued to you and works only until you do."));
            notice.addClassName("review-banner");
            notice.setId("must-change-password");
            add(notice);
        }

        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText("At least " + StaffService.MIN_PASSWORD_LENGTH + " characters. A short sentence works well.");
        PasswordField repeat = new PasswordField("Repeat new password");
        repeat.setId("repeat-password");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setVisible(false);

        Button save = new Button("Change password", click -> {
            error.setVisible(false);
            if (!next.getValue().equals(repeat.getValue())) {
                error.setText("The new passwords don't match.");
                error.setVisible(true);
                return;
            }
            try {
                staff.changeOwnPassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                repeat.clear();
                Notification.show("Your password has been changed. Other sessions of your account were signed out.",
                        5000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getChildren().filter(c -> "must-change-password".equals(c.getId().orElse(null))).findFirst()
                        .ifPresent(c -> {
                            remove(c);
                            getUI().ifPresent(ui -> ui.navigate(""));
                        });
            } catch (StaffRuleException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(current, next, repeat, error, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("26rem");
        Div card = new Div(new H3("Password"), form);
        card.addClassName("card");
        add(card);
    }
}
