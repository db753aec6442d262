package dnp.cli;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.nativebindings.NativeLibraries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "eigen", mixinStandardHelpOptions = true,
        description = "Diagonalize one Anderson matrix and print a summary of the eigen stage.")
final class EigenCommand implements Callable<Integer> {
    @Option(names = "--L", paramLabel = "L", description = "linear lattice size (default ${DEFAULT-VALUE})")
    int size = 10;
    @Option(names = "--t", paramLabel = "T", description = "hopping t, 2π·MHz (default ${DEFAULT-VALUE})")
    double hopping = 6.5;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--realization", description = "realization index (default ${DEFAULT-VALUE})")
    long realization = 0;
    @Mixin
    ModelOptions model;

    @Override
    public Integer call() {
        model.validate();
        Lattice lattice = new Lattice(size, model.boundary());
        MemoryPlan.check(size, model.driverName(), 1);
        EigenSolver solver = model.solver();
        Disorder disorder = Disorder.box(lattice.sites(), model.width, seed, realization);
        long t0 = System.nanoTime();
        DenseMatrix m = AndersonHamiltonian.build(lattice, hopping, disorder);
        long t1 = System.nanoTime();
        try (EigenDecomposition e = solver.decompose(m)) {
            long t2 = System.nanoTime();
            double[] lambda = e.eigenvalues();
            int n = lambda.length;
            System.out.printf(Locale.ROOT, "L = %d (%s), N = %d, t = %s, w = %s, seed = %d, realization = %d%n",
                    size, lattice.boundary().label(), n, hopping, model.width, seed, realization);
            System.out.printf(Locale.ROOT, "band edges  λ_min = %.6f, λ_max = %.6f (2π·MHz, relative to ω_e)%n",
                    lambda[0], lambda[n - 1]);
            System.out.printf(Locale.ROOT, "eigen stage %s: %.3f s (matrix build %.3f s)%n", solver.name(),
                    (t2 - t1) * 1e-9, (t1 - t0) * 1e-9);
            if (!solver.name().equals("reference")) {
                var p = NativeLibraries.provider();
                System.out.println("provider    " + p.description());
                System.out.println("OpenBLAS    " + p.openBlasConfig() + ", " + p.threads() + " thread(s)");
            }
        }
        return 0;
    }
}
