package org.roadmapledger.command.objective;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import org.roadmapledger.api.objective.AmendObjective;
import org.roadmapledger.api.objective.AssignSponsor;
import org.roadmapledger.api.objective.DefineObjective;
import org.roadmapledger.api.objective.MarkMilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.MoveObjective;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveCommand;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.PlanMilestone;
import org.roadmapledger.api.objective.ReportStatus;
import org.roadmapledger.api.objective.RescheduleMilestone;
import org.roadmapledger.api.objective.RevokeMilestoneAchievement;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.command.rules.CommandRights;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roadmapledger.command.rules.EffectiveDates.requireNotBefore;
import static org.roadmapledger.command.rules.EffectiveDates.resolve;

/**
 * One objective of the roadmap: decides on every command about it and its milestones, then applies the event.
 * Every command handler returns the aggregate's version (its last event's sequence number) after the command.
 */
@Aggregate(snapshotTriggerDefinition = "objectiveSnapshotTrigger", cache = "objectiveCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Objective {

    record Placement(String axis, String priority) {
    }

    record Wording(String title, String description, boolean titleProvisional) {
    }

    @AggregateIdentifier
    private ObjectiveId objectiveId;
    private LocalDate definedOn;
    private Timeline<Placement> placement = new Timeline<>();
    private Timeline<Wording> wording = new Timeline<>();
    private Timeline<String> sponsor = new Timeline<>();
    private Map<String, Milestone> milestones = new HashMap<>();

    protected Objective() {
        // Axon and snapshots
    }

    @CommandHandler
    public Objective(DefineObjective command, RoadmapCatalog catalog, Clock clock) {
        catalog.requireUndefined(command.objectiveId());
        LocalDate effectiveOn = resolve(command.effectiveOn(), "effectiveOn", clock);
        requirePriority(catalog, command.axis(), command.priority());
        apply(new ObjectiveDefined(command.objectiveId(), catalog.roadmapId(), command.axis(), command.priority(),
                command.title(), blankToNull(command.description()), effectiveOn, command.titleProvisional()));
    }

    /** A sponsor acts only on the objectives it sponsors now: decided here, on the objective's own state. */
    @CommandHandlerInterceptor
    public Object withinTheCallersRights(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CommandRights.requireSponsorScope(command.getPayload(), command.getMetaData(), objectiveId.value(),
                sponsor.valueOn(LocalDate.MAX));
        return chain.proceed();
    }

    @CommandHandler
    public long handle(AmendObjective command, Clock clock) {
        LocalDate effectiveOn = checkObjectiveCommand(command, clock);
        Wording current = wording.valueOn(effectiveOn);
        String title = command.title() == null ? current.title() : command.title();
        String description = command.description() == null ? current.description()
                : blankToNull(command.description());
        boolean provisional = command.title() == null ? current.titleProvisional() : command.titleProvisional();
        if (current.equals(new Wording(title, description, provisional))) {
            throw new RuleViolation(Rule.NOTHING_CHANGES,
                    "title and description are already those in force on " + effectiveOn);
        }
        return applyAndVersion(new ObjectiveAmended(objectiveId, title, description, effectiveOn, provisional));
    }

    @CommandHandler
    public long handle(MoveObjective command, RoadmapCatalog catalog, Clock clock) {
        LocalDate effectiveOn = checkObjectiveCommand(command, clock);
        requirePriority(catalog, command.axis(), command.priority());
        Placement current = placement.valueOn(effectiveOn);
        if (current.equals(new Placement(command.axis(), command.priority()))) {
            throw new RuleViolation(Rule.NOTHING_CHANGES,
                    "the objective is already under " + command.priority() + " on " + effectiveOn);
        }
        return applyAndVersion(new ObjectiveMoved(objectiveId, command.axis(), command.priority(),
                current.axis(), current.priority(), effectiveOn));
    }

    @CommandHandler
    public long handle(AssignSponsor command, Clock clock) {
        LocalDate effectiveOn = checkObjectiveCommand(command, clock);
        String previous = sponsor.valueOn(effectiveOn);
        if (command.sponsor().equals(previous)) {
            throw new RuleViolation(Rule.NOTHING_CHANGES, "sponsor",
                    command.sponsor() + " is already the sponsor on " + effectiveOn);
        }
        return applyAndVersion(new SponsorAssigned(objectiveId, command.sponsor(), previous,
                blankToNull(command.reason()), effectiveOn));
    }

    @CommandHandler
    public long handle(ReportStatus command, Clock clock) {
        LocalDate effectiveOn = checkObjectiveCommand(command, clock);
        return applyAndVersion(new StatusReported(objectiveId, command.status(), command.progressPercent(),
                blankToNull(command.comment()), effectiveOn));
    }

    @CommandHandler
    public long handle(PlanMilestone command, Clock clock) {
        LocalDate effectiveOn = checkObjectiveCommand(command, clock);
        if (milestones.containsKey(command.milestoneId().value())) {
            throw new RuleViolation(Rule.DUPLICATE_MILESTONE, "milestoneId",
                    "milestone " + command.milestoneId() + " already exists in objective " + objectiveId);
        }
        return applyAndVersion(new MilestonePlanned(objectiveId, command.milestoneId(), command.title(),
                command.dueOn(), effectiveOn));
    }

    @CommandHandler
    public long handle(RescheduleMilestone command, Clock clock) {
        existing(command.milestoneId());
        LocalDate effectiveOn = checkObjectiveCommand(command, clock);
        Milestone milestone = milestone(command.milestoneId(), effectiveOn, "effectiveOn");
        if (milestone.achieved()) {
            throw new RuleViolation(Rule.MILESTONE_ACHIEVED,
                    "milestone " + milestone.milestoneId() + " is achieved: an achieved milestone is not rescheduled");
        }
        if (milestone.dueOn().equals(command.dueOn())) {
            throw new RuleViolation(Rule.NOTHING_CHANGES, "dueOn",
                    "milestone " + milestone.milestoneId() + " is already due on " + command.dueOn());
        }
        return applyAndVersion(new MilestoneRescheduled(objectiveId, milestone.milestoneId(), command.dueOn(),
                milestone.dueOn(), command.reason(), effectiveOn));
    }

    @CommandHandler
    public long handle(MarkMilestoneAchieved command, Clock clock) {
        existing(command.milestoneId());
        checkExpectedVersion(command);
        LocalDate achievedOn = resolve(command.achievedOn(), "achievedOn", clock);
        requireNotBefore(achievedOn, definedOn, "achievedOn", "the date objective " + objectiveId + " was defined");
        Milestone milestone = milestone(command.milestoneId(), achievedOn, "achievedOn");
        if (milestone.achieved()) {
            throw new RuleViolation(Rule.MILESTONE_ACHIEVED,
                    "milestone " + milestone.milestoneId() + " is already achieved");
        }
        return applyAndVersion(new MilestoneAchieved(objectiveId, milestone.milestoneId(), achievedOn,
                blankToNull(command.evidence()), achievedOn));
    }

    @CommandHandler
    public long handle(RevokeMilestoneAchievement command, Clock clock) {
        existing(command.milestoneId());
        LocalDate effectiveOn = checkObjectiveCommand(command, clock);
        Milestone milestone = milestone(command.milestoneId(), effectiveOn, "effectiveOn");
        if (!milestone.achieved()) {
            throw new RuleViolation(Rule.MILESTONE_NOT_ACHIEVED,
                    "milestone " + milestone.milestoneId() + " is not achieved: there is no achievement to revoke");
        }
        return applyAndVersion(new MilestoneAchievementRevoked(objectiveId, milestone.milestoneId(),
                command.reason(), effectiveOn));
    }

    /**
     * The state in force on that date, read without a command: the roadmap import compares it with its file and
     * issues only the commands that make a difference.
     */
    public ObjectiveImportView importView(LocalDate on) {
        return ObjectiveImportView.of(objectiveId, definedOn, placement.valueOn(on), wording.valueOn(on),
                sponsor.valueOn(on), milestones.values());
    }

    @EventSourcingHandler
    void on(ObjectiveDefined event) {
        objectiveId = event.objectiveId();
        definedOn = event.effectiveOn();
        placement.record(event.effectiveOn(), new Placement(event.axis(), event.priority()));
        wording.record(event.effectiveOn(), new Wording(event.title(), event.description(),
                event.titleProvisional()));
    }

    @EventSourcingHandler
    void on(ObjectiveAmended event) {
        wording.record(event.effectiveOn(), new Wording(event.title(), event.description(),
                event.titleProvisional()));
    }

    @EventSourcingHandler
    void on(ObjectiveMoved event) {
        placement.record(event.effectiveOn(), new Placement(event.axis(), event.priority()));
    }

    @EventSourcingHandler
    void on(SponsorAssigned event) {
        sponsor.record(event.effectiveOn(), event.sponsor());
    }

    @EventSourcingHandler
    void on(MilestonePlanned event) {
        milestones.put(event.milestoneId().value(),
                new Milestone(event.milestoneId(), event.dueOn(), event.effectiveOn()));
    }

    @EventSourcingHandler
    void on(MilestoneRescheduled event) {
        milestones.get(event.milestoneId().value()).rescheduled(event.dueOn(), event.effectiveOn());
    }

    @EventSourcingHandler
    void on(MilestoneAchieved event) {
        milestones.get(event.milestoneId().value()).achieved(event.achievedOn());
    }

    @EventSourcingHandler
    void on(MilestoneAchievementRevoked event) {
        milestones.get(event.milestoneId().value()).revoked(event.effectiveOn());
    }

    /** Checks what every command on an existing objective must satisfy; returns its effective date. */
    private LocalDate checkObjectiveCommand(ObjectiveCommand command, Clock clock) {
        checkExpectedVersion(command);
        LocalDate effectiveOn = resolve(command.effectiveOn(), "effectiveOn", clock);
        requireNotBefore(effectiveOn, definedOn, "effectiveOn",
                "the date objective " + objectiveId + " was defined");
        return effectiveOn;
    }

    private void checkExpectedVersion(ObjectiveCommand command) {
        Long current = AggregateLifecycle.getVersion();
        if (command.expectedVersion() != null && !Objects.equals(command.expectedVersion(), current)) {
            throw new RuleViolation(Rule.STALE_VERSION,
                    "objective " + objectiveId + " is at version " + current + ", not "
                            + command.expectedVersion());
        }
    }

    // an unknown milestone is a 404 before any rule on its dates or version can apply (RFC 9110, 13.2.1)
    private Milestone existing(MilestoneId milestoneId) {
        Milestone milestone = milestones.get(milestoneId.value());
        if (milestone == null) {
            throw new RuleViolation(Rule.UNKNOWN_MILESTONE, "milestoneId",
                    "objective " + objectiveId + " has no milestone " + milestoneId);
        }
        return milestone;
    }

    private Milestone milestone(MilestoneId milestoneId, LocalDate effectiveOn, String field) {
        Milestone milestone = existing(milestoneId);
        requireNotBefore(effectiveOn, milestone.lastEffectiveOn(), field,
                "the date of milestone " + milestoneId + "'s previous event");
        return milestone;
    }

    private static void requirePriority(RoadmapCatalog catalog, String axis, String priority) {
        if (!catalog.hasPriority(axis, priority)) {
            throw new RuleViolation(Rule.UNKNOWN_PRIORITY, "priority",
                    "roadmap " + catalog.roadmapId() + " has no priority " + priority + " under axis " + axis);
        }
    }

    private static long applyAndVersion(Object event) {
        apply(event);
        return AggregateLifecycle.getVersion();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
