package org.roadmapledger.query.processing;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.roadmapledger.query.store.ViewCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Tracking tokens live next to the views, in MongoDB: wiping the views and the tokens is one operation, and the
 * query side needs no write access to the event store's database (nor one at all on Axon Server). Claims carry
 * {@code ledger.processing.node-id}, so that instances sharing the tokens (even two in one JVM) tell theirs apart.
 */
@Configuration(proxyBeanMethods = false)
class TokenStoreConfiguration {

    /**
     * Axon's view of the same database the views are in; the tokens written as the views' documents are
     * ({@link ViewCollections#PROJECTION_WRITES}), the dead letters with the default concern.
     */
    @Bean
    org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate(MongoDatabaseFactory views) {
        org.axonframework.extensions.mongo.MongoTemplate database = DefaultMongoTemplate.builder()
                .mongoDatabase(views.getMongoDatabase()).build();
        return new org.axonframework.extensions.mongo.MongoTemplate() {
            @Override
            public MongoCollection<Document> trackingTokensCollection() {
                return database.trackingTokensCollection().withWriteConcern(ViewCollections.PROJECTION_WRITES);
            }

            @Override
            public MongoCollection<Document> eventCollection() {
                return database.eventCollection();
            }

            @Override
            public MongoCollection<Document> snapshotCollection() {
                return database.snapshotCollection();
            }

            @Override
            public MongoCollection<Document> sagaCollection() {
                return database.sagaCollection();
            }

            @Override
            public MongoCollection<Document> deadLetterCollection() {
                return database.deadLetterCollection();
            }
        };
    }

    @Bean
    TokenStore tokenStore(org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate, Serializer serializer,
                          ProcessingProperties processing) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .nodeId(processing.nodeId())
                .build();
    }
}
