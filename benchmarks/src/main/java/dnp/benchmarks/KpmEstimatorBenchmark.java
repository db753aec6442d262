package dnp.benchmarks;

import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kpm.DampingKernel;
import dnp.kpm.GramMoments;
import dnp.kpm.KpmEngine;
import dnp.kpm.KpmEvaluator;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmObservables;
import dnp.kpm.KpmSettings;
import dnp.kpm.VectorEngine;
import dnp.kpm.VectorEvaluator;
import dnp.kpm.VectorSettings;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One KPM realization (t = 6.5, M = 3000, P_n at ω_n = 20 and K, R, C at ω_n = 1) by each estimator of the
 * site sums, moments and evaluation timed apart: {@code sites} with S = 256 sampled sites (16 trace
 * vectors), {@code vectors} with the default 64 vectors in 8 groups. Time alone does not compare them:
 * the vector estimator's error is ≈ 10× smaller (kpm/BENCHMARKS-kpm.md gives error × time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx6g"})
public class KpmEstimatorBenchmark {

    @Param({"16", "24"})
    public int size;

    @Param({"sites", "vectors"})
    public String estimator;

    static final int MOMENTS = 3000;

    private RealizationInput input;
    private KpmMoments siteMoments;
    private GramMoments gram;

    @Setup
    public void setUp() {
        input = RealizationInput.defaults(size, 6.5, 42, 0).withPairs(List.of(
                new FrequencyPair(20, PhysicalParameters.DEFAULT_OMEGA_MW),
                new FrequencyPair(1, PhysicalParameters.DEFAULT_OMEGA_MW)));
        int threads = Runtime.getRuntime().availableProcessors();
        if (estimator.equals("sites")) {
            siteMoments = KpmEngine.compute(input, KpmSettings.sampled(MOMENTS, 256).withThreads(threads));
        } else {
            gram = VectorEngine.compute(input, vectorSettings(threads));
        }
    }

    private VectorSettings vectorSettings(int threads) {
        int vectors = VectorSettings.defaultVectors(input.sites(), MOMENTS);
        return new VectorSettings(MOMENTS, vectors, VectorSettings.DEFAULT_GROUPS, DampingKernel.JACKSON, threads);
    }

    /** The Chebyshev moments (sites) or the Gram matrices (vectors). */
    @Benchmark
    public Object moments() {
        int threads = Runtime.getRuntime().availableProcessors();
        return estimator.equals("sites")
                ? KpmEngine.compute(input, KpmSettings.sampled(MOMENTS, 256).withThreads(threads))
                : VectorEngine.compute(input, vectorSettings(threads));
    }

    /** Every observable and its error from the stored moments. */
    @Benchmark
    public KpmObservables evaluation() {
        return estimator.equals("sites") ? KpmEvaluator.evaluate(siteMoments, input)
                : VectorEvaluator.evaluate(gram, input);
    }
}
