package dev.assay.staff;

/**
 * A request that breaks a staff-account rule, with a message written for the person who made it.
 */
public class StaffRuleException extends RuntimeException {

    public StaffRuleException(String message) {
        super(message);
    }
}
