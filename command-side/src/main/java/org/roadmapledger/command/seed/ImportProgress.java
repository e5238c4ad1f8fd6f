package org.roadmapledger.command.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Logs how far an import is, every {@value #EVERY} objectives and at the end: a long import shows it is alive. */
final class ImportProgress {

    static final int EVERY = 10;

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);

    private final int total;
    private final long startedAt = System.nanoTime();
    private int done;

    ImportProgress(int total) {
        this.total = total;
    }

    void objectiveDone() {
        done++;
        if (done % EVERY == 0 || done == total) {
            log.info(line());
        }
    }

    String line() {
        double seconds = Math.max(System.nanoTime() - startedAt, 1) / 1e9;
        long percent = total == 0 ? 100 : Math.round(100.0 * done / total);
        return String.format(Locale.ROOT, "import: %d/%d objectives (%d%%), %.1f objectives/s",
                done, total, percent, done / seconds);
    }
}
