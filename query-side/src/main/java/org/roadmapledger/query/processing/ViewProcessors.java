package org.roadmapledger.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The streaming processors that build the read models, one per processing group (the processor takes the group's
 * name). Other processors (a subscription's, say) are not views: a replay leaves them alone.
 */
@Component
public class ViewProcessors {

    private final EventProcessingConfiguration processing;

    ViewProcessors(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming event processor named " + name));
    }

    public List<StreamingEventProcessor> all() {
        return ProcessingGroups.VIEWS.stream().map(this::processor).toList();
    }

    /** The segments this instance owns, by segment id, with their positions. */
    public Map<Integer, EventTrackerStatus> owned(String name) {
        return processor(name).processingStatus();
    }

    /** Whether this instance owns the segment of {@code name} that handles the objective's events. */
    public boolean ownsObjective(String name, String objectiveId) {
        return owned(name).values().stream().anyMatch(status -> status.getSegment().matches(objectiveId));
    }

    /** Every segment this instance owns has read up to the head of the event stream, without error. */
    public boolean caughtUp() {
        return ProcessingGroups.VIEWS.stream().allMatch(name -> owned(name).values().stream()
                .allMatch(status -> status.isCaughtUp() && !status.isErrorState()));
    }
}
