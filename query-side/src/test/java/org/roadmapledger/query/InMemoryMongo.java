package org.roadmapledger.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;

/** A MongoDB-wire server on the memory backend and a template on its database {@code ledger}, for one test. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        template = new MongoTemplate(client, "ledger");
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
