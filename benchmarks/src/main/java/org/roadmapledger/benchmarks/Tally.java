package org.roadmapledger.benchmarks;

/** The answers of a load's calls: successes with their latencies, failures with the first error. Thread-safe. */
final class Tally {

    private final Latencies latencies = new Latencies();
    private long ok;
    private long failed;
    private String firstError;

    synchronized void count(boolean success, long nanos, String error) {
        if (success) {
            ok++;
            latencies.record(nanos);
        } else {
            failed++;
            if (firstError == null && error != null) {
                firstError = error;
            }
        }
    }

    synchronized void add(Tally other) {
        synchronized (other) {
            latencies.add(other.latencies);
            ok += other.ok;
            failed += other.failed;
            if (firstError == null) {
                firstError = other.firstError;
            }
        }
    }

    synchronized LoadResult result(String name, int clients, double seconds) {
        return new LoadResult(name, clients, seconds, ok, failed, ok / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(95), latencies.percentileMillis(99), latencies.maxMillis(), firstError);
    }
}
