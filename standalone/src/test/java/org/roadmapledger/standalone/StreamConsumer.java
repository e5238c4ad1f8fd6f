package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A client of {@code GET /api/events/stream} from the beginning of the ledger, as a service that subscribes to it
 * would be: when the connection ends (the ledger died), it reconnects when told, with the last id it received
 * ({@code Last-Event-ID}). Keeps every event id it received, in order.
 */
final class StreamConsumer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> eventIds = new ArrayList<>();
    private volatile String lastPosition;
    private volatile Thread reader;
    private int connections;

    /** Connects (again) to the ledger on that port, from the last position received; reads on its own thread. */
    synchronized void connect(Http http) {
        connections++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + http.port()
                + "/api/events/stream")).header("Accept", "text/event-stream")
                .header("Authorization", http.bearer("GET", "/api/events/stream"));
        if (lastPosition != null) {
            request.header("Last-Event-ID", lastPosition);
        }
        HttpRequest built = request.build();
        reader = new Thread(() -> read(built), "stream-consumer-" + connections);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(HttpRequest request) {
        pendingPosition = null;
        pendingEvent = null;
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("the stream answered " + response.statusCode());
            }
            try (Stream<String> lines = response.body()) {
                lines.forEach(this::line);
            }
        } catch (IOException | java.io.UncheckedIOException ended) {
            // the ledger went away: the next connect resumes from the last position
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // a message counts once whole (its blank line): a connection cut in the middle of one resumes before it
    private String pendingPosition;
    private String pendingEvent;

    private void line(String line) {
        if (line.startsWith("id:")) {
            pendingPosition = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
            try {
                pendingEvent = JSON.readTree(line.substring(5).trim()).get("id").asText();
            } catch (IOException e) {
                throw new AssertionError("not a CloudEvent: " + line, e);
            }
        } else if (line.isEmpty()) {
            if (pendingEvent != null) {
                synchronized (eventIds) {
                    eventIds.add(pendingEvent);
                }
            }
            if (pendingPosition != null) {
                lastPosition = pendingPosition;
            }
            pendingPosition = null;
            pendingEvent = null;
        }
    }

    List<String> eventIds() {
        synchronized (eventIds) {
            return List.copyOf(eventIds);
        }
    }

    int connections() {
        return connections;
    }

    void close() {
        Thread current = reader;
        if (current != null) {
            current.interrupt();
        }
    }
}
