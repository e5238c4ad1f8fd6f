package org.roadmapledger.command.rules;

/** The business rules a command can break; the REST API maps each to one HTTP status in one place. */
public enum Rule {
    /** An effective date after today in Europe/Paris. */
    EFFECTIVE_DATE_IN_FUTURE,
    /** An effective date before the objective's definition or the milestone's previous event. */
    EFFECTIVE_DATE_OUT_OF_ORDER,
    /** The objective already exists. */
    DUPLICATE_OBJECTIVE,
    /** The milestone already exists in the objective. */
    DUPLICATE_MILESTONE,
    /** No such milestone in the objective. */
    UNKNOWN_MILESTONE,
    /** The axis or priority is not in the roadmap structure. */
    UNKNOWN_PRIORITY,
    /** The command would change nothing. */
    NOTHING_CHANGES,
    /** The milestone is achieved, and the command needs it not to be. */
    MILESTONE_ACHIEVED,
    /** The milestone is not achieved, and the command needs it to be. */
    MILESTONE_NOT_ACHIEVED,
    /** The roadmap structure would drop a priority that still holds objectives. */
    PRIORITY_HOLDS_OBJECTIVES,
    /** The roadmap structure itself is inconsistent, e.g. a priority code appears twice. */
    INVALID_STRUCTURE,
    /** The command is conditional on a version the aggregate has moved on from. */
    STALE_VERSION,
    /** The command names another roadmap than the one this ledger keeps. */
    UNKNOWN_ROADMAP
}
