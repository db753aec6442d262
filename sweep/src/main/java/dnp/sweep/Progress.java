package dnp.sweep;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar with rate and ETA on stderr, shown only on a terminal. */
public final class Progress {
    private final PrintStream out;
    private final boolean enabled;
    private final int total;
    private final long start = System.nanoTime();
    private int done;

    public Progress(int total, boolean quiet) {
        this.out = System.err;
        this.total = total;
        this.enabled = !quiet && System.console() != null && total > 0;
    }

    public synchronized void step() {
        done++;
        if (!enabled) {
            return;
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        double rate = done / Math.max(seconds, 1e-9);
        double eta = (total - done) / Math.max(rate, 1e-12);
        int width = 30;
        int filled = (int) Math.round(width * (double) done / total);
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d realizations, %.2f/s, ETA %s ", "#".repeat(filled),
                ".".repeat(width - filled), done, total, rate, duration(eta));
        if (done == total) {
            out.println();
        }
        out.flush();
    }

    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
