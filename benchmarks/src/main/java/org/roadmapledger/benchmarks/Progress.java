package org.roadmapledger.benchmarks;

/** Long work shows progress: a percentage and a rate, every few seconds and at the end. */
final class Progress {

    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long lastPrint = started;

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    void at(long done) {
        long now = System.nanoTime();
        if (now - lastPrint > 5_000_000_000L) {
            lastPrint = now;
            print(done, now);
        }
    }

    void done(long done) {
        print(done, System.nanoTime());
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void print(long done, long now) {
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        System.out.printf("%s: %d/%d (%.1f%%), %.0f/s, %.1f s%n", what, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, seconds);
    }
}
