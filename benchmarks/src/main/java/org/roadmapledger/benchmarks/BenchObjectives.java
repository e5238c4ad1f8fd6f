package org.roadmapledger.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objectives the write workloads record on. On a ledger the loader filled, the first of its further objectives
 * ({@code X00001…}, in a roadmap of their own): the command API can only define objectives in the ledger's one
 * roadmap, and 1,000 objectives defined there made every {@code /api/roadmap} read and the roadmap page cover 1,065
 * objectives instead of the roadmap's 65. Elsewhere (a ledger without them, the peer baseline) {@code bench-00001…},
 * defined through the command API under the roadmap's first priority when they do not exist yet (a 409 says they
 * do), so runs can repeat on one ledger.
 */
final class BenchObjectives {

    private static final Pattern FIRST_PRIORITY =
            Pattern.compile("\"axes\"\\s*:\\s*\\[\\s*\\{\\s*\"code\"\\s*:\\s*\"([^\"]+)\".*?\"priorities\"\\s*:\\s*"
                    + "\\[\\s*\\{\\s*\"code\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    private BenchObjectives() {
    }

    static List<String> ensure(LedgerHttp http, int count) throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("objectives must be at least 1, not " + count);
        }
        List<String> loaded = numbered("X%05d", count);
        if (exists(http, loaded.get(0)) && exists(http, loaded.get(count - 1))) {
            // The first command on an objective loads it from the event store into the command side's cache:
            // defining the bench-… objectives did that before a run; left out, the first of three 15-second runs
            // at one client spent its time loading (83 against 307 commands/s in the third, 2026-12-07).
            forEach(loaded, id -> http.command("POST", "/api/objectives/" + id + "/status-reports",
                    "{\"status\":\"ON_TRACK\"}").status(), status -> status == 201);
            System.out.printf("bench objectives: %d of the loader's further objectives (%s…%s), one status report "
                    + "each first%n", count, loaded.get(0), loaded.get(count - 1));
            return loaded;
        }
        return defined(http, count);
    }

    /**
     * Sends one command per objective from 8 threads; returns how many answers {@code done} accepts. A 409 (the
     * objective is already defined) is an answer too; any other status stops the run.
     */
    private static int forEach(List<String> ids, Function<String, Integer> command,
                               IntPredicate done) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(pool.submit(() -> command.apply(id)));
            }
            int count = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (done.test(status)) {
                    count++;
                } else if (status != 409) {
                    throw new IllegalStateException("preparing a bench objective answered " + status);
                }
            }
            return count;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean exists(LedgerHttp http, String objectiveId) {
        return http.query("/api/objectives/" + objectiveId).status() == 200;
    }

    private static List<String> numbered(String format, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(String.format(format, i));
        }
        return ids;
    }

    private static List<String> defined(LedgerHttp http, int count) throws Exception {
        String[] placement = firstPriority(http);
        List<String> ids = numbered("bench-%05d", count);
        int defined = forEach(ids, id -> http.command("POST", "/api/objectives", String.format(
                "{\"objectiveId\":\"%s\",\"axis\":\"%s\",\"priority\":\"%s\",\"title\":\"Objectif de test "
                        + "de charge %s\"}", id, placement[0], placement[1], id)).status(), status -> status == 201);
        System.out.printf("bench objectives: %d, of which %d defined now (placed under %s/%s)%n", count, defined,
                placement[0], placement[1]);
        return List.copyOf(ids);
    }

    static LocalDate today() {
        return LocalDate.now(HistoryGenerator.PARIS);
    }

    private static String[] firstPriority(LedgerHttp http) {
        LedgerHttp.Response roadmap = http.query("/api/roadmap");
        Matcher matcher = FIRST_PRIORITY.matcher(roadmap.body());
        if (roadmap.ok() && matcher.find()) {
            return new String[] {matcher.group(1), matcher.group(2)};
        }
        return new String[] {"1", "1.P1"};
    }
}
