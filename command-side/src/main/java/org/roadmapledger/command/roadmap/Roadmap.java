package org.roadmapledger.command.roadmap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.PublishRoadmapStructure;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roadmapledger.command.rules.EffectiveDates.resolve;

/** A roadmap's structure: its title, axes and priorities, published as a whole and versioned. */
@Aggregate
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Roadmap {

    @AggregateIdentifier
    private RoadmapId roadmapId;
    private int structureVersion;
    private String title;
    private List<AxisDefinition> axes = List.of();

    protected Roadmap() {
        // Axon and snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(PublishRoadmapStructure command, PriorityOccupancy occupancy, Clock clock) {
        LocalDate effectiveOn = resolve(command.effectiveOn(), "effectiveOn", clock);
        requireConsistent(command.axes());
        if (structureVersion > 0 && title.equals(command.title()) && axes.equals(command.axes())) {
            throw new RuleViolation(Rule.NOTHING_CHANGES, "the structure is the one in force already");
        }
        Set<Placement> kept = placements(command.axes());
        for (Placement dropped : placements(axes)) {
            if (!kept.contains(dropped) && occupancy.holdsObjectives(command.roadmapId(), dropped.axis(),
                    dropped.priority())) {
                throw new RuleViolation(Rule.PRIORITY_HOLDS_OBJECTIVES, "axes",
                        "priority " + dropped.priority() + " of axis " + dropped.axis()
                                + " still holds objectives: move them before it disappears");
            }
        }
        apply(new RoadmapStructurePublished(command.roadmapId(), structureVersion + 1, command.title(),
                command.axes(), effectiveOn));
        return AggregateLifecycle.getVersion();
    }

    /** The structure in force, read without a command: the roadmap import publishes only when its file differs. */
    public RoadmapImportView importView() {
        return new RoadmapImportView(structureVersion, title, axes);
    }

    @EventSourcingHandler
    void on(RoadmapStructurePublished event) {
        roadmapId = event.roadmapId();
        structureVersion = event.structureVersion();
        title = event.title();
        axes = event.axes();
    }

    private record Placement(String axis, String priority) {
    }

    private static Set<Placement> placements(List<AxisDefinition> axes) {
        Set<Placement> placements = new HashSet<>();
        for (AxisDefinition axis : axes) {
            for (PriorityDefinition priority : axis.priorities()) {
                placements.add(new Placement(axis.code(), priority.code()));
            }
        }
        return placements;
    }

    private static void requireConsistent(List<AxisDefinition> axes) {
        Set<String> axisCodes = new HashSet<>();
        Set<String> priorityCodes = new HashSet<>();
        for (AxisDefinition axis : axes) {
            if (!axisCodes.add(axis.code())) {
                throw new RuleViolation(Rule.INVALID_STRUCTURE, "axes", "axis " + axis.code() + " appears twice");
            }
            for (PriorityDefinition priority : axis.priorities()) {
                if (!priorityCodes.add(priority.code())) {
                    throw new RuleViolation(Rule.INVALID_STRUCTURE, "axes",
                            "priority " + priority.code() + " appears twice");
                }
            }
        }
    }
}
