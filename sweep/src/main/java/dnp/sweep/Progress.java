package dnp.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a run on stderr: on a terminal, a one-line bar redrawn in place with rate and ETA; in a
 * log (stderr redirected to a file, a SLURM job, a pipe), one plain line at most every
 * {@link #logIntervalSeconds()} seconds and one at the end. {@code quiet} silences both.
 */
public final class Progress {
    /** System property with the seconds between progress lines in logs (default 30). */
    public static final String INTERVAL_PROPERTY = "dnp.progressSeconds";
    /** Environment variable with the same meaning, for job scripts. */
    public static final String INTERVAL_ENVIRONMENT = "DNP_PROGRESS_SECONDS";
    static final double DEFAULT_INTERVAL_SECONDS = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final boolean enabled;
    private final int total;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private int done;

    public Progress(int total, boolean quiet) {
        this(total, quiet, System.err, System.console() != null, logIntervalSeconds(), System::nanoTime);
    }

    Progress(int total, boolean quiet, PrintStream out, boolean terminal, double intervalSeconds, LongSupplier clock) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.enabled = !quiet && total > 0;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** Seconds between progress lines in logs: the system property, else the environment variable, else 30. */
    public static double logIntervalSeconds() {
        String text = System.getProperty(INTERVAL_PROPERTY, System.getenv(INTERVAL_ENVIRONMENT));
        if (text == null || text.isBlank()) {
            return DEFAULT_INTERVAL_SECONDS;
        }
        try {
            double seconds = dnp.kernel.model.Numbers.parseDouble(text);
            if (seconds >= 0 && Double.isFinite(seconds)) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new UserInputException(INTERVAL_ENVIRONMENT + " / -D" + INTERVAL_PROPERTY + " must be a number of "
                + "seconds ≥ 0, got '" + text + "'");
    }

    public synchronized void step() {
        done++;
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        double seconds = (now - start) * 1e-9;
        double rate = done / Math.max(seconds, 1e-9);
        double eta = (total - done) / Math.max(rate, 1e-12);
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(width * (double) done / total);
            out.printf(Locale.ROOT, "\r[%s%s] %d/%d realizations, %.2f/s, ETA %s ", "#".repeat(filled),
                    ".".repeat(width - filled), done, total, rate, duration(eta));
            if (done == total) {
                out.println();
            }
        } else if (now - lastLine >= intervalNanos || done == total) {
            lastLine = now;
            out.printf(Locale.ROOT, "dnp: %d/%d realizations, %.3g/s, elapsed %s, ETA %s%n", done, total, rate,
                    duration(seconds), duration(eta));
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
