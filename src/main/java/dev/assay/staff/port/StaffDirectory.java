package dev.assay.staff.port;

import dev.assay.staff.StaffMember;
import java.util.Collection;
import java.util.List;

/** Staff accounts by id, for naming who did what. */
public interface StaffDirectory {

    /** The named accounts (enabled or not); ids that do not exist are absent. */
    List<StaffMember> accounts(Collection<Long> ids);
}
