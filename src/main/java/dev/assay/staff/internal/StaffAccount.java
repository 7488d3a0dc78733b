package dev.assay.staff.internal;

import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A staff member's account. Holds the rules about names, emails and roles. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = MAX_EMAIL)
    private String email;

    @Column(name = "full_name", nullable = false, length = MAX_NAME)
    private String fullName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", length = 20, nullable = false)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** Changes whenever the account's access changes, ending sessions signed in before. */
    @Column(name = "session_stamp", nullable = false, length = 36)
    private String sessionStamp = "initial";

    /** The password was issued by someone else (or generated) and must be replaced at the next sign-in. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Version
    private long version;

    protected StaffAccount() {
    }

    public static StaffAccount create(String fullName, String email, Set<StaffRole> roles, String passwordHash,
            Instant now) {
        StaffAccount account = new StaffAccount();
        account.fullName = validName(fullName);
        account.email = validEmail(email);
        account.roles = validRoles(roles);
        account.passwordHash = passwordHash;
        account.createdAt = now;
        account.passwordChangedAt = now;
        return account;
    }

    /** Lower-cased and trimmed: emails are compared and stored in this form. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static String validEmail(String email) {
        String normalized = normalizeEmail(email);
        if (normalized.isEmpty()) {
            throw new StaffRuleException("Enter an email address.");
        }
        if (normalized.length() > MAX_EMAIL || !EMAIL.matcher(normalized).matches()) {
            throw new StaffRuleException("Enter a valid email address, like name@company.com.");
        }
        return normalized;
    }

    static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new StaffRuleException("Enter the person's full name.");
        }
        if (stripped.length() > MAX_NAME) {
            throw new StaffRuleException("The name can be at most " + MAX_NAME + " characters.");
        }
        dev.assay.base.PlainText.problem(stripped).ifPresent(p -> {
            throw new StaffRuleException("The name " + p + ".");
        });
        return stripped;
    }

    static Set<StaffRole> validRoles(Set<StaffRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new StaffRuleException("Choose at least one role.");
        }
        return EnumSet.copyOf(roles);
    }

    public boolean isActiveAdmin() {
        return enabled && roles.contains(StaffRole.ADMIN);
    }

    /**
     * @param activeAdmins how many enabled admin accounts exist now, this one included
     */
    public void disable(long activeAdmins) {
        if (isActiveAdmin() && activeAdmins <= 1) {
            throw new StaffRuleException("This is the last active administrator. Give another account the "
                    + "Admin role before disabling this one.");
        }
        enabled = false;
        endSessions();
    }

    public void enable() {
        enabled = true;
    }

    /**
     * @param activeAdmins how many enabled admin accounts exist now, this one included
     */
    public void changeRoles(Set<StaffRole> newRoles, long activeAdmins) {
        Set<StaffRole> valid = validRoles(newRoles);
        if (isActiveAdmin() && !valid.contains(StaffRole.ADMIN) && activeAdmins <= 1) {
            throw new StaffRuleException("This is the last active administrator. Give another account the "
                    + "Admin role before removing it from this one.");
        }
        if (!valid.equals(roles)) {
            endSessions();
        }
        roles = valid;
    }

    public void rename(String newName) {
        fullName = validName(newName);
    }

    /** The person chose a new password: sessions signed in with the old one end. */
    public void changePasswordHash(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        mustChangePassword = false;
        endSessions();
    }

    /** Someone else set a temporary password (a reset, a new account): it must be replaced at sign-in. */
    public void issueTemporaryPassword(String newHash, Instant now) {
        changePasswordHash(newHash, now);
        mustChangePassword = true;
    }

    /** Every session signed in before now stops working at its next request. */
    public void endSessions() {
        sessionStamp = java.util.UUID.randomUUID().toString();
    }

    public String getSessionStamp() {
        return sessionStamp;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<StaffRole> getRoles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }
}
