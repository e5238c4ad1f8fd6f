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

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
