package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stochastic-vector estimator ({@link VectorEngine}, {@link VectorEvaluator}) against the site route
 * it must reproduce: exactly with unit vectors, and in the mean over independent draws of random ones.
 */
class VectorEstimatorTest {
    static final int M = 128;

    /** Every site its own part: each of its four "vectors" is ±e_j, whose estimate X_j(m) = μ_m(j) has no noise. */
    static VectorPartition singletons(int[] sites, int groups, int n) {
        int[][] parts = new int[sites.length][];
        for (int i = 0; i < sites.length; i++) {
            parts[i] = new int[] {sites[i]};
        }
        return new VectorPartition(n, parts, groups);
    }

    static int[] range(int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i;
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Convention.class)
    void unitVectorsOnEverySiteReproduceTheAllSitesRoute(Convention convention) {
        RealizationInput input = Dense.input(4, BoundaryCondition.PERIODIC, 6.5, convention);
        int n = input.sites();
        KpmMoments siteMoments = KpmEngine.compute(input, new KpmSettings(M, 0, DampingKernel.JACKSON, 8, 2, 0));
        KpmObservables sites = KpmEvaluator.evaluate(siteMoments, input);
        VectorSettings settings = new VectorSettings(M, 4 * n, 4, DampingKernel.JACKSON, 2);
        VectorEngine.Computed computed = VectorEngine.compute(input, settings, singletons(range(n), 4, n),
                VectorEngine.allGroups(4), true);
        // The Gram sums themselves, before they are stored in single precision: Σ_j μ(j)μ(j)ᵀ over each group.
        double[] mu = siteMoments.siteMoments();
        for (int g = 0; g < 4; g++) {
            double[] expected = new double[(int) GramMoments.packedLength(M)];
            for (int j = g; j < n; j += 4) {
                for (int a = 0; a < M; a++) {
                    for (int b = 0; b <= a; b++) {
                        expected[a * (a + 1) / 2 + b] += mu[j * M + a] * mu[j * M + b];
                    }
                }
            }
            for (int pair = 0; pair < 2; pair++) {
                assertArrayEquals(expected, computed.exact()[g][pair], 1e-12 * max(expected), "group " + g);
            }
        }
        KpmObservables vectors = VectorEvaluator.evaluate(computed.moments(), input);
        assertEquals(n, vectors.sampledSites());
        // The observables read the Gram matrices as stored, in single precision: agreement to 1e-6.
        double tol = 1e-6;
        for (int k = 0; k < input.pairs().size(); k++) {
            KpmPairResult s = sites.pairs().get(k);
            KpmPairResult v = vectors.pairs().get(k);
            assertEquals(s.pn(), v.pn(), tol * Math.abs(s.pn()), "P_n");
            assertEquals(s.pnGoe(), v.pnGoe(), tol * Math.abs(s.pnGoe()), "P_n^GOE");
            assertEquals(s.sums().s0(), v.sums().s0(), tol * Math.abs(s.sums().s0()), "S0");
            assertEquals(s.sums().s1(), v.sums().s1(), tol * Math.abs(s.sums().s0()), "S1");
            assertEquals(s.sums().s2(), v.sums().s2(), tol * Math.abs(s.sums().s0()), "S2");
            assertEquals(s.sums().sp(), v.sums().sp(), tol * Math.abs(s.sums().sp()), "SP");
            assertEquals(s.correlatorK(), v.correlatorK(), tol * s.correlatorK(), "K");
            assertEquals(s.correlatorR(), v.correlatorR(), tol * s.correlatorR(), "R");
            assertEquals(s.correlatorC(), v.correlatorC(), tol * s.correlatorC(), "C");
            assertEquals(0.0, v.pnError(), "no noise: the two pairs of every part agree");
        }
        assertArrayEquals(sites.spectrum().k(), vectors.spectrum().k(), tol * max(sites.spectrum().k()));
        assertArrayEquals(sites.spectrum().r(), vectors.spectrum().r(), tol * max(sites.spectrum().r()));
        assertArrayEquals(sites.dos(), vectors.dos(), 1e-11 * max(sites.dos()));
    }

