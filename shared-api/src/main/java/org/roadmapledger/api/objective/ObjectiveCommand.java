package org.roadmapledger.api.objective;

import java.time.LocalDate;

/**
 * A request to change one objective. {@code effectiveOn} may be null: the ledger then takes today in
 * Europe/Paris. {@code expectedVersion} may be null: when set, the command is refused unless the objective is
 * still at that version (the REST API's {@code If-Match}).
 */
public sealed interface ObjectiveCommand
        permits DefineObjective, AmendObjective, MoveObjective, AssignSponsor, ReportStatus, MilestoneCommand {

    ObjectiveId objectiveId();

    LocalDate effectiveOn();

    Long expectedVersion();
}
