package dnp.cli;

import dnp.kernel.eigen.DenseMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory one realization needs, checked before anything is allocated. Per concurrent realization:
 * the N² matrix, plus dsyevd's workspace of 1 + 6N + 2N² doubles or dsyevr's second N² matrix,
 * plus O(N·256) blocks; the reference solver copies the matrix into the Java heap twice.
 */
record MemoryPlan(long bytes, String breakdown) {

    static MemoryPlan of(int size, String driver) {
        long n = (long) size * size * size;
        long matrix = DenseMatrix.bytesFor(n);
        long blocks = 4L * 8 * n * 256;
        long extra;
        String what;
        switch (driver) {
            case "dsyevd" -> {
                extra = 8 * dsyevdWorkspace(n);
                what = "dsyevd workspace";
            }
            case "dsyevr" -> {
                extra = matrix + 8 * 26 * n;
                what = "dsyevr eigenvectors";
            }
            default -> {
                extra = 2 * matrix;
                what = "reference solver copies";
            }
        }
        return new MemoryPlan(matrix + extra + blocks, String.format(Locale.ROOT, "matrix %s + %s %s + blocks %s",
                gib(matrix), what, gib(extra), gib(blocks)));
    }

    /** dsyevd's workspace with eigenvectors, in doubles: LWORK = 1 + 6N + 2N² (LAPACK documentation). */
    static long dsyevdWorkspace(long n) {
        return 1 + 6 * n + 2 * n * n;
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** MemAvailable from /proc/meminfo, or the JVM's view where that cannot be read. */
    static long available() {
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
    static void check(int size, String driver, int concurrent) {
        MemoryPlan plan = of(size, driver);
        long need = plan.bytes() * concurrent;
        long have = available();
        if (need > have) {
            String hint = driver.equals("dsyevd") ? "; --driver dsyevr needs about "
                    + gib(of(size, "dsyevr").bytes() * concurrent) : "";
            throw new CliException(String.format(Locale.ROOT,
                    "L = %d needs about %s for %d realization(s) at once (%s), but only %s is available%s",
                    size, gib(need), concurrent, plan.breakdown(), gib(have), hint));
        }
        if (driver.equals("dsyevd") && dsyevdWorkspace((long) size * size * size) > Integer.MAX_VALUE) {
            throw new CliException("L = " + size + " is too large for dsyevd with 32-bit LAPACK integers "
                    + "(workspace > 2^31 doubles): use --driver dsyevr");
        }
    }

}
