package dnp.benchmarks;

import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kpm.BlockStencil;
import dnp.kpm.KpmSettings;
import dnp.kpm.ScalarBlockStencil;
import dnp.kpm.ScaledHamiltonian;
import dnp.kpm.Stencils;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One fused Chebyshev step r_{n+1} = 2H̃r_n − r_{n−1} with the doubling dot products, on B vectors
 * of an L = 48 lattice (N = 110592), scalar against Vector API; beside it a STREAM triad
 * a = b + s·c on arrays of the same length (N·B doubles), so that the stencil's effective bandwidth
 * (≥ 3 arrays of N·B doubles moved per step) can be compared with the machine's in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class StencilBenchmark {

    @Param({"48"})
    public int size;

    @Param({"8", "16", "32"})
    public int blockSize;

    @Param({"scalar", "vector"})
    public String implementation;

    private BlockStencil stencil;
    private ScaledHamiltonian h;
    private double[] x;
    private double[] y;
    private double[] triadA;
    private double[] triadB;
    private double[] triadC;
    private double[] xx;
    private double[] xo;

    @Setup
    public void setUp() {
        stencil = implementation.equals("scalar") ? new ScalarBlockStencil() : Stencils.panamaOrNull();
        if (stencil == null) {
            throw new IllegalStateException("Vector API not available: run with --add-modules jdk.incubator.vector");
        }
        Lattice lattice = Lattice.periodic(size);
        h = ScaledHamiltonian.of(lattice, 6.5, Disorder.box(lattice.sites(), 108, 1, 0), KpmSettings.MARGIN);
        x = new double[BlockStencil.length(h, blockSize)];
        y = new double[x.length];
        Random r = new Random(1);
        for (int i = 0; i < lattice.sites() * blockSize; i++) {
            x[i] = r.nextDouble() - 0.5;
            y[i] = r.nextDouble() - 0.5;
        }
        triadA = new double[x.length];
        triadB = x.clone();
        triadC = y.clone();
        xx = new double[blockSize];
        xo = new double[blockSize];
    }

    /** One Chebyshev step on B vectors (time per product with H of the whole block). */
    @Benchmark
    public double chebyshevStep() {
        stencil.apply(h, blockSize, x, y, 2.0, true, xx, xo);
        double[] t = x;
        x = y;
        y = t;
        return xx[0];
    }

    /** STREAM triad on N·B doubles: 3 arrays moved, 24 bytes per element. */
    @Benchmark
    public double streamTriad() {
        double s = 1.0000001;
        double[] a = triadA, b = triadB, c = triadC;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
        return a[a.length - 1];
    }
}
