package dnp.benchmarks;

import dnp.kernel.Realization;
import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.physics.OverlapStrategies;
import dnp.kernel.physics.OverlapStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Forming the whole overlap matrix O = QᵀQ block by block (lower blocks only, as the kernel does)
 * with each strategy: BLAS-3 dgemm, the Java Vector API kernel and the naive scalar triple loop.
 * Time-based iterations, so that the Vector API code is JIT-compiled before it is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class OverlapBenchmark {

    @Param({"6", "8", "10"})
    public int size;

    @Param({"BLAS", "VECTOR", "NAIVE"})
    public String strategy;

    private EigenDecomposition eigen;

    @Setup(Level.Trial)
    public void setUp() {
        Lattice lattice = Lattice.periodic(size);
        DenseMatrix m = AndersonHamiltonian.build(lattice, 6.5, Disorder.box(lattice.sites(), 108, 1, 0));
        eigen = Realization.defaultSolver().decompose(m);
    }

    @Benchmark
    public double formOverlaps() {
        return OverlapStrategies.formAll(eigen.vectors(), OverlapStrategy.valueOf(strategy));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        eigen.close();
    }
}
