package org.roadmapledger.command.seed;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.roadmapledger.command.LedgerProperties;
import org.roadmapledger.command.rules.EffectiveDates;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RuleViolation;
import org.roadmapledger.command.web.InvalidRequest;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a roadmap file before any of it is recorded: an import that stopped halfway on a bad entry would leave
 * the ledger between two versions of the roadmap.
 */
@Component
class RoadmapFileValidator {

    private final Validator validator;
    private final String roadmapId;
    private final Clock clock;

    RoadmapFileValidator(Validator validator, LedgerProperties properties, Clock clock) {
        this.validator = validator;
        this.roadmapId = properties.roadmapId();
        this.clock = clock;
    }

    void validate(RoadmapFile file) {
        if (file.roadmapId() != null && !file.roadmapId().equals(roadmapId)) {
            throw new RuleViolation(Rule.UNKNOWN_ROADMAP, "roadmapId",
                    "the file is for roadmap " + file.roadmapId() + "; this ledger keeps " + roadmapId);
        }
        Set<ConstraintViolation<RoadmapFile>> violations = validator.validate(file);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        requireUniqueCodes(file);
        if (file.effectiveOn() != null) {
            EffectiveDates.resolve(file.effectiveOn(), "effectiveOn", clock);
        }
    }

    /** Each code names one thing: the commands address axes, priorities, objectives and milestones by code. */
    private void requireUniqueCodes(RoadmapFile file) {
        Set<String> axes = new HashSet<>();
        Set<String> priorities = new HashSet<>();
        Set<String> objectives = new HashSet<>();
        for (int a = 0; a < file.axes().size(); a++) {
            RoadmapFile.Axis axis = file.axes().get(a);
            String axisPath = "axes[" + a + "]";
            unique(axes, axis.code(), axisPath + ".code", "axis");
            for (int p = 0; p < axis.priorities().size(); p++) {
                RoadmapFile.Priority priority = axis.priorities().get(p);
                String priorityPath = axisPath + ".priorities[" + p + "]";
                unique(priorities, priority.code(), priorityPath + ".code", "priority");
                for (int o = 0; o < priority.objectivesOrNone().size(); o++) {
                    RoadmapFile.Objective objective = priority.objectivesOrNone().get(o);
                    String objectivePath = priorityPath + ".objectives[" + o + "]";
                    unique(objectives, objective.code(), objectivePath + ".code", "objective");
                    if (objective.code().equals(roadmapId)) {
                        // Aggregates share one event table: an objective named like the roadmap would collide with it.
                        throw new InvalidRequest(objectivePath + ".code", "must differ from the roadmap's id");
                    }
                    Set<String> milestones = new HashSet<>();
                    for (int m = 0; m < objective.milestonesOrNone().size(); m++) {
                        unique(milestones, objective.milestonesOrNone().get(m).milestoneId(),
                                objectivePath + ".milestones[" + m + "].milestoneId", "milestone of this objective");
                    }
                }
            }
        }
    }

    private static void unique(Set<String> seen, String code, String field, String what) {
        if (!seen.add(code)) {
            throw new InvalidRequest(field, code + " is already the code of another " + what);
        }
    }
}
