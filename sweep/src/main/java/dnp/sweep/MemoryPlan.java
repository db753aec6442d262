package dnp.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory one realization needs, checked before anything is allocated. Per concurrent realization:
 * the N² matrix, plus dsyevd's workspace of 1 + 6N + 2N² doubles or dsyevr's second N² matrix,
 * plus O(N·256) blocks; the reference solver copies the matrix into the Java heap twice. In floating
 * point: at L = 1000 (N = 10⁹) N² bytes are far beyond a 64-bit integer.
 *
 * @param bytes     bytes one realization needs
 * @param breakdown what they are, for messages
 */
public record MemoryPlan(double bytes, String breakdown) {

    /** Doubles of the blocks of O, of the overlap pass's columns and scratch: 4 × 256 columns of N. */
    private static final double BLOCK_DOUBLES_PER_SITE = 4.0 * 256;

    public static MemoryPlan of(int size, Driver driver) {
        double n = Math.pow(size, 3);
        double matrix = 8 * n * n;
        double blocks = 8 * n * BLOCK_DOUBLES_PER_SITE;
        double extra = switch (driver) {
            case DSYEVD -> 8 * dsyevdWorkspace(n);
            case DSYEVR -> matrix + 8 * 26 * n;
            case REFERENCE -> 2 * matrix;
        };
        String what = switch (driver) {
            case DSYEVD -> "dsyevd workspace";
            case DSYEVR -> "dsyevr eigenvectors";
            case REFERENCE -> "reference solver copies";
        };
        return new MemoryPlan(matrix + extra + blocks, String.format(Locale.ROOT, "matrix %s + %s %s + blocks %s",
                gib(matrix), what, gib(extra), gib(blocks)));
    }

    /**
     * One KPM realization of size L with the spec's moments and sites: no N² matrix, the Java arrays of
     * {@link dnp.kpm.KpmSettings#bytes}.
     */
    public static MemoryPlan kpm(int size, KpmSpec spec) {
        int n = size * size * size;
        var settings = spec.settings(n, 1);
        return new MemoryPlan(settings.bytes(n), String.format(Locale.ROOT,
                "kpm: %d start vectors of %d sites, %d moments: %s", settings.columns(n), n, spec.moments(),
                gib(settings.bytes(n))));
    }

    /** dsyevd's workspace with eigenvectors, in doubles: LWORK = 1 + 6N + 2N² (LAPACK documentation). */
    public static double dsyevdWorkspace(double n) {
        return 1 + 6 * n + 2 * n * n;
    }

    /** Bytes as "12.34 GB" (10⁹ bytes). */
    public static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** MemAvailable from /proc/meminfo, or the JVM's view where that cannot be read. */
    public static long available() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // fall through
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** Throws a one-line error when {@code concurrent} realizations of this size cannot fit. */
    public static void check(int size, Driver driver, int concurrent) {
        MemoryPlan plan = of(size, driver);
        double need = plan.bytes() * concurrent;
        long have = available();
        if (need > have) {
            String hint = driver == Driver.DSYEVD ? "; --driver dsyevr needs about "
                    + gib(of(size, Driver.DSYEVR).bytes() * concurrent) : "";
            throw new UserInputException(String.format(Locale.ROOT,
                    "L = %d needs about %s for %d realization(s) at once (%s), but only %s is available%s",
                    size, gib(need), concurrent, plan.breakdown(), gib(have), hint));
        }
        if (driver == Driver.DSYEVD && dsyevdWorkspace(Math.pow(size, 3)) > Integer.MAX_VALUE) {
            throw new UserInputException("L = " + size + " is too large for dsyevd with 32-bit LAPACK integers "
                    + "(workspace > 2^31 doubles): use --driver dsyevr");
        }
    }
}
