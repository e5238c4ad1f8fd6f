package org.roadmapledger.query.processing;

import org.roadmapledger.query.processing.ProcessingGroups;
import org.roadmapledger.api.upcasting.ProvisionalTitlesUpcaster;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * How the projections run: no failure is ever skipped silently. A handler failure propagates to the processor,
 * and the event is parked in a dead-letter queue in MongoDB, sequenced per objective: that objective waits
 * until its dead letters are processed, all others keep flowing. A reset (a replay) empties the queues, since
 * every parked event is processed again; the invoker remembers per segment which objectives it parked, and the
 * queue which objectives may have parked events ({@link ParkedObjectivesQueue}), instead of asking MongoDB for
 * every event.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    static final List<String> PROCESSING_GROUPS = ProcessingGroups.VIEWS;

    /** Conditional: the standalone composes both sides, and the command side keeps the same clock. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock ledgerClock() {
        return Clock.systemUTC();
    }

    /** Events stored before titles could be provisional are read as official (shared-api's upcaster). */
    @Bean
    @ConditionalOnMissingBean(ProvisionalTitlesUpcaster.class)
    ProvisionalTitlesUpcaster provisionalTitlesUpcaster() {
        return new ProvisionalTitlesUpcaster();
    }

    @Bean
    ConfigurerModule projectionFailureHandling(MongoTemplate axonMongoTemplate) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            for (String group : PROCESSING_GROUPS) {
                processing.registerDeadLetterQueue(group, c -> new ParkedObjectivesQueue(
                        MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(c.serializer())
                                .build()));
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
            }
        });
    }
}
