package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Site sampling, reproducibility across thread counts, and addition of disjoint moment sets. */
class KpmSamplingTest {
    static final int M = 256;

    @Test
    void sampleWithinThreeStandardErrorsOfAllSites() {
        RealizationInput input = Dense.input(8, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        KpmObservables all = KpmEvaluator.evaluate(KpmEngine.compute(input,
                new KpmSettings(M, 0, DampingKernel.JACKSON, 8, 2, 0)), input);
        KpmObservables sampled = KpmEvaluator.evaluate(KpmEngine.compute(input,
                new KpmSettings(M, 128, DampingKernel.JACKSON, 8, 2, 8)), input);
        assertEquals(128, sampled.sampledSites());
        for (int k = 0; k < input.pairs().size(); k++) {
            KpmPairResult a = all.pairs().get(k);
            KpmPairResult s = sampled.pairs().get(k);
            assertEquals(0.0, a.pnError(), "all sites: no sampling error");
            assertTrue(s.pnError() > 0, "sampled: positive error");
            assertTrue(Math.abs(s.pn() - a.pn()) < 3 * s.pnError(),
                    "P_n " + s.pn() + " ± " + s.pnError() + " vs all-sites " + a.pn());
            assertTrue(Math.abs(s.correlatorK() - a.correlatorK()) < 3 * s.correlatorKError(),
                    "K(ω_n) " + s.correlatorK() + " ± " + s.correlatorKError() + " vs " + a.correlatorK());
            assertTrue(Math.abs(s.pnGoe() - a.pnGoe()) < 3 * s.pnGoeError() + 1e-12,
                    "P_n^GOE (trace) " + s.pnGoe() + " ± " + s.pnGoeError() + " vs " + a.pnGoe());
        }
        // ∫ρ̃ dx over [−1, 1] is g_0 μ̄_0 = 1 exactly; the DOS bins stop at the Gershgorin bound E, and the
        // Jackson-broadened tails beyond it hold ~1e-7 of the weight at M = 256.
        double integral = 0;
        for (double d : all.dos()) {
            integral += d * 2 * all.energyHalfWidth() / all.dos().length;
        }
        assertEquals(1.0, integral, 1e-6);
    }

    @Test
    void momentsIndependentOfThreadCount() {
        RealizationInput input = Dense.input(6, BoundaryCondition.OPEN, 6.5, Convention.SI);
        KpmSettings one = new KpmSettings(M, 40, DampingKernel.JACKSON, 8, 1, 4);
        KpmMoments a = KpmEngine.compute(input, one);
        KpmMoments b = KpmEngine.compute(input, one.withThreads(2));
        assertArrayEquals(a.siteIndex(), b.siteIndex());
        assertArrayEquals(a.siteMoments(), b.siteMoments());
        assertArrayEquals(a.traceMoments(), b.traceMoments());
        KpmMoments c = KpmEngine.compute(input, one.withThreads(2));
        assertArrayEquals(b.siteMoments(), c.siteMoments(), "same seed, same moments");
    }

    @Test
    void disjointSetsAdd() {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        KpmSettings settings = new KpmSettings(64, 0, DampingKernel.JACKSON, 8, 2, 0);
        int n = input.sites();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        KpmMoments whole = KpmEngine.compute(input, settings, all, new int[0]);
        KpmMoments first = KpmEngine.compute(input, settings, Arrays.copyOfRange(all, 0, 50), new int[] {0});
        KpmMoments second = KpmEngine.compute(input, settings, Arrays.copyOfRange(all, 50, n), new int[] {1});
        KpmMoments sum = first.add(second);
        assertTrue(sum.allSites());
        // Block boundaries differ, but each column's recursion is the same arithmetic.
        assertArrayEquals(whole.siteMoments(), sum.siteMoments());
        assertArrayEquals(whole.pairMoments(), sum.pairMoments(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> first.add(first));
    }
}
