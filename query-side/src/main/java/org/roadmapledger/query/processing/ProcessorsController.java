package org.roadmapledger.query.processing;

import org.roadmapledger.query.web.ReplayGuard;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/admin/processors}: which segments of each view processor this instance holds, and where. */
@RestController
@KnownParametersOnly
class ProcessorsController {

    private final ViewProcessors processors;
    private final TokenStore tokenStore;
    private final ProcessingProperties properties;
    private final ReplayGuard replay;

    ProcessorsController(ViewProcessors processors, TokenStore tokenStore, ProcessingProperties properties,
                         ReplayGuard replay) {
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.properties = properties;
        this.replay = replay;
    }

    record Segment(int segment, Long position, boolean caughtUp, boolean replaying, String error) {
    }

    record Processor(String name, boolean running, int totalSegments, List<Segment> owned) {
    }

    record Instance(String nodeId, List<Processor> processors) {
    }

    @GetMapping(path = "/api/admin/processors", produces = MediaType.APPLICATION_JSON_VALUE)
    Instance processors() {
        return new Instance(properties.nodeId(), ProcessingGroups.VIEWS.stream().map(this::describe).toList());
    }

    private Processor describe(String name) {
        StreamingEventProcessor processor = processors.processor(name);
        List<Segment> owned = processor.processingStatus().values().stream()
                .sorted(java.util.Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(this::segment)
                .toList();
        return new Processor(name, processor.isRunning(), tokenStore.fetchSegments(name).length, owned);
    }

    /**
     * Replaying while a replay runs: Axon keeps a segment's replay token (and says it replays) until an event newer
     * than the reset arrives, long after the replay has caught up.
     */
    private Segment segment(EventTrackerStatus status) {
        return new Segment(status.getSegment().getSegmentId(),
                status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null,
                status.isCaughtUp(), status.isReplaying() && replay.rebuilding(),
                status.isErrorState() ? String.valueOf(status.getError()) : null);
    }
}
