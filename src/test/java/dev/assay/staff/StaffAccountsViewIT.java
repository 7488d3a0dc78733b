package dev.assay.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.staff.ui.StaffAccountsView;
import dev.assay.support.StaffFixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The staff accounts view, exercised without a browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(roles = "ADMIN")
class StaffAccountsViewIT extends SpringBrowserlessTest {

    @Test
    @SuppressWarnings("unchecked")
    void anAdminCreatesAnAccountAndSeesItInTheListWithItsTemporaryPassword() {
        navigate(StaffAccountsView.class);
        test($(Button.class).id("new-staff")).click();

        String email = StaffFixtures.uniqueEmail("new.recruiter");
        test($(TextField.class).id("staff-name")).setValue("Nina New");
        test($(EmailField.class).id("staff-email")).setValue(email);
        $(CheckboxGroup.class).id("staff-roles").setValue(Set.of(StaffRole.RECRUITER));
        test($(Button.class).id("staff-save")).click();

        TextField issued = $(TextField.class).id("issued-password");
        assertThat(issued.getValue()).hasSize(19);
        Grid<StaffMember> grid = $(Grid.class).id("staff-grid");
        assertThat(test(grid).size()).isPositive();
        assertThat(grid.getGenericDataView().getItems()).extracting(StaffMember::email).contains(email);
    }

    @Test
    void creatingAnAccountWithABadEmailShowsTheProblemInTheDialog() {
        navigate(StaffAccountsView.class);
        test($(Button.class).id("new-staff")).click();

        test($(TextField.class).id("staff-name")).setValue("Bad Email");
        test($(EmailField.class).id("staff-email")).setValue("bad-email");
        test($(Button.class).id("staff-save")).click();

        Paragraph error = $(Paragraph.class).id("staff-form-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("valid email");
    }
}
