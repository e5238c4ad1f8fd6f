package org.roadmapledger.query.processing;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check before each event asks MongoDB only about objectives that may have parked events, and still finds
 * those another instance parked before this one claimed their segment.
 */
class ParkedObjectivesQueueTest {

    private MongoServer server;
    private MongoClient client;
    private final AtomicInteger deadLetterRequests = new AtomicInteger();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommand().toJson().contains("deadletters")) {
                    deadLetterRequests.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":"
                        + address.getPort()))
                .addCommandListener(counting).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void only_objectives_with_parked_events_cost_a_request_and_those_parked_elsewhere_are_found() {
        // given an objective parked by another instance
        queue().enqueue("parked", letter("parked"));
        ParkedObjectivesQueue queue = new ParkedObjectivesQueue(mongoQueue());
        assertThat(queue.amountOfSequences()).isEqualTo(1);
        deadLetterRequests.set(0);

        // when the events of 1,000 other objectives are checked, and one of the parked objective
        int enqueued = 0;
        for (int i = 0; i < 1000; i++) {
            enqueued += queue.enqueueIfPresent("healthy-" + i, () -> letter("healthy")) ? 1 : 0;
        }
        int requestsForHealthy = deadLetterRequests.get();
        boolean parkedBehind = queue.enqueueIfPresent("parked", () -> letter("parked"));

        // then
        assertThat(enqueued).isZero();
        assertThat(requestsForHealthy).isZero();
        assertThat(parkedBehind).isTrue();
        assertThat(queue.sequenceSize("parked")).isEqualTo(2);
    }

    @Test
    void a_queue_never_counted_reads_the_parked_objectives_before_its_first_check() {
        // given
        queue().enqueue("parked-before", letter("parked-before"));
        ParkedObjectivesQueue queue = new ParkedObjectivesQueue(mongoQueue());

        // when
        boolean parkedBehind = queue.enqueueIfPresent("parked-before", () -> letter("parked-before"));

        // then
        assertThat(parkedBehind).isTrue();
        assertThat(queue.contains("other")).isFalse();
        queue.clear();
        assertThat(queue.enqueueIfPresent("parked-before", () -> letter("parked-before"))).isFalse();
        assertThat(mongoQueue().size()).isZero();
    }

    private ParkedObjectivesQueue queue() {
        return new ParkedObjectivesQueue(mongoQueue());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> mongoQueue() {
        return MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup("objective-versions")
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "ledger").build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
    }

    private static GenericDeadLetter<EventMessage<?>> letter(String objectiveId) {
        return new GenericDeadLetter<>(objectiveId, GenericEventMessage.asEventMessage("event of " + objectiveId));
    }
}
