package dnp.benchmarks;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kpm.LanczosWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The levels of one realization for level statistics (dnp transition), per route, at w/t = 16.5:
 * dense dsyevd (one-stage reduction), dense dsyevd_2stage, and the Lanczos window |λ − c| ≤ 1.75 t
 * (two recursions on the stencil). The dense routes return all N levels; the window holds about 20%
 * of them, the part level statistics use. Each invocation takes a new realization, so that the
 * Lanczos timings include realizations whose recursions need more than the minimum number of steps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EigenvaluesOnlyBenchmark {

    @Param({"12", "16", "20"})
    public int size;

    @Param({"dsyevd", "dsyevd_2stage", "lanczos"})
    public String route;

    private static final double WIDTH = 108;
    private static final double RATIO = 16.5;

    private Lattice lattice;
    private long realization;

    @Setup
    public void setUp() {
        lattice = Lattice.periodic(size);
    }

    @Benchmark
    public double levels() {
        double t = WIDTH / RATIO;
        Disorder disorder = Disorder.box(lattice.sites(), WIDTH, 1, realization++);
        if (route.equals("lanczos")) {
            return LanczosWindow.aroundCentre(lattice, t, disorder, LanczosWindow.DEFAULT_WINDOW * t, 1,
                    realization).eigenvalues()[0];
        }
        int twoStageFrom = route.equals("dsyevd_2stage") ? 1 : Integer.MAX_VALUE;
        try (DenseMatrix m = AndersonHamiltonian.build(lattice, t, disorder)) {
            return new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD, twoStageFrom).eigenvalues(m)[0];
        }
    }
}
