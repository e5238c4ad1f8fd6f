package org.roadmapledger.command.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.roadmap.RoadmapId;

import java.time.LocalDate;
import java.util.List;

/**
 * A roadmap file ({@code roadmap/roadmap.json}): the structure, the objectives, their sponsors and milestones.
 * The file carries more than the ledger records (English titles, provenance, sources, notes, entities, what is
 * provisional): its records ignore what they do not name, unlike the API's request bodies. The constraints are
 * those of the commands the file turns into, so a bad file is refused whole before anything is recorded.
 *
 * @param effectiveOn when present, every command of the import takes effect on it; see {@link RoadmapImport}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RoadmapFile(
        @NotNull @Pattern(regexp = RoadmapId.PATTERN) String roadmapId,
        @NotNull @Valid Text title,
        @NotNull LocalDate launchedOn,
        LocalDate effectiveOn,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Axis> axes) {

    /** A wording in the file's languages; the ledger records the French one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(@NotBlank @Size(max = 500) String fr) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Axis(
            @NotBlank @Size(max = 32) String code,
            @NotNull @Valid Text title,
            @NotNull @Size(max = 100) List<@Valid @NotNull Priority> priorities) {
    }

    /** What the file's authors could not yet make official; the ledger records only whether a title is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Provisional(Boolean title) {

        static boolean title(Provisional provisional) {
            return provisional != null && Boolean.TRUE.equals(provisional.title());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Priority(
            @NotBlank @Size(max = 32) String code,
            @NotNull @Valid Text title,
            List<@Valid @NotNull Objective> objectives,
            Provisional provisional) {

        List<Objective> objectivesOrNone() {
            return objectives == null ? List.of() : objectives;
        }
    }

    /** @param sponsor the sponsor entity's code; null or blank when the file does not know it */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Objective(
            @NotNull @Pattern(regexp = ObjectiveId.PATTERN) String code,
            @NotNull @Valid Text title,
            @Size(max = 64) String sponsor,
            List<@Valid @NotNull Milestone> milestones,
            Provisional provisional) {

        boolean titleProvisional() {
            return Provisional.title(provisional);
        }

        List<Milestone> milestonesOrNone() {
            return milestones == null ? List.of() : milestones;
        }

        String sponsorOrNull() {
            return sponsor == null || sponsor.isBlank() ? null : sponsor;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Milestone(
            @NotNull @Pattern(regexp = MilestoneId.PATTERN) String milestoneId,
            @NotNull @Valid Text title,
            @NotNull LocalDate dueOn) {
    }
}
