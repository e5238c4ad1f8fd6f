package org.roadmapledger.command.rules;

import java.util.Objects;

/**
 * A command refused because it breaks a business rule. {@code field} names the request field at fault, when
 * one is.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;

    public RuleViolation(Rule rule, String field, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule);
        this.field = field;
    }

    public RuleViolation(Rule rule, String message) {
        this(rule, null, message);
    }

    /** A second definition of an objective id, whether the catalog or the event table's unique key finds it. */
    public static RuleViolation duplicateObjective() {
        return new RuleViolation(Rule.DUPLICATE_OBJECTIVE, "an objective with this id is already in the ledger");
    }

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
