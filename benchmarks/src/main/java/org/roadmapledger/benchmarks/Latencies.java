package org.roadmapledger.benchmarks;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Latencies of one client thread, in nanoseconds measured with {@link System#nanoTime()}, merged at the end. */
final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);

    void record(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
    }

    void add(Latencies other) {
        histogram.add(other.histogram);
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }
}
