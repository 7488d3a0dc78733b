package dev.assay.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffRuleException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffAccountTest {

    private static StaffAccount account(StaffRole... roles) {
        return StaffAccount.create("Ada Okafor", "Ada@Example.com ", Set.of(roles), "{bcrypt}hash", Instant.EPOCH);
    }

    @Test
    void emailsAreStoredTrimmedAndLowerCased() {
        assertThat(account(StaffRole.REVIEWER).getEmail()).isEqualTo("ada@example.com");
    }

    @Test
    void refusesMalformedEmails() {
        assertThatThrownBy(() -> StaffAccount.create("Ada", "not-an-email", Set.of(StaffRole.ADMIN), "h", Instant.EPOCH))
                .isInstanceOf(StaffRuleException.class).hasMessageContaining("valid email");
        assertThatThrownBy(() -> StaffAccount.create("Ada", " ", Set.of(StaffRole.ADMIN), "h", Instant.EPOCH))
                .isInstanceOf(StaffRuleException.class).hasMessageContaining("Enter an email");
    }

    @Test
    void refusesBlankNamesAndMissingRoles() {
        assertThatThrownBy(() -> StaffAccount.create("  ", "a@b.co", Set.of(StaffRole.ADMIN), "h", Instant.EPOCH))
                .isInstanceOf(StaffRuleException.class).hasMessageContaining("full name");
        assertThatThrownBy(() -> StaffAccount.create("Ada", "a@b.co", Set.of(), "h", Instant.EPOCH))
                .isInstanceOf(StaffRuleException.class).hasMessageContaining("at least one role");
    }

    @Test
    void theLastActiveAdminCannotBeDisabled() {
        StaffAccount admin = account(StaffRole.ADMIN);
        assertThatThrownBy(() -> admin.disable(1)).isInstanceOf(StaffRuleException.class)
                .hasMessageContaining("last active administrator");
        assertThat(admin.isEnabled()).isTrue();
    }

    @Test
    void anAdminCanBeDisabledWhileAnotherAdminRemains() {
        StaffAccount admin = account(StaffRole.ADMIN);
        admin.disable(2);
        assertThat(admin.isEnabled()).isFalse();
    }

    @Test
    void theLastActiveAdminKeepsTheAdminRole() {
        StaffAccount admin = account(StaffRole.ADMIN, StaffRole.RECRUITER);
        assertThatThrownBy(() -> admin.changeRoles(Set.of(StaffRole.RECRUITER), 1))
                .isInstanceOf(StaffRuleException.class);
        assertThat(admin.getRoles()).contains(StaffRole.ADMIN);
        admin.changeRoles(Set.of(StaffRole.RECRUITER), 2);
        assertThat(admin.getRoles()).containsExactly(StaffRole.RECRUITER);
    }

    @Test
    void nonAdminsCanBeDisabledEvenWhenNoAdminIsCounted() {
        StaffAccount reviewer = account(StaffRole.REVIEWER);
        reviewer.disable(0);
        assertThat(reviewer.isEnabled()).isFalse();
    }
}
