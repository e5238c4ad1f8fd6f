package org.roadmapledger.query.stream;

import org.roadmapledger.platform.security.TestIssuer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Server-Sent Events client for tests, on a plain socket: parses the stream as the WHATWG spec says (fields,
 * comments, dispatch on a blank line) and, when closed, closes its connection at once, as a client that goes away
 * does. It reads on a thread of its own: the server under test is the one that must not need one per client.
 */
public final class SseClient implements AutoCloseable {

    /** One dispatched event; {@code id} is the last event id in force when it was dispatched. */
    public record Event(String id, String type, String data, long receivedNanos) {
    }

    private final Socket socket = new Socket();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile String statusLine;
    private volatile String lastEventId = "";
    private volatile boolean ended;
    private volatile String endCause = "end of stream";
    private final List<String> raw = new CopyOnWriteArrayList<>();

    private SseClient(URI uri, String lastEventId) {
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            // HTTP/1.0: the body is the raw stream, not chunked
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + TestIssuer.shared().everyRole() + "\r\n"
                    + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient connect(String url) {
        return new SseClient(URI.create(url), null);
    }

    public static SseClient connect(String url, String lastEventId) {
        return new SseClient(URI.create(url), lastEventId);
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
        return ended;
    }

    public String statusLine() {
        return statusLine;
    }

    public String diagnosis() {
        return "ended by " + endCause + ", first lines " + raw;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            statusLine = in.readLine();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // response headers
            }
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            String type = "";
            String idBuffer = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (raw.size() < 20) {
                    raw.add(line);
                }
                if (line.isEmpty()) {
                    lastEventId = idBuffer;
                    if (hasData) {
                        events.add(new Event(idBuffer, type.isEmpty() ? "message" : type, data.toString(),
                                System.nanoTime()));
                    }
                    data.setLength(0);
                    hasData = false;
                    type = "";
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
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
        } catch (IOException e) {
            endCause = e.toString(); // closed by this side, or by the server
        } finally {
            ended = true;
        }
    }
}
