package org.roadmapledger.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workload 5, stream: the change stream {@code GET /api/events/stream} (Server-Sent Events). Catch-up: one client
 * reads from the beginning of the ledger to its head (the event count of the store when known, else until the
 * stream is idle); events/s. Fan-out: {@code fanOut} clients follow the head ({@code after=now}) while status
 * reports carrying a marker are recorded at a fixed rate; for each report and client, the delay from the command's
 * answer (the commit is known) to the event's receipt, and the share of the events that every client received.
 * A service without the stream (404) is reported as not available.
 */
final class StreamWorkload implements Workload {

    private static final String PATH = "/api/events/stream";
    private static final Pattern MARKER = Pattern.compile("fanout-([0-9a-z]+)-(\\d+)");

    private final Service service;
    private final List<String> objectives;
    private final int fanOut;
    private final int commands;
    private final double rate;
    private final Duration idle;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    StreamWorkload(Service service, List<String> objectives, int fanOut, int commands, double rate, Duration idle) {
        this.service = service;
        this.objectives = objectives;
        this.fanOut = fanOut;
        this.commands = commands;
        this.rate = rate;
        this.idle = idle;
    }

    @Override
    public String name() {
        return "stream";
    }

    @Override
    public Figures run(int run) throws Exception {
        Figures figures = new Figures();
        HttpResponse<InputStream> probe = open(PATH + "?after=now", Duration.ofSeconds(10));
        if (probe == null || probe.statusCode() == 404 || probe.statusCode() == 405) {
            if (probe != null) {
                probe.body().close();
            }
            return Workload.unavailable("GET " + PATH + (probe == null ? " did not answer within 10 s"
                    : " answered " + probe.statusCode()) + ": this query side has no change stream");
        }
        probe.body().close();
        catchUp(figures);
        fanOut(figures, run);
        return figures;
    }

    private void catchUp(Figures figures) throws Exception {
        OptionalDouble expected = service.eventCount();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = open(PATH, Duration.ofSeconds(30));
        if (response == null || response.statusCode() != 200) {
            throw new IllegalStateException("catch-up: " + (response == null ? "no answer" : response.statusCode()));
        }
        AtomicLong events = new AtomicLong();
        AtomicLong lastEvent = new AtomicLong(System.nanoTime());
        Progress progress = new Progress("stream catch-up", (long) expected.orElse(0));
        Thread reader = new Thread(() -> readEvents(response.body(), line -> {
            long count = events.incrementAndGet();
            lastEvent.set(System.nanoTime());
            progress.at(count);
            return expected.isEmpty() || count < expected.getAsDouble();
        }), "bench-stream-catch-up");
        reader.setDaemon(true);
        reader.start();
        while (reader.isAlive() && System.nanoTime() - lastEvent.get() < idle.toNanos()) {
            reader.join(100);
        }
        response.body().close();
        reader.join(5000);
        double seconds = (lastEvent.get() - start) / 1e9;
        progress.done(events.get());
        figures.put("catchUp.events", events.get());
        figures.put("catchUp.seconds", seconds);
        figures.put("catchUp.eventsPerSecond", events.get() / Math.max(seconds, 0.001));
        expected.ifPresent(count -> figures.put("catchUp.expectedEvents", count));
    }

    private void fanOut(Figures figures, int run) throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36) + run;
        long[] acked = new long[commands];
        AtomicLongArray[] received = new AtomicLongArray[fanOut];
        List<InputStream> bodies = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(fanOut);
        for (int i = 0; i < fanOut; i++) {
            int clientIndex = i;
            AtomicLongArray mine = new AtomicLongArray(commands);
            received[i] = mine;
            CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request(PATH + "?after=now"),
                    HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> {
                try {
                    HttpResponse<InputStream> response = pending.get(60, TimeUnit.SECONDS);
                    synchronized (bodies) {
                        bodies.add(response.body());
                    }
                    connected.countDown();
                    readEvents(response.body(), line -> {
                        Matcher marker = MARKER.matcher(line);
                        if (marker.find() && marker.group(1).equals(nonce)) {
                            mine.set(Integer.parseInt(marker.group(2)), System.nanoTime());
                        }
                        return true;
                    });
                } catch (Exception e) {
                    connected.countDown();
                    System.out.println("fan-out client " + clientIndex + ": " + e);
                }
            }, "bench-stream-" + i);
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        connected.await(60, TimeUnit.SECONDS);
        // The server may register a subscriber a moment after sending the headers.
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        WriteWorkload.Writer writer = new WriteWorkload.Writer(service.http, objectives, "fanout",
                new Random(run));
        long interval = (long) (1e9 / rate);
        long next = System.nanoTime();
        for (int k = 0; k < commands; k++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            LedgerHttp.Response answer = service.http.command("POST", "/api/objectives/" + writer.randomObjective()
                    + "/status-reports", "{\"status\":\"ON_TRACK\",\"comment\":\"fanout-" + nonce + "-" + k + "\"}");
            acked[k] = System.nanoTime();
            if (!answer.ok()) {
                throw new IllegalStateException("fan-out command: " + answer.status() + " " + answer.body());
            }
        }
        long waitUntil = System.nanoTime() + idle.toNanos() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < waitUntil && !allReceived(received)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        synchronized (bodies) {
            for (InputStream body : bodies) {
                body.close();
            }
        }
        for (Thread reader : readers) {
            reader.join(2000);
        }
        Latencies delays = new Latencies();
        long receipts = 0;
        for (AtomicLongArray client : received) {
            for (int k = 0; k < commands; k++) {
                if (client.get(k) != 0) {
                    receipts++;
                    delays.record(client.get(k) - acked[k]);
                }
            }
        }
        figures.put("fanOut.clients", fanOut);
        figures.put("fanOut.commands", commands);
        figures.put("fanOut.receivedShare", (double) receipts / ((long) fanOut * commands));
        figures.put("fanOut.p50Ms", delays.percentileMillis(50));
        figures.put("fanOut.p95Ms", delays.percentileMillis(95));
        figures.put("fanOut.p99Ms", delays.percentileMillis(99));
        figures.put("fanOut.maxMs", delays.maxMillis());
        System.out.printf("stream fan-out: %d clients x %d events, received %d, commit->receipt p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", fanOut, commands, receipts, delays.percentileMillis(50),
                delays.percentileMillis(99), delays.maxMillis());
    }

    private static boolean allReceived(AtomicLongArray[] received) {
        for (AtomicLongArray client : received) {
            for (int k = 0; k < client.length(); k++) {
                if (client.get(k) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private interface EventLine {
        /** Called per {@code data:} line; false stops reading. */
        boolean accept(String line);
    }

    private static void readEvents(InputStream body, EventLine consumer) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:") && !consumer.accept(line)) {
                    return;
                }
            }
        } catch (IOException closed) {
            // closed by the workload when it has what it needs
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(service.http.queryUrl + path))
                .header("Authorization", "Bearer " + service.http.tokens.forRequest("GET", path))
                .header("Accept", "text/event-stream").GET().build();
    }

    /** The response once its headers are in, or null when they do not come within the wait. */
    private HttpResponse<InputStream> open(String path, Duration wait) throws Exception {
        CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request(path),
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            return pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return null;
        }
    }
}
