package dnp.cli;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.nativebindings.NativeLibraries;
import dnp.cli.options.ModelOptions;
import dnp.cli.options.RealizationOptions;
import dnp.sweep.MemoryPlan;
import dnp.sweep.ModelSpec;
import dnp.sweep.Parallelism;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "eigen", mixinStandardHelpOptions = true,
        description = "Diagonalize one Anderson matrix and print a summary of the eigen stage.")
final class EigenCommand implements Callable<Integer> {
    @Mixin
    RealizationOptions which;
    @Option(names = "--repeat", paramLabel = "N", description = "diagonalize N times and report the best time (default ${DEFAULT-VALUE})")
    int repeat = 1;
    @Option(names = "--blas-threads", paramLabel = "B", description = "BLAS threads (default: all cores)")
    Integer blasThreads;
    @Option(names = "--values-only", description = "eigenvalues alone (jobz = 'N', the path of dnp transition)")
    boolean valuesOnly;
    @Mixin
    ModelOptions model;

    @Override
    public Integer call() {
        ModelSpec spec = model.spec();
        Lattice lattice = new Lattice(which.size, spec.boundary());
        MemoryPlan.check(which.size, spec.driver(), 1);
        EigenSolver solver = spec.solver();
        Disorder disorder = Disorder.box(lattice.sites(), spec.width(), which.seed, which.realization);
        if (repeat < 1) {
            throw new UserInputException("--repeat must be at least 1, got " + repeat);
        }
        if (spec.driver().isNative()) {
            Parallelism.configureBlas(blasThreads);
        }
        double best = Double.POSITIVE_INFINITY;
        double build = 0;
        double[] lambda = null;
        String routine = solver.name();
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            DenseMatrix m = AndersonHamiltonian.build(lattice, which.hopping, disorder);
            long t1 = System.nanoTime();
            if (valuesOnly) {
                try (m) {
                    var levels = solver.levels(m);
                    lambda = levels.values();
                    routine = levels.routine();
                }
                best = Math.min(best, (System.nanoTime() - t1) * 1e-9);
                build = (t1 - t0) * 1e-9;
                continue;
            }
            try (EigenDecomposition e = solver.decompose(m)) {
                best = Math.min(best, (System.nanoTime() - t1) * 1e-9);
                build = (t1 - t0) * 1e-9;
                lambda = e.eigenvalues();
            }
        }
        int n = lambda.length;
        System.out.printf(Locale.ROOT, "L = %d (%s), N = %d, t = %s, w = %s, seed = %d, realization = %d%n",
                which.size, lattice.boundary().label(), n, which.hopping, spec.width(), which.seed, which.realization);
        System.out.printf(Locale.ROOT, "band edges  λ_min = %.6f, λ_max = %.6f (2π·MHz, relative to ω_e)%n",
                lambda[0], lambda[n - 1]);
        System.out.printf(Locale.ROOT, "eigen stage %s%s: %.3f s%s (matrix build %.3f s)%n", routine,
                valuesOnly ? " (eigenvalues only)" : "", best,
                repeat > 1 ? " (best of " + repeat + ")" : "", build);
        if (spec.driver().isNative()) {
            var p = NativeLibraries.provider();
            System.out.println("provider    " + p.description());
            System.out.println("OpenBLAS    " + p.openBlasConfig() + ", " + p.threads() + " thread(s)");
        }
        return 0;
    }
}
