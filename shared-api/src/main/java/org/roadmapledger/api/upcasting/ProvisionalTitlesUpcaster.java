package org.roadmapledger.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import java.util.Set;

/**
 * Reads the events recorded before titles could be marked provisional (revision 1 of {@link ObjectiveDefined},
 * {@link ObjectiveAmended} and {@link RoadmapStructurePublished}) as revision 2: their titles were recorded as
 * official, so each gets {@code "titleProvisional": false}. Nothing stored is rewritten.
 */
public final class ProvisionalTitlesUpcaster extends SingleEventUpcaster {

    static final String FROM = "1";
    static final String TO = "2";
    private static final String FIELD = "titleProvisional";
    private static final Set<String> OBJECTIVE_EVENTS = Set.of(ObjectiveDefined.class.getName(),
            ObjectiveAmended.class.getName());
    private static final String STRUCTURE = RoadmapStructurePublished.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String type = event.getType().getName();
        return FROM.equals(event.getType().getRevision())
                && (OBJECTIVE_EVENTS.contains(type) || STRUCTURE.equals(type));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), TO), JsonNode.class,
                payload -> STRUCTURE.equals(event.getType().getName()) ? structure(payload) : objective(payload));
    }

    private static JsonNode objective(JsonNode payload) {
        ((ObjectNode) payload).put(FIELD, false);
        return payload;
    }

    private static JsonNode structure(JsonNode payload) {
        for (JsonNode axis : payload.path("axes")) {
            for (JsonNode priority : axis.path("priorities")) {
                ((ObjectNode) priority).put(FIELD, false);
            }
        }
        return payload;
    }
}
