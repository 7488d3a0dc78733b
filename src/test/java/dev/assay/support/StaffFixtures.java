package dev.assay.support;

import dev.assay.base.SystemAuthentication;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.NewStaffMember;
import dev.assay.staff.StaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.staff.internal.StaffPrincipal;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Creates staff accounts for tests through the real service, each with a unique email. As a person would at
 * their first sign-in, each replaces the temporary password it was issued with one of its own, which is
 * what the returned {@link IssuedPassword} holds; {@link #createWithTemporaryPassword} leaves it temporary.
 */
public final class StaffFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private StaffFixtures() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet() + "@test.example";
    }

    public static IssuedPassword create(StaffService staff, String name, StaffRole first, StaffRole... more) {
        IssuedPassword issued = createWithTemporaryPassword(staff, name, first, more);
        String own = issued.password() + "-own";
        as(issued.member(), () -> {
            staff.changeOwnPassword(issued.password(), own);
            return null;
        });
        return new IssuedPassword(issued.member(), own);
    }

    public static IssuedPassword createWithTemporaryPassword(StaffService staff, String name, StaffRole first,
            StaffRole... more) {
        return SystemAuthentication.callAs("ADMIN", () -> staff.create(new NewStaffMember(name,
                uniqueEmail(first.name().toLowerCase()), EnumSet.of(first, more))));
    }

    /** Runs work signed in as this staff member, with their roles, as the web session would be. */
    public static <T> T as(StaffMember member, java.util.function.Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(member.id(), member.email(), member.fullName()), null,
                member.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
