package org.roadmapledger.command.objective;

import org.roadmapledger.api.objective.AmendObjective;
import org.roadmapledger.api.objective.AssignSponsor;
import org.roadmapledger.api.objective.DefineObjective;
import org.roadmapledger.api.objective.MarkMilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MoveObjective;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.PlanMilestone;
import org.roadmapledger.api.objective.ReportStatus;
import org.roadmapledger.api.objective.RescheduleMilestone;
import org.roadmapledger.api.objective.RevokeMilestoneAchievement;
import org.roadmapledger.command.web.CommandContext;
import org.roadmapledger.command.web.CommandResult;
import org.roadmapledger.command.web.CommandSender;
import org.roadmapledger.command.web.InvalidRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The command API on objectives and their milestones (DESIGN.md, "Command API"). */
@RestController
@RequestMapping(path = "/api/objectives", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class ObjectiveCommandController {

    private final CommandSender sender;

    ObjectiveCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    ResponseEntity<CommandResult> define(@RequestBody ObjectiveRequests.Define body, CommandContext context) {
        ObjectiveId id = Ids.objective(body.objectiveId(), "objectiveId");
        DefineObjective command = new DefineObjective(id, body.axis(), body.priority(), body.title(),
                body.description(), body.effectiveOn(), null);
        long version = sender.send(command, context, body);
        return new CommandResult(id.value(), version).created(location(id, null));
    }

    @PatchMapping("/{id}")
    ResponseEntity<CommandResult> amend(@PathVariable("id") String rawId, @RequestBody ObjectiveRequests.Amend body,
                                        CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        if (body.title() == null && body.description() == null) {
            throw new InvalidRequest("title", "title or description is required");
        }
        return send(new AmendObjective(id, body.title(), body.description(), body.effectiveOn(),
                context.expectedVersion()), id, context, body).ok();
    }

    @PutMapping("/{id}/placement")
    ResponseEntity<CommandResult> move(@PathVariable("id") String rawId,
                                       @RequestBody ObjectiveRequests.Placement body, CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        return send(new MoveObjective(id, body.axis(), body.priority(), body.effectiveOn(),
                context.expectedVersion()), id, context, body).ok();
    }

    @PutMapping("/{id}/sponsor")
    ResponseEntity<CommandResult> assignSponsor(@PathVariable("id") String rawId,
                                                @RequestBody ObjectiveRequests.Sponsor body, CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        return send(new AssignSponsor(id, body.sponsor(), body.reason(), body.effectiveOn(),
                context.expectedVersion()), id, context, body).ok();
    }

    @PostMapping("/{id}/milestones")
    ResponseEntity<CommandResult> planMilestone(@PathVariable("id") String rawId,
                                                @RequestBody ObjectiveRequests.PlanMilestone body,
                                                CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        MilestoneId milestoneId = Ids.milestone(body.milestoneId(), "milestoneId");
        return send(new PlanMilestone(id, milestoneId, body.title(), body.dueOn(), body.effectiveOn(),
                context.expectedVersion()), id, context, body).created(location(id, milestoneId));
    }

    @PutMapping("/{id}/milestones/{mid}/due-on")
    ResponseEntity<CommandResult> reschedule(@PathVariable("id") String rawId, @PathVariable("mid") String rawMid,
                                             @RequestBody ObjectiveRequests.Reschedule body, CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        return send(new RescheduleMilestone(id, Ids.milestone(rawMid, "mid"), body.dueOn(), body.reason(),
                body.effectiveOn(), context.expectedVersion()), id, context, body).ok();
    }

    @PostMapping("/{id}/milestones/{mid}/achievement")
    ResponseEntity<CommandResult> markAchieved(@PathVariable("id") String rawId, @PathVariable("mid") String rawMid,
                                               @RequestBody ObjectiveRequests.Achievement body,
                                               CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        return send(new MarkMilestoneAchieved(id, Ids.milestone(rawMid, "mid"), body.achievedOn(), body.evidence(),
                context.expectedVersion()), id, context, body).ok();
    }

    @PostMapping("/{id}/milestones/{mid}/achievement/revocation")
    ResponseEntity<CommandResult> revokeAchievement(@PathVariable("id") String rawId,
                                                    @PathVariable("mid") String rawMid,
                                                    @RequestBody ObjectiveRequests.Revocation body,
                                                    CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        return send(new RevokeMilestoneAchievement(id, Ids.milestone(rawMid, "mid"), body.reason(),
                body.effectiveOn(), context.expectedVersion()), id, context, body).ok();
    }

    @PostMapping("/{id}/status-reports")
    ResponseEntity<CommandResult> reportStatus(@PathVariable("id") String rawId,
                                               @RequestBody ObjectiveRequests.StatusReport body,
                                               CommandContext context) {
        ObjectiveId id = Ids.objective(rawId, "id");
        return send(new ReportStatus(id, body.status(), body.progressPercent(), body.comment(), body.effectiveOn(),
                context.expectedVersion()), id, context, body).created(null);
    }

    private CommandResult send(Object command, ObjectiveId id, CommandContext context, Object body) {
        return new CommandResult(id.value(), sender.send(command, context, body));
    }

    private static java.net.URI location(ObjectiveId id, MilestoneId milestoneId) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/api/objectives/{id}");
        if (milestoneId == null) {
            return builder.buildAndExpand(id.value()).encode().toUri();
        }
        return builder.path("/milestones/{mid}").buildAndExpand(id.value(), milestoneId.value()).encode().toUri();
    }
}
