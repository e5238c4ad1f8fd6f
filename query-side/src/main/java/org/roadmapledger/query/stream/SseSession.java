package org.roadmapledger.query.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.roadmapledger.query.feed.FeedItem;
import org.roadmapledger.query.feed.FeedSubscription;
import org.roadmapledger.query.feed.Follower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SSE client, written with the servlet container's non-blocking I/O: frames wait in a bounded outbox and are
 * written only when the connection can take them, from whichever thread finds it ready, so no thread ever waits
 * on a slow client. A full outbox stops the feed from handing this client more; it resumes when it drains.
 */
final class SseSession implements Follower, WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(SseSession.class);
    /** Frames of the live events are rendered once and shared by every client at the same position. */
    private static final Object FRAME = new Object();

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final SseSessions sessions;
    private final SseOutbox outbox;
    /** Held by every write and by completion: see {@link #complete()}. */
    private final ReentrantLock io = new ReentrantLock();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private volatile FeedSubscription subscription;
    private volatile boolean finished;
    /** Set once the write listener is registered: the container forbids {@code isReady()} before. */
    private volatile boolean listening;

    // confined to the draining thread
    private boolean unflushed;

    SseSession(AsyncContext async, ServletOutputStream out, SseSessions sessions, long highWater) {
        this.async = async;
        this.out = out;
        this.sessions = sessions;
        this.outbox = new SseOutbox(highWater);
    }

    void attach(FeedSubscription subscription) {
        this.subscription = subscription;
        if (finished) {
            subscription.close();
        }
    }

    /** The first bytes: the reconnection delay, and the start position as the id a reconnecting client sends. */
    void open(long retryMillis, String startPosition) {
        enqueue(("retry: " + retryMillis + "\nid: " + startPosition + "\n\n").getBytes(StandardCharsets.UTF_8),
                startPosition);
    }

    // --- Follower ---------------------------------------------------------------------------------------------------

    @Override
    public boolean hasRoom() {
        return outbox.hasRoom();
    }

    @Override
    public void accept(FeedItem item) {
        enqueue(item.rendered(FRAME, SseSession::frame), item.position().encode());
    }

    @Override
    public boolean fellBehind(int kept) {
        finish(": disconnected: this client fell more than " + kept + " events behind the live stream;"
                + " reconnect with Last-Event-ID to resume after the last event it received", true);
        return false;
    }

    @Override
    public void ended(String reason) {
        finish(": disconnected: " + reason + "; reconnect with Last-Event-ID to resume", false);
    }

    private static byte[] frame(FeedItem item) {
        byte[] data = item.cloudEvent();
        ByteArrayOutputStream frame = new ByteArrayOutputStream(data.length + 160);
        frame.writeBytes(("id: " + item.position().encode() + "\nevent: " + item.event().type() + "\ndata: ")
                .getBytes(StandardCharsets.UTF_8));
        frame.writeBytes(data);
        frame.write('\n');
        frame.write('\n');
        return frame.toByteArray();
    }

    // --- outbox -----------------------------------------------------------------------------------------------------

    private void enqueue(byte[] bytes, String id) {
        if (outbox.add(bytes, id)) {
            drain();
        }
    }

    /**
     * A quiet stream's heartbeat, at least every {@code ledger.stream.heartbeat}: a comment and, when events were
     * filtered out since the last id, the position past them, so that a client resumes near the head.
     */
    void tick(long now, long heartbeatNanos, long stallNanos) {
        if (finished) {
            return;
        }
        if (outbox.stalled(now, stallNanos)) {
            log.info("SSE client stalled (nothing taken for {} s); disconnecting it", stallNanos / 1_000_000_000L);
            abort();
            return;
        }
        FeedSubscription current = subscription;
        if (outbox.quiet(now, heartbeatNanos) && current != null) {
            String id = outbox.idIfNew(current.position().encode());
            enqueue((id == null ? ": heartbeat\n\n" : ": heartbeat\nid: " + id + "\n\n")
                    .getBytes(StandardCharsets.UTF_8), id);
        }
    }

    /** @param dropQueued the client resumes after the last event it received: what it did not get need not be sent */
    private void finish(String comment, boolean dropQueued) {
        if (outbox.close((comment + "\n\n").getBytes(StandardCharsets.UTF_8), dropQueued)) {
            drain();
        }
    }

    // --- writing, from any thread, never blocking ------------------------------------------------------------------

    void listening() {
        listening = true;
        drain();
    }

    private void drain() {
        if (!listening) {
            return;
        }
        // whoever holds the lock writes; another caller only asks it to go round once more
        drainAgain.set(true);
        while (drainAgain.get() && io.tryLock()) {
            try {
                drainAgain.set(false);
                writeWhileReady();
            } finally {
                io.unlock();
            }
        }
        FeedSubscription current = subscription;
        if (outbox.takeWake() && current != null) {
            current.wake();
        }
    }

    private void writeWhileReady() {
        try {
            while (!finished && out.isReady()) {
                byte[] chunk = outbox.nextChunk();
                if (chunk != null) {
                    out.write(chunk);
                    unflushed = true;
                    continue;
                }
                if (unflushed) {
                    unflushed = false;
                    out.flush();
                    continue;
                }
                if (outbox.closingAndEmpty()) {
                    complete();
                }
                break;
            }
        } catch (IOException | RuntimeException e) {
            // a write on a response the container ended (its objects recycled) fails too: the client is gone
            log.debug("SSE client went away: {}", e.toString());
            abort();
        }
    }

    /**
     * Completes the response, under the lock every write holds: once the container has the response back (and
     * recycles its objects for another connection), nothing here writes to it again.
     */
    private void complete() {
        io.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            try {
                async.complete();
            } catch (RuntimeException e) {
                log.debug("SSE response already completed: {}", e.toString());
            }
        } finally {
            io.unlock();
        }
        close();
    }

    /** The container ended the response: no write may follow, and none is under way once this returns. */
    private void ended() {
        io.lock();
        try {
            finished = true;
        } finally {
            io.unlock();
        }
        close();
    }

    /** Ends the response at once, without waiting for what is queued. */
    void abort() {
        outbox.abort();
        complete();
    }

    private void close() {
        FeedSubscription current = subscription;
        if (current != null) {
            current.close();
        }
        sessions.remove(this);
    }

    @Override
    public String toString() {
        return "session finished=" + finished + " listening=" + listening + " writing=" + io.isLocked() + " "
                + outbox + " sub=" + subscription;
    }

    // --- container callbacks ----------------------------------------------------------------------------------------

    @Override
    public void onWritePossible() {
        listening = true;
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        log.debug("SSE write failed: {}", failure.toString());
        abort();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        abort();
    }

    @Override
    public void onError(AsyncEvent event) {
        abort();
        // completing here, in the listener, is what keeps the container from an error dispatch to /error
        try {
            event.getAsyncContext().complete();
        } catch (RuntimeException e) {
            log.debug("SSE response already completed: {}", e.toString());
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the listener is registered after the request went async
    }
}
