package org.roadmapledger.query.processing;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.roadmapledger.query.web.ReplayGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Lets several query-side instances share each processor's segments. A pooled processor claims every segment
 * nobody holds, so the first instance to start holds them all; without Axon Server nothing tells it that another
 * instance came up. Each instance therefore announces itself in MongoDB next to the tokens, and gives back (with
 * Axon's {@code releaseSegment}) the segments it holds beyond its fair share, which the others' coordinators then
 * claim through the token store as usual. The claims stay Axon's; this only decides when to let go of one.
 */
@Component
class SegmentBalancer implements SchedulingConfigurer {

    static final String INSTANCES = "query_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ViewProcessors processors;
    private final TokenStore tokenStore;
    private final MongoTemplate mongo;
    private final ReplayGuard replay;
    private final ProcessingProperties properties;
    private final Clock clock;

    SegmentBalancer(ViewProcessors processors, TokenStore tokenStore, MongoTemplate mongo, ReplayGuard replay,
                    ProcessingProperties properties, Clock clock) {
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.mongo = mongo;
        this.replay = replay;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::balance, properties.balanceInterval());
    }

    void balance() {
        Instant now = clock.instant();
        mongo.upsert(Query.query(where("_id").is(properties.nodeId())), new Update().set("lastSeen", Date.from(now)),
                INSTANCES);
        if (replay.rebuilding()) {
            return; // a replay needs every segment on this instance
        }
        Duration liveness = properties.balanceInterval().multipliedBy(3);
        long live = Math.max(1, mongo.count(Query.query(where("lastSeen").gte(Date.from(now.minus(liveness)))),
                INSTANCES));
        for (String name : ProcessingGroups.VIEWS) {
            StreamingEventProcessor processor = processors.processor(name);
            if (!processor.isRunning()) {
                continue;
            }
            int total = tokenStore.fetchSegments(name).length;
            int fairShare = (int) Math.ceil(total / (double) live);
            List<Integer> owned = processor.processingStatus().keySet().stream().sorted().toList();
            for (int segment : owned.subList(Math.min(fairShare, owned.size()), owned.size())) {
                log.info("Processor [{}]: {} instances share {} segments; releasing segment {} for another one",
                        name, live, total, segment);
                processor.releaseSegment(segment, liveness.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @PreDestroy
    void leave() {
        mongo.remove(Query.query(where("_id").is(properties.nodeId())), INSTANCES);
    }
}
