package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Workload 1, write: status reports (70 %) and milestone commands (plan, reschedule, mark achieved: 30 %) on
 * {@code objectives} objectives from C clients, each as fast as the answers come, for a fixed duration.
 * Figures per C: commands/s and latency p50/p95/p99/max. Every milestone belongs to one client, so no two
 * clients race on one milestone's rules; clients do meet on objectives, as users would.
 */
final class WriteWorkload implements Workload {

    private final Service service;
    private final List<String> objectives;
    private final List<Integer> clients;
    private final Duration warmup;
    private final Duration duration;
    private final long seed;

    WriteWorkload(Service service, List<String> objectives, List<Integer> clients, Duration warmup,
                  Duration duration, long seed) {
        this.service = service;
        this.objectives = objectives;
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "write";
    }

    @Override
    public Figures run(int run) {
        Figures figures = new Figures();
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        for (int count : clients) {
            LoadResult result = ClosedLoop.run("write", count, warmup, duration,
                    index -> new Writer(service.http, objectives, nonce + "c" + count + "i" + index,
                            new Random(seed * 1000 + run * 100 + index))::command);
            System.out.println(result);
            result.into(figures, "c" + count);
        }
        return figures;
    }

    /** One client: its random generator, and the milestone it is taking from planned to achieved. */
    static final class Writer {

        private static final String[] STATUSES = {"ON_TRACK", "ON_TRACK", "AT_RISK", "LATE"};

        private final LedgerHttp http;
        private final List<String> objectives;
        private final String prefix;
        private final Random random;
        private String milestoneObjective;
        private String milestone;
        private int stage;
        private int milestones;

        Writer(LedgerHttp http, List<String> objectives, String prefix, Random random) {
            this.http = http;
            this.objectives = objectives;
            this.prefix = prefix;
            this.random = random;
        }

        boolean command() {
            LedgerHttp.Response response = random.nextInt(100) < 70 ? statusReport(randomObjective())
                    : milestoneStep();
            if (!response.ok()) {
                throw new IllegalStateException(response.status() + " " + response.body());
            }
            return true;
        }

        String randomObjective() {
            return objectives.get(random.nextInt(objectives.size()));
        }

        LedgerHttp.Response statusReport(String objective) {
            return http.command("POST", "/api/objectives/" + objective + "/status-reports", String.format(
                    "{\"status\":\"%s\",\"progressPercent\":%d}", STATUSES[random.nextInt(STATUSES.length)],
                    random.nextInt(101)));
        }

        private LedgerHttp.Response milestoneStep() {
            LocalDate today = BenchObjectives.today();
            String path;
            switch (stage) {
                case 0 -> {
                    milestoneObjective = randomObjective();
                    milestone = prefix + "m" + (++milestones);
                    stage = 1;
                    return http.command("POST", "/api/objectives/" + milestoneObjective + "/milestones",
                            String.format("{\"milestoneId\":\"%s\",\"title\":\"Jalon de charge\",\"dueOn\":\"%s\"}",
                                    milestone, today.plusDays(90)));
                }
                case 1 -> {
                    stage = 2;
                    path = "/api/objectives/" + milestoneObjective + "/milestones/" + milestone;
                    return http.command("PUT", path + "/due-on", String.format(
                            "{\"dueOn\":\"%s\",\"reason\":\"replanification\"}", today.plusDays(120)));
                }
                default -> {
                    stage = 0;
                    path = "/api/objectives/" + milestoneObjective + "/milestones/" + milestone;
                    return http.command("POST", path + "/achievement",
                            String.format("{\"achievedOn\":\"%s\",\"evidence\":\"livré\"}", today));
                }
            }
        }
    }
}
