package dev.assay.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.base.SystemAuthentication;
import dev.assay.staff.internal.LoginThrottle;
import dev.assay.staff.internal.StaffAccountRepository;
import dev.assay.support.DatabaseTest;
import dev.assay.support.StaffFixtures;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;

class StaffServiceIT extends DatabaseTest {

    @Autowired
    StaffService staff;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    LoginThrottle throttle;

    @Test
    void createdAccountsAreListedAndStoreOnlyABcryptHash() {
        IssuedPassword issued = StaffFixtures.createWithTemporaryPassword(staff, "Grace Hopper", StaffRole.RECRUITER,
                StaffRole.REVIEWER);

        assertThat(issued.password()).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}");
        assertThat(accounts.findByEmail(issued.member().email()).orElseThrow().isMustChangePassword())
                .as("an issued password is temporary").isTrue();
        String hash = accounts.findByEmail(issued.member().email()).orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(issued.password());
        assertThat(admin(() -> staff.list())).extracting(StaffMember::email).contains(issued.member().email());
        assertThat(issued.member().roles()).containsExactlyInAnyOrder(StaffRole.RECRUITER, StaffRole.REVIEWER);
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefused() {
        IssuedPassword first = StaffFixtures.create(staff, "Alan Turing", StaffRole.REVIEWER);
        String sameEmailOtherCase = first.member().email().toUpperCase();

        assertThatThrownBy(() -> admin(() -> staff.create(
                new NewStaffMember("Alan T.", sameEmailOtherCase, Set.of(StaffRole.REVIEWER)))))
                .isInstanceOf(StaffRuleException.class).hasMessageContaining("already exists");
    }

    @Test
    void theLastActiveAdminCanNeitherBeDisabledNorLoseTheRole() {
        // Leave exactly one active admin: disable every other admin first.
        IssuedPassword keeper = StaffFixtures.create(staff, "Keeper Admin", StaffRole.ADMIN);
        admin(() -> staff.list()).stream()
                .filter(m -> m.enabled() && m.hasRole(StaffRole.ADMIN) && m.id() != keeper.member().id())
                .forEach(m -> admin(() -> staff.disable(m.id())));
        long id = keeper.member().id();

        assertThatThrownBy(() -> admin(() -> staff.disable(id)))
                .isInstanceOf(StaffRuleException.class).hasMessageContaining("last active administrator");
        assertThatThrownBy(() -> admin(() -> staff.update(id, "Keeper Admin", EnumSet.of(StaffRole.REVIEWER))))
                .isInstanceOf(StaffRuleException.class);
        assertThat(accounts.countActiveAdmins()).isEqualTo(1);

        StaffFixtures.create(staff, "Second Admin", StaffRole.ADMIN);
        assertThat(admin(() -> staff.disable(id)).enabled()).isFalse();
        assertThat(accounts.countActiveAdmins()).isEqualTo(1);
        admin(() -> staff.enable(id));
    }

    @Test
    void resettingAPasswordReplacesTheHashAndLiftsASignInPause() {
        IssuedPassword issued = StaffFixtures.create(staff, "Locked Out", StaffRole.REVIEWER);
        String email = issued.member().email();
        for (int i = 0; i < 5; i++) {
            throttle.begin(email);
            throttle.failed(email);
        }
        assertThat(throttle.lockedUntil(email)).isPresent();
        String before = accounts.findByEmail(email).orElseThrow().getPasswordHash();

        IssuedPassword reset = admin(() -> staff.resetPassword(issued.member().id()));

        assertThat(reset.password()).isNotEqualTo(issued.password());
        assertThat(accounts.findByEmail(email).orElseThrow().getPasswordHash()).isNotEqualTo(before);
        assertThat(throttle.lockedUntil(email)).isEmpty();
    }

    @Test
    void theThrottleLocksOnTheFifthFailureForAnyEmail() {
        String nobody = StaffFixtures.uniqueEmail("nobody");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.begin(nobody)).isEqualTo(LoginThrottle.Slot.GRANTED);
            assertThat(throttle.failed(nobody)).isFalse();
        }
        assertThat(throttle.lockedUntil(nobody)).isEmpty();
        assertThat(throttle.begin(nobody)).isEqualTo(LoginThrottle.Slot.GRANTED);
        assertThat(throttle.failed(nobody)).isTrue();
        assertThat(throttle.lockedUntil(nobody)).isPresent();
        assertThat(throttle.begin(nobody)).isEqualTo(LoginThrottle.Slot.PAUSED);
    }

    @Test
    void attemptsInFlightCountSoNoMoreThanFivePasswordsAreCheckedAtOnce() {
        String target = StaffFixtures.uniqueEmail("target");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin(target)).as("slot " + (i + 1)).isEqualTo(LoginThrottle.Slot.GRANTED);
        }
        assertThat(throttle.begin(target)).as("a sixth attempt while five are being checked").isEqualTo(
                LoginThrottle.Slot.PAUSED);
        throttle.clear(target);
        assertThat(throttle.begin(target)).as("after a right password").isEqualTo(LoginThrottle.Slot.GRANTED);
    }

    @Test
    @WithMockUser(roles = "REVIEWER")
    void reviewersCannotManageStaff() {
        assertThatThrownBy(() -> staff.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.create(new NewStaffMember("X", "x@y.zz", Set.of(StaffRole.ADMIN))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThatThrownBy(() -> staff.list()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private static <T> T admin(java.util.function.Supplier<T> call) {
        return SystemAuthentication.callAs("ADMIN", call);
    }
}
