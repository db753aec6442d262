package dnp.benchmarks;

import dnp.kernel.Realization;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.RealizationResult;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One whole realization with the workload of Fig. 4 (5 ω_n × 4 ω_MW) at t = 6.5: matrix, dsyevd,
 * overlaps and every observable.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class RealizationBenchmark {

    @Param({"8", "12"})
    public int size;

    private RealizationInput input;

    @Setup
    public void setUp() {
        List<FrequencyPair> pairs = new ArrayList<>();
        for (double omegaMW : new double[]{93860, 93870, 93880, 93890}) {
            for (double omegaN = 1; omegaN <= 5; omegaN++) {
                pairs.add(new FrequencyPair(omegaN, omegaMW));
            }
        }
        input = RealizationInput.defaults(size, 6.5, 1, 0).withPairs(pairs);
    }

    @Benchmark
    public RealizationResult realization() {
        return Realization.compute(input);
    }
}
