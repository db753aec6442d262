package dnp.cli;

import dnp.nativebindings.NativeLibraries;

/** BLAS threads against realizations in parallel. */
final class Threads {
    private Threads() {}

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Sets the process-wide BLAS thread count; null means all cores. */
    static void configureBlas(Integer threads) {
        int n = threads == null ? cores() : threads;
        if (n < 1) {
            throw new CliException("--blas-threads must be at least 1, got " + n);
        }
        NativeLibraries.provider().setThreads(n);
    }
}
