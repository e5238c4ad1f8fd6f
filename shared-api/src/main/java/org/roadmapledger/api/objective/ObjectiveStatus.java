package org.roadmapledger.api.objective;

/** The status a sponsor reports for an objective; {@link #NOT_STARTED} until a report says otherwise. */
public enum ObjectiveStatus {
    NOT_STARTED,
    ON_TRACK,
    AT_RISK,
    LATE,
    ACHIEVED,
    ABANDONED
}
