package org.roadmapledger.query.cloudevents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The envelope as the CloudEvents SDK writes it. Before the SDK the ledger wrote the same attributes by hand in
 * another order ({@code subject} and {@code time} before {@code datacontenttype}, {@code subjectversion} before
 * {@code ledgerposition}) and a time's fraction in groups of three digits: the JSON is the same object, which the
 * second test shows against bytes the former writer produced.
 */
class CloudEventsTest {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void an_event_is_enveloped_in_the_bytes_subscribers_have_always_received() {
        // given
        CloudEvents cloudEvents = new CloudEvents(JSON, "urn:roadmap-ledger:test");
        StatusReported reported = new StatusReported(ObjectiveId.of("1.03"), ObjectiveStatus.AT_RISK, 40,
                "Retard de l'éditeur \"Ségur\" \u2014 \u00e0 suivre\n", LocalDate.parse("2025-03-31"));
        GenericDomainEventMessage<StatusReported> message = new GenericDomainEventMessage<>("Objective", "1.03", 7,
                reported, MetaData.emptyInstance(), "5c0ef3e0-0000-4000-8000-000000000007",
                Instant.parse("2025-04-02T09:15:30.123Z"));

        // when
        LedgerEvent event = cloudEvents.toLedgerEvent(message);

        // then
        assertThat(new String(event.cloudEvent("AAEC-position_"), StandardCharsets.UTF_8)).isEqualTo(
                "{\"specversion\":\"1.0\",\"id\":\"5c0ef3e0-0000-4000-8000-000000000007\","
                        + "\"source\":\"urn:roadmap-ledger:test\","
                        + "\"type\":\"org.roadmapledger.objective.status-reported.v1\","
                        + "\"datacontenttype\":\"application/json\",\"subject\":\"1.03\","
                        + "\"time\":\"2025-04-02T09:15:30.123Z\",\"ledgerposition\":\"AAEC-position_\","
                        + "\"subjectversion\":7,"
                        + "\"data\":{\"objectiveId\":\"1.03\",\"status\":\"AT_RISK\",\"progressPercent\":40,"
                        + "\"comment\":\"Retard de l'éditeur \\\"Ségur\\\" \u2014 \u00e0 suivre\\n\","
                        + "\"effectiveOn\":\"2025-03-31\"}}");
        assertThat(event.subject()).isEqualTo("1.03");
        assertThat(event.subjectVersion()).isEqualTo(7);
        assertThat(event.cloudEventType()).isEqualTo("org.roadmapledger.objective.status-reported.v1");
    }

    @Test
    void the_envelope_says_what_the_former_hand_written_one_said() throws Exception {
        // given: bytes the former writer produced for this message (a time on a round ten milliseconds)
        String former = "{\"specversion\":\"1.0\",\"id\":\"e-10\",\"source\":\"urn:roadmap-ledger:test\","
                + "\"type\":\"org.roadmapledger.objective.status-reported.v1\",\"subject\":\"1.03\","
                + "\"time\":\"2025-04-02T09:15:30.120Z\",\"datacontenttype\":\"application/json\","
                + "\"subjectversion\":10,\"ledgerposition\":\"P\",\"data\":{\"objectiveId\":\"1.03\","
                + "\"status\":\"ON_TRACK\",\"progressPercent\":null,\"comment\":null,\"effectiveOn\":\"2025-04-01\"}}";
        StatusReported reported = new StatusReported(ObjectiveId.of("1.03"), ObjectiveStatus.ON_TRACK, null, null,
                LocalDate.parse("2025-04-01"));
        GenericDomainEventMessage<StatusReported> message = new GenericDomainEventMessage<>("Objective", "1.03", 10,
                reported, MetaData.emptyInstance(), "e-10", Instant.parse("2025-04-02T09:15:30.120Z"));

        // when
        ObjectNode now = (ObjectNode) JSON.readTree(new CloudEvents(JSON, "urn:roadmap-ledger:test")
                .toLedgerEvent(message).cloudEvent("P"));
        ObjectNode then = (ObjectNode) JSON.readTree(former);

        // then: the same members, the time the same instant (the SDK writes it "…30.12Z")
        assertThat(Instant.parse(now.remove("time").asText())).isEqualTo(Instant.parse(then.remove("time").asText()));
        assertThat(now).isEqualTo(then);
    }
}
