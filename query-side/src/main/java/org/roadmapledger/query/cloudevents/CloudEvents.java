package org.roadmapledger.query.cloudevents;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.roadmapledger.query.feed.LedgerEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * Turns an event message into its CloudEvents 1.0 envelope (JSON format):
 * <pre>
 * {"specversion":"1.0","id":"&lt;event id&gt;","source":"&lt;ledger.events.source&gt;",
 *  "type":"org.roadmapledger.objective.status-reported.v1","subject":"1.01","time":"&lt;recordedAt&gt;",
 *  "datacontenttype":"application/json","subjectversion":7,"ledgerposition":"&lt;opaque position&gt;",
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

    private final ObjectMapper objectMapper;
    private final String source;

    CloudEvents(ObjectMapper objectMapper,
                @Value("${ledger.events.source:urn:roadmap-ledger:fr-digital-health-2023-2027}") String source) {
        this.objectMapper = objectMapper;
        this.source = source;
    }

    public String source() {
        return source;
    }

    public LedgerEvent toLedgerEvent(EventMessage<?> message) {
        Object payload = message.getPayload();
        Class<?> payloadType = payload.getClass();
        String subject;
        long version;
        if (message instanceof DomainEventMessage<?> domain) {
            subject = domain.getAggregateIdentifier();
            version = domain.getSequenceNumber();
        } else {
            subject = null;
            version = -1;
        }
        String type = payloadType.getSimpleName();
        String cloudEventType = EventTypes.cloudEventType(payloadType);
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        try (JsonGenerator json = objectMapper.getFactory().createGenerator(head)) {
            // the envelope goes on after the position, so the object stays open here
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            json.writeStartObject();
            json.writeStringField("specversion", SPEC_VERSION);
            json.writeStringField("id", message.getIdentifier());
            json.writeStringField("source", source);
            json.writeStringField("type", cloudEventType);
            if (subject != null) {
                json.writeStringField("subject", subject);
            }
            json.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(message.getTimestamp()));
            json.writeStringField("datacontenttype", "application/json");
            if (version >= 0) {
                json.writeNumberField(VERSION_ATTRIBUTE, version);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        head.writeBytes((",\"" + POSITION_ATTRIBUTE + "\":\"").getBytes(StandardCharsets.US_ASCII));
        byte[] headBytes = head.toByteArray();
        ByteArrayOutputStream tail = new ByteArrayOutputStream(512);
        tail.writeBytes("\",\"data\":".getBytes(StandardCharsets.US_ASCII));
        try {
            tail.writeBytes(objectMapper.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tail.write('}');
        return new LedgerEvent(message.getIdentifier(), type, cloudEventType, EventTypes.aggregate(payloadType),
                subject, version, message.getTimestamp(), payload, headBytes, tail.toByteArray());
    }
}
