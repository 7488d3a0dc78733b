package dev.assay.support;

import dev.assay.base.SystemAuthentication;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.NewStaffMember;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates staff accounts for tests through the real service, each with a unique email. */
public final class StaffFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private StaffFixtures() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet() + "@test.example";
    }

    public static IssuedPassword create(StaffService staff, String name, StaffRole first, StaffRole... more) {
        return SystemAuthentication.callAs("ADMIN", () -> staff.create(new NewStaffMember(name,
                uniqueEmail(first.name().toLowerCase()), EnumSet.of(first, more))));
    }
}
