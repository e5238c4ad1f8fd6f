package org.roadmapledger.command.rules;

import org.roadmapledger.api.objective.AmendObjective;
import org.roadmapledger.api.objective.MarkMilestoneAchieved;
import org.roadmapledger.api.objective.PlanMilestone;
import org.roadmapledger.api.objective.ReportStatus;
import org.roadmapledger.api.objective.RescheduleMilestone;
import org.roadmapledger.api.objective.RevokeMilestoneAchievement;
import org.roadmapledger.platform.security.Caller;
import org.roadmapledger.platform.security.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may send which command (DESIGN, "Identity and roles"): the programme office every command; a sponsor the
 * milestone commands, status reports and amendments of the description, of the objectives whose sponsor now is
 * its entity; nobody else any. The scope is checked against the objective's own state, never a view that may lag.
 */
public final class CommandRights {

    private static final Set<Class<?>> SPONSORS_COMMANDS = Set.of(PlanMilestone.class, RescheduleMilestone.class,
            MarkMilestoneAchieved.class, RevokeMilestoneAchievement.class, ReportStatus.class, AmendObjective.class);

    private CommandRights() {
    }

    /**
     * The roles the caller acts with for this command: the programme office when it holds it, else sponsor when
     * the command is one of a sponsor's.
     *
     * @throws RightMissing when neither gives the right
     */
    public static Set<Role> rolesUsed(Object command, Collection<Role> held) {
        if (held.contains(Role.PROGRAMME_OFFICE)) {
            return EnumSet.of(Role.PROGRAMME_OFFICE);
        }
        if (held.contains(Role.SPONSOR) && SPONSORS_COMMANDS.contains(command.getClass())) {
            return EnumSet.of(Role.SPONSOR);
        }
        throw new RightMissing(command.getClass().getSimpleName() + " needs the role programme-office"
                + (SPONSORS_COMMANDS.contains(command.getClass()) ? ", or sponsor of the objective" : ""));
    }

    /**
     * Checks a command sent with the sponsor's role alone against the objective's sponsor now. Commands sent
     * without roles come from inside the ledger (the import) and are not a caller's.
     *
     * @param metadata   the command's: the roles it was sent with (none for the ledger's own) and the caller's
     *                   entity, as its token says
     * @param sponsorNow the objective's sponsor in effect today, null when none
     */
    public static void requireSponsorScope(Object command, Map<String, ?> metadata, String objectiveId,
                                           String sponsorNow) {
        Object roles = metadata.get(Caller.ACTOR_ROLES);
        List<String> used = roles instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
        Object entity = metadata.get(Caller.ACTOR_ENTITY);
        if (used.isEmpty() || used.contains(Role.PROGRAMME_OFFICE.claimValue())) {
            return;
        }
        if (!used.contains(Role.SPONSOR.claimValue()) || !SPONSORS_COMMANDS.contains(command.getClass())) {
            throw new RightMissing(command.getClass().getSimpleName() + " needs the role programme-office");
        }
        if (entity == null || !entity.equals(sponsorNow)) {
            throw new RightMissing("objective " + objectiveId + " is sponsored by "
                    + (sponsorNow == null ? "no entity" : sponsorNow) + ", not by "
                    + (entity == null ? "an unnamed entity" : entity)
                    + ": only its sponsor or the programme office may change it");
        }
        if (command instanceof AmendObjective amend && amend.title() != null) {
            throw new RightMissing("a sponsor amends the description; the title is the programme office's");
        }
    }
}
