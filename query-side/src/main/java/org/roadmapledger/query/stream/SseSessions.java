package org.roadmapledger.query.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.AxonThreadFactory;
import org.roadmapledger.query.feed.Filter;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.feed.Position;
import org.roadmapledger.query.web.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The open SSE connections: opens them on the feed, beats their hearts, counts them against the limit. */
@Component
class SseSessions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SseSessions.class);

    private final LedgerFeed feed;
    private final StreamProperties properties;
    private final Set<SseSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heart =
            Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("ledger-sse-heartbeat"));

    SseSessions(LedgerFeed feed, StreamProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.feed = feed;
        this.properties = properties;
        long period = Math.max(50, Math.min(1000, heartbeat().toMillis() / 4));
        heart.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        meters.ifAvailable(registry -> Gauge.builder("ledger.stream.clients", sessions, Set::size)
                .description("open SSE connections to /api/events/stream").register(registry));
    }

    /** Starts the stream on this request, which goes asynchronous: no thread waits for the client from now on. */
    void open(HttpServletRequest request, HttpServletResponse given, Position from, Filter filter)
            throws IOException {
        if (sessions.size() >= properties.maxClients()) {
            throw new Unavailable("this ledger serves at most " + properties.maxClients() + " change streams at once",
                    Duration.ofSeconds(10));
        }
        // the container's own response: Spring wraps it for its own async handling, which this is not
        ServletResponse raw = given;
        while (raw instanceof ServletResponseWrapper wrapper) {
            raw = wrapper.getResponse();
        }
        HttpServletResponse response = (HttpServletResponse) raw;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        ServletOutputStream out = response.getOutputStream();
        SseSession session = new SseSession(async, out, this, properties.outbox().toBytes());
        async.addListener(session);
        session.open(properties.retry().toMillis(), from.encode());
        out.setWriteListener(session);
        session.listening();
        sessions.add(session);
        session.attach(feed.subscribe(from, filter, session));
    }

    void remove(SseSession session) {
        sessions.remove(session);
    }

    int open() {
        return sessions.size();
    }

    /** For diagnosis: the state of the open connections. */
    String describe() {
        return sessions.toString();
    }

    private Duration heartbeat() {
        Duration beat = properties.heartbeat();
        return beat.compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : beat;
    }

    private void beat() {
        long now = System.nanoTime();
        long heartbeat = heartbeat().toNanos();
        long stall = properties.stallTimeout().toNanos();
        for (SseSession session : sessions) {
            try {
                session.tick(now, heartbeat, stall);
            } catch (RuntimeException e) {
                // one broken connection must not stop the heartbeats of all the others
                log.debug("Heartbeat of an SSE connection failed", e);
                session.abort();
            }
        }
    }

    @Override
    public void destroy() {
        heart.shutdownNow();
        for (SseSession session : sessions) {
            session.abort();
        }
    }
}
