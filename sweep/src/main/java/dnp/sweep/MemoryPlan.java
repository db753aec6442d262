package dnp.sweep;

import dnp.sweep.records.Driver;
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
     * One KPM realization of size L with the spec's moments and estimator: no N² matrix; the Java arrays
     * of {@link dnp.kpm.KpmSettings#bytes} (sites), or the recordings, Gram matrices and evaluation of
     * {@link dnp.kpm.VectorSettings#bytes} (vectors, mostly off the heap).
     */
    public static MemoryPlan kpm(int size, KpmSpec spec) {
        int n = size * size * size;
        if (spec.estimator() == dnp.kpm.Estimator.VECTORS) {
            var v = spec.vectorSettings(n, 1);
            return new MemoryPlan(v.bytes(n), String.format(Locale.ROOT,
                    "kpm: %d vectors on %d parts of up to %d sites, %d moments, %d groups: %s", v.vectors(), v.parts(),
                    v.largestPart(n), spec.moments(), v.groups(), gib(v.bytes(n))));
        }
        var settings = spec.settings(n, 1);
        return new MemoryPlan(settings.bytes(n), String.format(Locale.ROOT,
                "kpm: %d start vectors of %d sites, %d moments: %s", settings.columns(n), n, spec.moments(),
                gib(settings.bytes(n))));
    }

    /**
     * Throws a one-line error, before anything is allocated, when one KPM realization of this size does
     * not fit: its arrays ({@link #kpm}) must fit in the Java heap, and the moments of all start vectors
     * in one Java array (fewer than 2³¹ doubles), both counted in 64 bits.
     */
    public static void checkKpm(int size, KpmSpec spec) {
        checkKpm(size, spec, MemoryLimits.current());
    }

    static void checkKpm(int size, KpmSpec spec, MemoryLimits limits) {
        long n = (long) size * size * size;
        if (spec.estimator() == dnp.kpm.Estimator.VECTORS) {
            var v = spec.vectorSettings((int) n, 1);
            if (v.blockSize(n) < 4) {
                throw new UserInputException(String.format(Locale.ROOT, "L = %d with %d vectors records %d sites × %d "
                        + "moments per vector, more than %s for a part's four vectors: use more --vectors (smaller "
                        + "parts) or fewer --moments", size, v.vectors(), v.largestPart(n), spec.moments(),
                        gib(dnp.kpm.VectorSettings.RECORDING_BYTES)));
            }
            MemoryPlan plan = kpm(size, spec);
            if (plan.bytes() > limits.bytes()) {
                throw new UserInputException(String.format(Locale.ROOT, "L = %d by KPM needs about %s (%s), but only "
                        + "%s is available: %s; use more --vectors (smaller parts) or fewer --moments", size,
                        gib(plan.bytes()), plan.breakdown(), gib(limits.bytes()), limits.source()));
            }
            return;
        }
        var settings = spec.settings((int) n, 1);
        long values = (long) settings.columns((int) n) * spec.moments();
        if (values > Integer.MAX_VALUE - 8) {
            throw new UserInputException(String.format(Locale.ROOT, "L = %d with --moments %d and %d start vectors "
                    + "needs %d moments in one array, more than a Java array holds (2^31): use fewer --moments or "
                    + "--sites", size, spec.moments(), settings.columns((int) n), values));
        }
        MemoryPlan plan = kpm(size, spec);
        long heap = Runtime.getRuntime().maxMemory();
        if (plan.bytes() > heap) {
            throw new UserInputException(String.format(Locale.ROOT, "L = %d by KPM needs about %s of Java heap (%s), "
                    + "but the heap holds at most %s: use fewer --moments or --sites, or a larger heap "
                    + "(DNP_JAVA_OPTS=-Xmx…)", size, gib(plan.bytes()), plan.breakdown(), gib(heap)));
        }
    }

    /** dsyevd's workspace with eigenvectors, in doubles: LWORK = 1 + 6N + 2N² (LAPACK documentation). */
    public static double dsyevdWorkspace(double n) {
        return 1 + 6 * n + 2 * n * n;
    }

    /** Bytes as "12.34 GB" (10⁹ bytes). */
    public static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /**
     * Throws a one-line error, before anything is allocated, when {@code concurrent} realizations of
     * this size cannot fit in what {@link MemoryLimits} allows; the message gives both numbers and the limit.
     */
    public static void check(int size, Driver driver, int concurrent) {
        check(size, driver, concurrent, MemoryLimits.current());
    }

    static void check(int size, Driver driver, int concurrent, MemoryLimits limits) {
        MemoryPlan plan = of(size, driver);
        double need = plan.bytes() * concurrent;
        if (need > limits.bytes()) {
            String hint = driver == Driver.DSYEVD ? "; --driver dsyevr needs about "
                    + gib(of(size, Driver.DSYEVR).bytes() * concurrent) : "";
            throw new UserInputException(String.format(Locale.ROOT,
                    "L = %d needs about %s for %d realization(s) at once (%s), but only %s is available: %s%s",
                    size, gib(need), concurrent, plan.breakdown(), gib(limits.bytes()), limits.source(), hint));
        }
        if (driver == Driver.DSYEVD && dsyevdWorkspace(Math.pow(size, 3)) > Integer.MAX_VALUE) {
            throw new UserInputException("L = " + size + " is too large for dsyevd with 32-bit LAPACK integers "
                    + "(workspace > 2^31 doubles): use --driver dsyevr");
        }
    }
}
