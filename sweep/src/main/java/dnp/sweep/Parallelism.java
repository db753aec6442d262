package dnp.sweep;

import dnp.nativebindings.NativeLibraries;

/**
 * How many realizations run at once and how many BLAS threads each gets: the one home of the
 * default, for a sweep on this machine and for the tasks of a SLURM array.
 *
 * <p>Up to L = {@value #PARALLEL_REALIZATIONS_UP_TO}, independent realizations with one BLAS thread
 * each use the cores better (12% at L = 8); from L = 12 on both ways are within a few percent, and
 * one realization at a time with all cores in BLAS needs half the memory. Measured in BENCHMARKS.md
 * ("Parallelism").
 */
public record Parallelism(int realizations, int blasThreads) {

    /** The largest L at which realizations run in parallel by default. */
    public static final int PARALLEL_REALIZATIONS_UP_TO = 10;
    /** Cores a SLURM task asks for by default beyond that size (one realization, BLAS threads). */
    public static final int CLUSTER_CORES_FOR_LARGE_LATTICES = 4;

    public Parallelism {
        if (realizations < 1 || blasThreads < 1) {
            throw new UserInputException("--parallel and --blas-threads must be at least 1, got "
                    + realizations + " and " + blasThreads);
        }
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Whether lattices of this size run several realizations at once by default. */
    public static boolean realizationsInParallel(int largestSize) {
        return largestSize <= PARALLEL_REALIZATIONS_UP_TO;
    }

    /**
     * The split of {@code cores} between realizations and BLAS threads; {@code parallel} and
     * {@code blasThreads} override (null: default), {@code tasks} caps the realizations at once.
     */
    public static Parallelism choose(Integer parallel, Integer blasThreads, int largestSize, int tasks, int cores) {
        checkPositive("--parallel", parallel);
        checkPositive("--blas-threads", blasThreads);
        int p = parallel != null ? parallel : (realizationsInParallel(largestSize) ? cores : 1);
        p = Math.max(1, Math.min(p, Math.max(1, tasks)));
        int b = blasThreads != null ? blasThreads : Math.max(1, cores / p);
        return new Parallelism(p, b);
    }

    /** The split on this machine. */
    public static Parallelism choose(Integer parallel, Integer blasThreads, int largestSize, int tasks) {
        return choose(parallel, blasThreads, largestSize, tasks, cores());
    }

    /** Cores a SLURM task asks for by default: one where realizations run in parallel, else a few for BLAS. */
    public static int clusterCoresPerTask(int largestSize) {
        return realizationsInParallel(largestSize) ? 1 : CLUSTER_CORES_FOR_LARGE_LATTICES;
    }

    /** Refuses --parallel or --blas-threads below 1 (null: default), before anything is written. */
    public static void check(Integer parallel, Integer blasThreads) {
        checkPositive("--parallel", parallel);
        checkPositive("--blas-threads", blasThreads);
    }

    /** Sets the process-wide BLAS thread count; null means all cores. */
    public static void configureBlas(Integer threads) {
        checkPositive("--blas-threads", threads);
        NativeLibraries.provider().setThreads(threads == null ? cores() : threads);
    }

    private static void checkPositive(String option, Integer value) {
        if (value != null && value < 1) {
            throw new UserInputException(option + " must be at least 1, got " + value);
        }
    }
}
