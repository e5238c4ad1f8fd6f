package org.roadmapledger.benchmarks;

/** What one closed-loop measurement gives: successful calls per second and their latency percentiles. */
record LoadResult(String name, int clients, double seconds, long ok, long failed, double perSecond, double p50Millis,
                  double p95Millis, double p99Millis, double maxMillis, String firstError) {

    /** The figures of this result under {@code prefix}: {@code prefix.perSecond}, {@code prefix.p99Ms}, … */
    void into(Figures figures, String prefix) {
        figures.put(prefix + ".perSecond", perSecond);
        figures.put(prefix + ".p50Ms", p50Millis);
        figures.put(prefix + ".p95Ms", p95Millis);
        figures.put(prefix + ".p99Ms", p99Millis);
        figures.put(prefix + ".maxMs", maxMillis);
        figures.put(prefix + ".failed", failed);
    }

    @Override
    public String toString() {
        return String.format("%s C=%d: %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, %d ok, %d failed%s",
                name, clients, perSecond, p50Millis, p95Millis, p99Millis, maxMillis, ok, failed,
                firstError == null ? "" : " (first: " + firstError + ")");
    }
}
