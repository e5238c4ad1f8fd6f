package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workload 3, as-of: reads at random viewpoints of a preloaded ledger, from C clients for a fixed duration, of
 * {@code GET /api/objectives/{id}?asOf=&validAt=} (a random objective among a sample of the ledger's) and of
 * {@code GET /api/roadmap?asOf=&validAt=}, then of a random 50-item page of {@code GET /api/objectives} (now). {@code asOf} is a random instant between the first recorded event and
 * now, {@code validAt} a random date of the roadmap's life. A 404 (the objective was not yet recorded or in effect
 * at that viewpoint) is a correct answer and counts as one; its share is a figure.
 */
final class AsOfWorkload implements Workload {

    private static final Pattern ID = Pattern.compile("\"objectiveId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");
    private static final LocalDate LAUNCH = EventLoader.LAUNCH;
    private static final int PAGE = 50;

    private final Service service;
    private final int clients;
    private final Duration warmup;
    private final Duration duration;
    private final long seed;
    private Instant firstRecorded;
    private List<String> sample;
    private long pages;

    AsOfWorkload(Service service, int clients, Duration warmup, Duration duration, long seed) {
        this.service = service;
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "asOf";
    }

    @Override
    public Figures run(int run) {
        if (sample == null) {
            sample = sampleOfObjectives();
            firstRecorded = firstRecorded();
        }
        Figures figures = new Figures();
        AtomicLong calls = new AtomicLong();
        AtomicLong notFound = new AtomicLong();
        LoadResult objective = ClosedLoop.run("as-of objective", clients, warmup, duration, index -> {
            Random random = new Random(seed * 1000 + run * 100 + index);
            return () -> answered(service.http.query("/api/objectives/" + sample.get(random.nextInt(sample.size()))
                    + "?asOf=" + randomInstant(random) + "&validAt=" + randomDate(random)), calls, notFound);
        });
        System.out.println(objective);
        objective.into(figures, "objective");
        figures.put("objective.notFoundShare", calls.get() == 0 ? Double.NaN : (double) notFound.get() / calls.get());
        LoadResult roadmap = ClosedLoop.run("as-of roadmap", clients, warmup, duration, index -> {
            Random random = new Random(seed * 1000 + run * 100 + 50 + index);
            return () -> answered(service.http.query("/api/roadmap?asOf=" + randomInstant(random) + "&validAt="
                    + randomDate(random)), new AtomicLong(), new AtomicLong());
        });
        System.out.println(roadmap);
        roadmap.into(figures, "roadmap");
        LoadResult page = ClosedLoop.run("list page", clients, warmup, duration, index -> {
            Random random = new Random(seed * 1000 + run * 100 + 75 + index);
            return () -> answered(service.http.query("/api/objectives?size=" + PAGE + "&page="
                    + (long) (random.nextDouble() * pages)), new AtomicLong(), new AtomicLong());
        });
        System.out.println(page);
        page.into(figures, "page");
        figures.put("objectivesSampled", sample.size());
        figures.put("clients", clients);
        service.eventCount().ifPresent(events -> figures.put("ledgerEvents", events));
        return figures;
    }

    private static boolean answered(LedgerHttp.Response response, AtomicLong calls, AtomicLong notFound) {
        calls.incrementAndGet();
        if (response.status() == 404) {
            notFound.incrementAndGet();
            return true;
        }
        if (!response.ok()) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
        return true;
    }

    private Instant randomInstant(Random random) {
        long from = firstRecorded.toEpochMilli();
        long to = System.currentTimeMillis();
        return Instant.ofEpochMilli(from + (long) (random.nextDouble() * Math.max(0, to - from)));
    }

    private static LocalDate randomDate(Random random) {
        long days = LAUNCH.until(BenchObjectives.today(), ChronoUnit.DAYS);
        return LAUNCH.plusDays((long) (random.nextDouble() * (days + 1)));
    }

    /** Up to 500 objective ids from pages spread over the whole list, so loaded and roadmap objectives mix. */
    private List<String> sampleOfObjectives() {
        LedgerHttp.Response first = service.http.query("/api/objectives?size=1");
        Matcher total = TOTAL.matcher(first.body());
        long items = first.ok() && total.find() ? Long.parseLong(total.group(1)) : 0;
        if (items == 0) {
            throw new IllegalStateException("the ledger has no objectives: load one first (" + first.status() + ")");
        }
        this.pages = (items + PAGE - 1) / PAGE;
        List<String> ids = new ArrayList<>();
        long pages = (items + 99) / 100;
        Random random = new Random(seed);
        for (int i = 0; i < 5; i++) {
            long page = i == 0 ? 0 : (long) (random.nextDouble() * pages);
            Matcher id = ID.matcher(service.http.query("/api/objectives?size=100&page=" + page).body());
            while (id.find()) {
                if (!ids.contains(id.group(1))) {
                    ids.add(id.group(1));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** When the ledger's first event was recorded: the start of the asOf range. */
    private Instant firstRecorded() {
        LedgerHttp.Response page = service.http.query("/api/objectives/" + sample.get(0) + "/history?size=1");
        Matcher recorded = Pattern.compile("\"recordedAt\"\\s*:\\s*\"([^\"]+)\"").matcher(page.body());
        return page.ok() && recorded.find() ? Instant.parse(recorded.group(1))
                : Instant.now().minus(Duration.ofDays(1));
    }
}
