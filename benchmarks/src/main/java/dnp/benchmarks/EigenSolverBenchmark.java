package dnp.benchmarks;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.reference.ReferenceEigenSolver;
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
 * The eigen stage: full diagonalization (values and vectors) of the L³ × L³ Anderson matrix at
 * t = 6.5, w = 108, and the eigenvalues-only path, per solver: native dsyevd, native dsyevr,
 * pure-Java reference. The matrix is rebuilt before each call (outside the measured time) since
 * every solver overwrites it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EigenSolverBenchmark {

    @Param({"6", "8", "10", "12"})
    public int size;

    @Param({"dsyevd", "dsyevr", "reference"})
    public String solver;

    private EigenSolver eigenSolver;
    private Lattice lattice;
    private Disorder disorder;
    private DenseMatrix matrix;

    @Setup(Level.Trial)
    public void setUpTrial() {
        eigenSolver = solver.equals("reference") ? new ReferenceEigenSolver()
                : new LapackEigenSolver(LapackEigenSolver.Routine.parse(solver));
        lattice = Lattice.periodic(size);
        disorder = Disorder.box(lattice.sites(), 108, 1, 0);
    }

    @Setup(Level.Invocation)
    public void buildMatrix() {
        matrix = AndersonHamiltonian.build(lattice, 6.5, disorder);
    }

    @Benchmark
    public double decompose() {
        try (EigenDecomposition e = eigenSolver.decompose(matrix)) {
            return e.eigenvalues()[0];
        }
    }

    /** The eigenvalues-only path (jobz = 'N'; level statistics need no eigenvectors). */
    @Benchmark
    public double eigenvaluesOnly() {
        try (DenseMatrix m = matrix) {
            return eigenSolver.eigenvalues(m)[0];
        }
    }

    @TearDown(Level.Invocation)
    public void forget() {
        matrix = null; // closed by the decomposition
    }
}
