package org.roadmapledger.peer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.roadmapledger.peer.ObjectiveMessages.DefineObjective;
import org.roadmapledger.peer.ObjectiveMessages.FindObjective;
import org.roadmapledger.peer.ObjectiveMessages.MarkMilestoneAchieved;
import org.roadmapledger.peer.ObjectiveMessages.PlanMilestone;
import org.roadmapledger.peer.ObjectiveMessages.RescheduleMilestone;
import org.roadmapledger.peer.ObjectiveMessages.ReportStatus;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * The ledger's paths and bodies for the commands the benchmarks send, with the same rules on input (ids, statuses,
 * percentages, lengths, unknown fields refused), and its read-your-write query: {@code minVersion} waits, through a
 * subscription query, until the view shows that version.
 */
@RestController
@Validated
@RequestMapping("/api/objectives")
class ObjectiveController {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    private static final String STATUS = "NOT_STARTED|ON_TRACK|AT_RISK|LATE|ACHIEVED|ABANDONED";
    private static final Duration VIEW_WAIT = Duration.ofSeconds(5);

    record Definition(@NotNull @Pattern(regexp = ID) String objectiveId, @NotBlank String axis,
                      @NotBlank String priority, @NotBlank @Size(max = 500) String title) {
    }

    record StatusReport(@NotNull @Pattern(regexp = STATUS) String status, @Min(0) @Max(100) Integer progressPercent,
                        @Size(max = 4000) String comment) {
    }

    record Milestone(@NotNull @Pattern(regexp = ID) String milestoneId, @NotBlank @Size(max = 500) String title,
                     @NotNull LocalDate dueOn) {
    }

    record Rescheduling(@NotNull LocalDate dueOn, @NotBlank @Size(max = 4000) String reason) {
    }

    record Achievement(@NotNull LocalDate achievedOn, @NotBlank @Size(max = 4000) String evidence) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;

    ObjectiveController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> define(@Valid @RequestBody Definition body) {
        commands.sendAndWait(new DefineObjective(body.objectiveId(), body.axis(), body.priority(), body.title()));
        return answer(body.objectiveId(), 0L);
    }

    @PostMapping("/{id}/status-reports")
    ResponseEntity<Map<String, Object>> report(@PathVariable @Pattern(regexp = ID) String id,
                                               @Valid @RequestBody StatusReport body) {
        return answer(id, commands.sendAndWait(new ReportStatus(id, body.status(), body.progressPercent(),
                body.comment())));
    }

    @PostMapping("/{id}/milestones")
    ResponseEntity<Map<String, Object>> plan(@PathVariable @Pattern(regexp = ID) String id,
                                             @Valid @RequestBody Milestone body) {
        return answer(id, commands.sendAndWait(new PlanMilestone(id, body.milestoneId(), body.title(),
                body.dueOn())));
    }

    @PutMapping("/{id}/milestones/{milestoneId}/due-on")
    ResponseEntity<Map<String, Object>> reschedule(@PathVariable @Pattern(regexp = ID) String id,
                                                   @PathVariable @Pattern(regexp = ID) String milestoneId,
                                                   @Valid @RequestBody Rescheduling body) {
        return answer(id, commands.sendAndWait(new RescheduleMilestone(id, milestoneId, body.dueOn(),
                body.reason())));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/achievement")
    ResponseEntity<Map<String, Object>> achieve(@PathVariable @Pattern(regexp = ID) String id,
                                                @PathVariable @Pattern(regexp = ID) String milestoneId,
                                                @Valid @RequestBody Achievement body) {
        return answer(id, commands.sendAndWait(new MarkMilestoneAchieved(id, milestoneId, body.achievedOn(),
                body.evidence())));
    }

    @GetMapping("/{id}")
    ResponseEntity<ObjectiveView> read(@PathVariable @Pattern(regexp = ID) String id,
                                       @RequestParam(required = false) @Min(0) Long minVersion) {
        long wanted = minVersion == null ? -1 : minVersion;
        try (SubscriptionQueryResult<ObjectiveView, ObjectiveView> result = queries.subscriptionQuery(
                new FindObjective(id), ResponseTypes.instanceOf(ObjectiveView.class),
                ResponseTypes.instanceOf(ObjectiveView.class))) {
            ObjectiveView view = result.initialResult().concatWith(result.updates())
                    .filter(found -> minVersion == null || found.version() >= wanted)
                    .next().timeout(VIEW_WAIT, Mono.empty())
                    .blockOptional().orElse(null);
            if (view == null) {
                return ResponseEntity.status(minVersion == null ? HttpStatus.NOT_FOUND
                        : HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            return ResponseEntity.ok(view);
        }
    }

    private static ResponseEntity<Map<String, Object>> answer(String id, Object version) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("objectiveId", id, "version", version));
    }
}
