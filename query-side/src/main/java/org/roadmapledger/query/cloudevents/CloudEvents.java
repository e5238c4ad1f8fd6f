package org.roadmapledger.query.cloudevents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Turns an event message into its CloudEvents 1.0 envelope, written by the CloudEvents SDK's JSON format:
 * <pre>
 * {"specversion":"1.0","id":"&lt;event id&gt;","source":"&lt;ledger.events.source&gt;",
 *  "type":"org.roadmapledger.objective.status-reported.v1","datacontenttype":"application/json",
 *  "subject":"1.01","time":"&lt;recordedAt&gt;","ledgerposition":"&lt;opaque position&gt;","subjectversion":7,
 *  "data":{&lt;the event's fields, effectiveOn included&gt;}}
 * </pre>
 * {@code subjectversion} and {@code ledgerposition} are extension attributes: the objective's version after the
 * event (what {@code minVersion} and {@code If-Match} take) and the position to resume after this event.
 */
@Component
public class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String POSITION_ATTRIBUTE = "ledgerposition";
    public static final String VERSION_ATTRIBUTE = "subjectversion";

    // the position depends on the reader: the envelope is written once with this in its place, and split there
    private static final String POSITION_SLOT = "position-slot-7f3a9c";
    private static final byte[] SLOT = ("\"" + POSITION_SLOT + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final EventFormat FORMAT = new JsonFormat();

    private final ObjectMapper objectMapper;
    private final URI source;

    CloudEvents(ObjectMapper objectMapper,
                @Value("${ledger.events.source:urn:roadmap-ledger:fr-digital-health-2023-2027}") String source) {
        this.objectMapper = objectMapper;
        this.source = URI.create(source);
    }

    public String source() {
        return source.toString();
    }

    public LedgerEvent toLedgerEvent(EventMessage<?> message) {
        Object payload = message.getPayload();
        Class<?> payloadType = payload.getClass();
        String subject = null;
        long version = -1;
        if (message instanceof DomainEventMessage<?> domain) {
            subject = domain.getAggregateIdentifier();
            version = domain.getSequenceNumber();
        }
        String cloudEventType = EventTypes.cloudEventType(payloadType);
        CloudEventBuilder envelope = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(source)
                .withType(cloudEventType)
                .withSubject(subject)
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json");
        if (version >= 0) {
            // the SDK writes an Integer extension as a JSON number and a Long as text: no objective nears 2^31 events
            envelope.withExtension(VERSION_ATTRIBUTE, Math.toIntExact(version));
        }
        CloudEvent event = envelope.withExtension(POSITION_ATTRIBUTE, POSITION_SLOT)
                .withData(BytesCloudEventData.wrap(json(payload)))
                .build();
        byte[] written = FORMAT.serialize(event);
        int slot = indexOf(written, SLOT);
        return new LedgerEvent(message.getIdentifier(), payloadType.getSimpleName(), cloudEventType,
                EventTypes.aggregate(payloadType), subject, version, message.getTimestamp(), payload,
                Arrays.copyOfRange(written, 0, slot + 1), Arrays.copyOfRange(written, slot + SLOT.length - 1,
                written.length));
    }

    private byte[] json(Object payload) {
        try {
            return objectMapper.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the envelope lost its position slot");
    }
}
