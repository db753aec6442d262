package dnp.benchmarks;

import dnp.kernel.vector.SpectralKernels;
import dnp.kernel.vector.VectorizationProvider;
import dnp.kernel.vector.ScalarSpectralKernels;
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
 * The per-column loops of the observable pass, scalar against Vector API, on one column of
 * length N (N = L³: 1728, 5832, 8000 for L = 12, 18, 20).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class SpectralKernelsBenchmark {

    @Param({"1728", "5832", "8000"})
    public int n;

    @Param({"scalar", "vector"})
    public String implementation;

    private SpectralKernels kernels;
    private double[] o;
    private double[] lambda;
    private double[] p;
    private double[] sumW;
    private double[] diffW;
    private double[] sumL;
    private double[] diffL;
    private final double[] sums = new double[4];

    @Setup
    public void setUp() {
        kernels = implementation.equals("scalar") ? new ScalarSpectralKernels() : VectorizationProvider.kernels();
        if (implementation.equals("vector") && kernels.name().equals("scalar")) {
            throw new IllegalStateException("Vector API not available: run with --add-modules jdk.incubator.vector");
        }
        Random r = new Random(1);
        o = new double[n];
        lambda = new double[n];
        p = new double[n];
        sumW = new double[n];
        diffW = new double[n];
        sumL = new double[n];
        diffL = new double[n];
        for (int i = 0; i < n; i++) {
            o[i] = r.nextDouble() / n;
            lambda[i] = 100 * r.nextDouble() - 50;
            p[i] = r.nextDouble();
        }
        java.util.Arrays.sort(lambda);
    }

    /** One ω_n of one column: the Lorentzian weights of the unordered pairs and their sums. */
    @Benchmark
    public double pairLorentzian() {
        kernels.pairLorentzian(o, lambda, 0, n, 0.5, 3.0, 39.48, sumW, diffW, sumL, diffL, sums);
        return sums[0];
    }

    /** One ω_MW of one column: the four bias-weighted sums. */
    @Benchmark
    public double dot4() {
        kernels.dot4(o, lambda, p, o, p, 0, n, sums);
        return sums[0];
    }

    @Benchmark
    public double sum() {
        return kernels.sum(o, 0, n);
    }
}
