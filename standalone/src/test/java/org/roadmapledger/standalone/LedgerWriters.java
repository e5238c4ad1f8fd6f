package org.roadmapledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients recording status reports on a ledger, each on objectives of its own (so that none refuses another's
 * command as concurrent), each command with a correlation id of its own that its event keeps. What each command
 * became is kept: acknowledged (201, with the version), refused before sending (connection refused: the service
 * was down), or in flight (sent, and the answer lost with the service: recorded or not, nobody knows).
 */
final class LedgerWriters {

    record Acknowledged(String objectiveId, long version) {
    }

    final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    final Map<String, String> unexpected = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> objectives;
    private final int writers;

    LedgerWriters(List<String> objectives, int writers) {
        this.objectives = objectives;
        this.writers = writers;
    }

    /**
     * Writes until {@code acknowledgedTarget} commands in all are acknowledged, or until the service goes away
     * (each writer stops at its first failed request); returns once every writer has stopped.
     */
    void writeUntil(Http http, int acknowledgedTarget) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                int own = 0;
                while (acknowledged.size() < acknowledgedTarget && send(http, objectiveOf(writer, own++))) {
                    // the loop's condition does the work
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new AssertionError("writers did not stop");
        }
    }

    private String objectiveOf(int writer, int own) {
        List<String> mine = objectives.stream().filter(id -> Math.floorMod(id.hashCode(), writers) == writer)
                .toList();
        return mine.isEmpty() ? objectives.get(writer % objectives.size()) : mine.get(own % mine.size());
    }

    // true while the service answers
    private boolean send(Http http, String objectiveId) {
        String correlationId = "crash-" + next.getAndIncrement();
        try {
            Http.Response response = http.post("/api/objectives/" + objectiveId + "/status-reports",
                    "{\"status\":\"ON_TRACK\",\"progressPercent\":" + Math.floorMod(correlationId.hashCode(), 101)
                            + "}", "X-Correlation-Id", correlationId);
            if (response.status() == 201) {
                acknowledged.put(correlationId, new Acknowledged(objectiveId, response.json().get("version")
                        .asLong()));
                return true;
            }
            if (response.status() >= 500) {
                inFlight.add(correlationId); // the service was going down under it
                return false;
            }
            unexpected.put(correlationId, response.status() + " " + response.body());
            return true;
        } catch (UncheckedIOException e) {
            if (!(rootOf(e) instanceof ConnectException)) {
                inFlight.add(correlationId);
            }
            return false;
        }
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof IOException ? root : e.getCause();
    }
}
