package dev.assay.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.staff.IssuedPassword;

/** Shows a temporary password once, with a copy button. It cannot be shown again afterwards. */
class IssuedPasswordDialog extends Dialog {

    IssuedPasswordDialog(String title, IssuedPassword issued) {
        setHeaderTitle(title);
        setWidth("30rem");
        setMaxWidth("95vw");
        setCloseOnOutsideClick(false);
        TextField password = new TextField("Temporary password");
        password.setHelperText("Signs in as " + issued.member().email());
        password.setId("issued-password");
        password.setValue(issued.password());
        password.setReadOnly(true);
        password.setWidthFull();
        password.addClassName("mono");
        Button copy = new Button(VaadinIcon.COPY.create(), click -> {
            password.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)",
                    issued.password());
            click.getSource().setText("Copied");
        });
        copy.setAriaLabel("Copy password");
        copy.setTooltipText("Copy password");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        password.setSuffixComponent(copy);
        add(new Paragraph("Give this password to " + issued.member().fullName() + " through a secure channel. "
                + "It is shown only this once; they can change it under My account after signing in."), password);
        Button done = new Button("Done", click -> close());
        done.setId("issued-password-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
