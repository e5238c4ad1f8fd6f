package org.roadmapledger.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objectives the write workloads record on: {@code bench-00001…}, defined through the command API under the
 * roadmap's first priority when they do not exist yet (a 409 says they do), so runs can repeat on one ledger.
 */
final class BenchObjectives {

    private static final Pattern FIRST_PRIORITY =
            Pattern.compile("\"axes\"\\s*:\\s*\\[\\s*\\{\\s*\"code\"\\s*:\\s*\"([^\"]+)\".*?\"priorities\"\\s*:\\s*"
                    + "\\[\\s*\\{\\s*\"code\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    private BenchObjectives() {
    }

    static List<String> ensure(LedgerHttp http, int count) throws Exception {
        String[] placement = firstPriority(http);
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(String.format("bench-%05d", i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(pool.submit(() -> http.command("POST", "/api/objectives", String.format(
                        "{\"objectiveId\":\"%s\",\"axis\":\"%s\",\"priority\":\"%s\",\"title\":\"Objectif de test "
                                + "de charge %s\"}", id, placement[0], placement[1], id)).status()));
            }
            int defined = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 201) {
                    defined++;
                } else if (status != 409) {
                    throw new IllegalStateException("defining a bench objective answered " + status);
                }
            }
            System.out.printf("bench objectives: %d, of which %d defined now (placed under %s/%s)%n", count, defined,
                    placement[0], placement[1]);
        } finally {
            pool.shutdownNow();
        }
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
