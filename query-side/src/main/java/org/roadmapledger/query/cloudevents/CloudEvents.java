package org.roadmapledger.query.cloudevents;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
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

    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private final ObjectMapper objectMapper;
    private final String source;
    private final String quotedSource;

    CloudEvents(ObjectMapper objectMapper,
                @Value("${ledger.events.source:urn:roadmap-ledger:fr-digital-health-2023-2027}") String source) {
        this.objectMapper = objectMapper;
        this.source = source;
        this.quotedSource = new String(QUOTE.quoteAsString(source));
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
        // written by hand rather than with a generator: this runs for every event every subscriber reads
        StringBuilder head = new StringBuilder(320).append("{\"specversion\":\"").append(SPEC_VERSION)
                .append("\",\"id\":\"").append(QUOTE.quoteAsString(message.getIdentifier()))
                .append("\",\"source\":\"").append(quotedSource)
                .append("\",\"type\":\"").append(cloudEventType).append('"');
        if (subject != null) {
            head.append(",\"subject\":\"").append(QUOTE.quoteAsString(subject)).append('"');
        }
        head.append(",\"time\":\"").append(DateTimeFormatter.ISO_INSTANT.format(message.getTimestamp()))
                .append("\",\"datacontenttype\":\"application/json\"");
        if (version >= 0) {
            head.append(",\"").append(VERSION_ATTRIBUTE).append("\":").append(version);
        }
        head.append(",\"").append(POSITION_ATTRIBUTE).append("\":\"");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
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
