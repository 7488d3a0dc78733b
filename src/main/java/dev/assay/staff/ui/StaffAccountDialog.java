package dev.assay.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.staff.NewStaffMember;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffRuleException;
import java.util.EnumSet;
import java.util.Set;

/** Creates a staff account, or edits an existing one's name and roles. */
class StaffAccountDialog extends Dialog {

    interface SaveAction {
        void save(NewStaffMember request);
    }

    private final TextField name = new TextField("Full name");
    private final EmailField email = new EmailField("Email");
    private final CheckboxGroup<StaffRole> roles = new CheckboxGroup<>("Roles");
    private final Paragraph error = new Paragraph();

    StaffAccountDialog(StaffMember existing, SaveAction action) {
        setHeaderTitle(existing == null ? "New staff account" : "Edit " + existing.fullName());
        setWidth("32rem");
        setMaxWidth("95vw");

        name.setId("staff-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        email.setId("staff-email");
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(254);
        email.setHelperText(existing == null ? "They sign in with this address." : "The sign-in email can't be changed.");
        roles.setId("staff-roles");
        roles.setItems(StaffRole.values());
        roles.setItemLabelGenerator(role -> role.label() + " · " + role.description());
        roles.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        roles.setRequiredIndicatorVisible(true);
        error.addClassName("form-error");
        error.setId("staff-form-error");
        error.setVisible(false);

        if (existing != null) {
            name.setValue(existing.fullName());
            email.setValue(existing.email());
            email.setReadOnly(true);
            roles.setValue(existing.roles());
        } else {
            roles.setValue(Set.of(StaffRole.REVIEWER));
        }

        FormLayout form = new FormLayout(name, email, roles, error);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button(existing == null ? "Create account" : "Save changes", click -> {
            try {
                action.save(new NewStaffMember(name.getValue(), email.getValue(),
                        roles.getValue().isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles.getValue())));
                close();
            } catch (StaffRuleException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("staff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
        name.focus();
    }
}