    @Test
    void unitVectorsOnSampledSitesReproduceSiteSampling() {
        RealizationInput input = Dense.input(6, BoundaryCondition.OPEN, 4.0, Convention.SI);
        int n = input.sites();
        KpmMoments sampled = KpmEngine.compute(input, new KpmSettings(M, 40, DampingKernel.JACKSON, 8, 2, 4));
        KpmObservables sites = KpmEvaluator.evaluate(sampled, input);
        int s = sampled.sampledSites();
        VectorSettings settings = new VectorSettings(M, 4 * s, 5, DampingKernel.JACKSON, 2);
        GramMoments gram = VectorEngine.compute(input, settings, singletons(sampled.siteIndex(), 5, n),
                VectorEngine.allGroups(5));
        assertEquals(s, gram.coveredSites());
        KpmObservables vectors = VectorEvaluator.evaluate(gram, input);
        for (int k = 0; k < input.pairs().size(); k++) {
            KpmPairResult a = sites.pairs().get(k);
            KpmPairResult b = vectors.pairs().get(k);
            // The same N/S-scaled site sums; the GOE values differ (trace vectors against the sampled sites).
            assertEquals(a.pn(), b.pn(), 1e-6 * Math.abs(a.pn()), "P_n");
            assertEquals(a.correlatorK(), b.correlatorK(), 1e-6 * a.correlatorK(), "K");
        }
    }

    @ParameterizedTest
    @EnumSource(Convention.class)
    void meanOverDrawsIsTheAllSitesValue(Convention convention) {
        RealizationInput input = Dense.input(6, BoundaryCondition.PERIODIC, 6.5, convention);
        KpmObservables exact = KpmEvaluator.evaluate(KpmEngine.compute(input,
                new KpmSettings(M, 0, DampingKernel.JACKSON, 8, 2, 0)), input);
        int draws = 40;
        VectorSettings settings = new VectorSettings(M, 64, 8, DampingKernel.JACKSON, 2);
        int pairs = input.pairs().size();
        double[][] pn = new double[pairs][draws];
        double[][] pnError = new double[pairs][draws];
        double[][] goe = new double[pairs][draws];
        double[][] c = new double[pairs][draws];
        double[][] cError = new double[pairs][draws];
        for (int d = 0; d < draws; d++) {
            KpmObservables o = VectorEvaluator.evaluate(VectorEngine.compute(input, settings.withDraw(d)), input);
            for (int k = 0; k < pairs; k++) {
                pn[k][d] = o.pairs().get(k).pn();
                pnError[k][d] = o.pairs().get(k).pnError();
                goe[k][d] = o.pairs().get(k).pnGoe();
                c[k][d] = o.pairs().get(k).correlatorC();
                cError[k][d] = o.pairs().get(k).correlatorCError();
            }
        }
        for (int k = 0; k < pairs; k++) {
            KpmPairResult e = exact.pairs().get(k);
            assertWithinThreeErrors("P_n", pn[k], e.pn());
            assertWithinThreeErrors("P_n^GOE", goe[k], e.pnGoe());
            assertWithinThreeErrors("C(ω_n)", c[k], e.correlatorC());
            // The error bars cover: the 95% interval, Student's t with J = 8 degrees of freedom (2.306 errors).
            assertCovers("P_n", pn[k], pnError[k], e.pn());
            assertCovers("C(ω_n)", c[k], cError[k], e.correlatorC());
        }
    }

    @ParameterizedTest
    @EnumSource(Convention.class)
    void errorsAreTheSameByEitherPath(Convention convention) {
        RealizationInput input = Dense.input(6, BoundaryCondition.PERIODIC, 6.5, convention);
        GramMoments gram = VectorEngine.compute(input, new VectorSettings(M + 37, 32, 4, DampingKernel.JACKSON, 2));
        KpmObservables groups = VectorEvaluator.evaluate(gram, input, DampingKernel.JACKSON,
                VectorEvaluator.ErrorPath.GROUPS, 512);
        // Blocks of 48 columns: M = 165 in four blocks, the last one short.
        KpmObservables coefficients = VectorEvaluator.evaluate(gram, input, DampingKernel.JACKSON,
                VectorEvaluator.ErrorPath.COEFFICIENTS, 48);
        for (int k = 0; k < input.pairs().size(); k++) {
            KpmPairResult a = groups.pairs().get(k);
            KpmPairResult b = coefficients.pairs().get(k);
            assertEquals(a.pn(), b.pn(), "the estimate is evaluated one way");
            assertTrue(a.pnError() > 0);
            assertEquals(a.pnError(), b.pnError(), 1e-9 * a.pnError(), "P_n error");
            assertEquals(a.correlatorKError(), b.correlatorKError(), 1e-9 * a.correlatorKError(), "K error");
            assertEquals(a.correlatorCError(), b.correlatorCError(), 1e-9 * a.correlatorCError(), "C error");
            assertEquals(a.pnGoeError(), b.pnGoeError(), "the GOE errors are the jackknife either way");
        }
    }

