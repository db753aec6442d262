package dnp.kpm;

import dnp.kernel.Realization;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At fixed small L with all sites, the KPM P_n approaches the dense P_n as M grows. The dense sums are
 * sums of nuclear Lorentzians of width 1/T_2n' over a sparse spectrum (N = 125), so the KPM converges
 * only once its resolution π a/M is well below 1/T_2n': with Table I's T_2n = 10 μs under si
 * (1/T_2n' ≈ 0.016) that takes M ≫ 2·10⁴, too slow for a unit test, so the si case uses
 * T_2n = 0.3 μs (width 0.53); the paper case keeps Table I (1/T_2n' = 0.1).
 */
class KpmConvergenceTest {

    @ParameterizedTest(name = "L={0} {1} t={2} {3}")
    @CsvSource({"5, PERIODIC, 6.5, SI, 3e-7", "5, OPEN, 12, PAPER, 1e-5"})
    void errorFallsWithMoments(int size, BoundaryCondition bc, double t, Convention convention, double t2n) {
        RealizationInput base = Dense.input(size, bc, t, convention);
        PhysicalParameters p = base.physics();
        RealizationInput input = base.withPhysics(new PhysicalParameters(p.t1e(), p.t2e(), p.omega1(), p.t1n(), t2n,
                p.a0(), p.bathTemperature(), p.omegaE(), p.nuclearRatio()));
        RealizationResult dense = Realization.compute(input);
        int[] ms = {512, 2048, 8192};
        double[] errors = new double[ms.length];
        double[] goeErrors = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            KpmMoments mom = KpmEngine.compute(input, new KpmSettings(ms[i], 0, DampingKernel.JACKSON, 8, 2, 0));
            KpmObservables obs = KpmEvaluator.evaluate(mom, input);
            double err = 0;
            double goeErr = 0;
            for (int k = 0; k < input.pairs().size(); k++) {
                PairResult d = dense.pairs().get(k);
                err = Math.max(err, Math.abs(obs.pairs().get(k).pn() - d.pn()));
                goeErr = Math.max(goeErr, Math.abs(obs.pairs().get(k).pnGoe() - d.pnGoe()));
            }
            errors[i] = err;
            goeErrors[i] = goeErr;
            System.out.printf("L=%d %s M=%d  max|ΔP_n|=%.3e  max|ΔP_n^GOE|=%.3e  (dense P_n=%.6f)%n", size, convention,
                    ms[i], err, goeErr, dense.pairs().get(0).pn());
        }
        for (int i = 1; i < ms.length; i++) {
            assertTrue(errors[i] < errors[i - 1], "P_n error must fall with M: " + java.util.Arrays.toString(errors));
        }
        assertTrue(goeErrors[ms.length - 1] < goeErrors[0], "GOE error must fall: " + java.util.Arrays.toString(goeErrors));
    }
}
