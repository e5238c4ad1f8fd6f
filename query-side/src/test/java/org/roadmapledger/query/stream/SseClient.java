package org.roadmapledger.query.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A Server-Sent Events client for tests: parses the stream as the WHATWG spec says (fields, comments, blank line
 * dispatch), without a thread of its own; lines arrive on the HTTP client's executor.
 */
public final class SseClient implements AutoCloseable {

    /** One dispatched event; {@code id} is the last event id in force when it was dispatched. */
    public record Event(String id, String type, String data, long receivedNanos) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile String lastEventId = "";
    private volatile Consumer<Event> listener = event -> { };

    private SseClient(HttpClient http, HttpRequest request) {
        response = http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines()));
    }

    public static SseClient connect(HttpClient http, String url) {
        return connect(http, url, null);
    }

    public static SseClient connect(HttpClient http, String url, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(http, request.GET().build());
    }

    public SseClient onEvent(Consumer<Event> listener) {
        this.listener = listener;
        return this;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> eventIds() {
        List<String> ids = new ArrayList<>();
        for (Event event : events) {
            ids.add(CloudEventJson.id(event.data()));
        }
        return ids;
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** The id a reconnecting browser would send: the last {@code id:} field read, heartbeats included. */
    public String lastEventId() {
        return lastEventId;
    }

    public boolean ended() {
        return ended.isDone();
    }

    public int status() {
        return response.join().statusCode();
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        response.cancel(true);
    }

    private final class Lines implements Flow.Subscriber<String> {
        private final StringBuilder data = new StringBuilder();
        private String type = "";
        private String idBuffer = "";
        private boolean hasData;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            SseClient.this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                dispatch();
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).trim());
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "data" -> {
                        if (hasData) {
                            data.append('\n');
                        }
                        data.append(value);
                        hasData = true;
                    }
                    case "event" -> type = value;
                    case "id" -> idBuffer = value;
                    default -> { }
                }
            }
        }

        private void dispatch() {
            lastEventId = idBuffer;
            if (hasData) {
                Event event = new Event(idBuffer, type.isEmpty() ? "message" : type, data.toString(),
                        System.nanoTime());
                events.add(event);
                listener.accept(event);
            }
            data.setLength(0);
            hasData = false;
            type = "";
        }

        @Override
        public void onError(Throwable throwable) {
            ended.complete(null);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }
}
