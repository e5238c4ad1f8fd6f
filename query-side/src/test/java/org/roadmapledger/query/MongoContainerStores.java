package org.roadmapledger.query;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same contract tests on a real MongoDB in a container, where a Docker engine runs. The classes that use it
 * carry {@code @Testcontainers(disabledWithoutDocker = true)}, so without Docker they are skipped, visibly, and
 * this initializer never runs.
 */
public class MongoContainerStores implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String VARIANT = "mdb";
    private static MongoDBContainer mongo;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoDBContainer container = container();
        TestPropertyValues.of(QueryTestInfrastructure.eventStoreProperties())
                .and("ledger.embedded-mongo=false",
                        "spring.data.mongodb.uri=" + container.getReplicaSetUrl("ledger"),
                        "ledger.roadmap-id=" + QueryContract.roadmapOf(VARIANT))
                .applyTo(context);
    }

    private static synchronized MongoDBContainer container() {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:7.0");
            mongo.start();
        }
        return mongo;
    }
}
