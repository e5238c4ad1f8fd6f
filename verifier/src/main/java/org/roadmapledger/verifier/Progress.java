package org.roadmapledger.verifier;

import java.io.PrintStream;

/** Says how far verification got, every few seconds, with its rate: an auditor's export may hold millions. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastSaid = started;

    Progress(PrintStream out) {
        this.out = out;
    }

    void events(long events) {
        long now = System.nanoTime();
        if (now - lastSaid >= EVERY_NANOS) {
            lastSaid = now;
            out.println("  " + events + " events verified, " + rate(events, now) + " events/s");
        }
    }

    void done(long events) {
        long now = System.nanoTime();
        out.println("  " + events + " events read in " + (now - started) / 1_000_000 + " ms, " + rate(events, now)
                + " events/s");
    }

    private long rate(long events, long now) {
        return events * 1_000_000_000L / Math.max(1, now - started);
    }
}