    @Test
    void drawsDifferAndRepeat() {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        VectorSettings settings = new VectorSettings(64, 24, 3, DampingKernel.JACKSON, 1);
        GramMoments a = VectorEngine.compute(input, settings);
        GramMoments b = VectorEngine.compute(input, settings.withThreads(2));
        GramMoments c = VectorEngine.compute(input, settings.withDraw(1));
        for (int g = 0; g < 3; g++) {
            for (int pair = 0; pair < 2; pair++) {
                assertArrayEquals(a.gram()[g][pair], b.gram()[g][pair], "threads change no value");
            }
            assertArrayEquals(a.traces()[g], b.traces()[g]);
        }
        assertTrue(!Arrays.equals(a.gram()[0][0], c.gram()[0][0]), "another draw, other vectors");
        assertTrue(!Arrays.equals(a.gram()[0][0], a.gram()[0][1]), "two independent pairs");
    }

    @Test
    void groupsComputedApartJoinToTheWhole() {
        RealizationInput input = Dense.input(5, BoundaryCondition.OPEN, 3.0, Convention.SI);
        VectorSettings settings = new VectorSettings(64, 32, 4, DampingKernel.JACKSON, 1);
        VectorPartition partition = VectorPartition.of(input, settings);
        GramMoments whole = VectorEngine.compute(input, settings);
        GramMoments first = VectorEngine.compute(input, settings, partition, new int[] {1, 3});
        GramMoments second = VectorEngine.compute(input, settings, partition, new int[] {0, 2});
        GramMoments joined = GramMoments.join(List.of(first, second));
        assertTrue(joined.complete());
        assertTrue(!first.complete());
        assertArrayEquals(whole.heldGroups(), joined.heldGroups());
        assertArrayEquals(whole.groupSites(), joined.groupSites());
        for (int g = 0; g < 4; g++) {
            for (int pair = 0; pair < 2; pair++) {
                assertArrayEquals(whole.gram()[g][pair], joined.gram()[g][pair], "the same arithmetic");
            }
            assertArrayEquals(whole.traces()[g], joined.traces()[g]);
        }
        assertThrows(IllegalArgumentException.class, () -> GramMoments.join(List.of(first, first)));
    }

    @Test
    void partitionCoversEverySiteOnce() {
        VectorPartition p = VectorPartition.random(1000, 7, 3, 42, 5, 0);
        int[] count = new int[1000];
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int[] part : p.parts()) {
            smallest = Math.min(smallest, part.length);
            largest = Math.max(largest, part.length);
            for (int j : part) {
                count[j]++;
            }
        }
        for (int c : count) {
            assertEquals(1, c);
        }
        assertTrue(largest - smallest <= 1, "part sizes differ by at most one");
        assertEquals(1000, Arrays.stream(p.groupSites()).sum());
        assertArrayEquals(p.parts()[3], VectorPartition.random(1000, 7, 3, 42, 5, 0).parts()[3], "reproducible");
    }

    @Test
    void settingsRefuseWhatTheEstimatorCannotDo() {
        assertThrows(IllegalArgumentException.class, () -> new VectorSettings(M, 10, 2, DampingKernel.JACKSON, 1));
        assertThrows(IllegalArgumentException.class, () -> new VectorSettings(M, 4, 1, DampingKernel.JACKSON, 1));
        assertThrows(IllegalArgumentException.class, () -> new VectorSettings(M, 16, 5, DampingKernel.JACKSON, 1));
        assertThrows(IllegalArgumentException.class, () -> new VectorSettings(1, 16, 2, DampingKernel.JACKSON, 1));
    }

    static void assertWithinThreeErrors(String what, double[] draws, double exact) {
        double mean = Arrays.stream(draws).average().orElseThrow();
        double var = Arrays.stream(draws).map(x -> (x - mean) * (x - mean)).sum() / (draws.length - 1);
        double se = Math.sqrt(var / draws.length);
        assertTrue(se > 0, what + ": the draws must differ");
        assertTrue(Math.abs(mean - exact) < 3 * se, what + ": mean of " + draws.length + " draws " + mean + " ± " + se
                + " against the all-sites " + exact);
    }

    /** At least 34 of 40 draws (85%, for a nominal 95%) have the exact value in ±2.306 errors (J = 8). */
    static void assertCovers(String what, double[] draws, double[] errors, double exact) {
        int covered = 0;
        for (int d = 0; d < draws.length; d++) {
            covered += Math.abs(draws[d] - exact) <= 2.306 * errors[d] ? 1 : 0;
        }
        assertTrue(covered >= 34 * draws.length / 40, what + ": " + covered + " of " + draws.length
                + " 95% intervals hold the all-sites value");
    }

    static double max(double[] x) {
        return Arrays.stream(x).map(Math::abs).max().orElse(0);
    }
}
