package dnp.reference;

import dnp.kernel.Realization;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RateParts;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path (LAPACK eigen stage, blocked BLAS-3 overlaps, Vector API or scalar pass) against
 * the naive reference for every observable, on L = 3…8, periodic and open, t from 0 to ≫ t_c, both
 * conventions: within 1e-10 relative. Arrays whose entries span many decades (histograms of
 * overlaps of localized states) are compared entry by entry relative to their largest entry.
 */
class KernelAgainstReferenceTest {
    static final double TOLERANCE = 1e-10;

    static final List<FrequencyPair> PAIRS = List.of(
            new FrequencyPair(20, 93860), new FrequencyPair(1, 93860), new FrequencyPair(5, 93860),
            new FrequencyPair(20, 93870), new FrequencyPair(3, 93890));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        double[] hoppings = {0.0, 2.0, 6.5, 40.0};
        for (int size = 3; size <= 8; size++) {
            for (BoundaryCondition bc : BoundaryCondition.values()) {
                for (Convention convention : Convention.values()) {
                    // All t on the small sizes; two per size beyond, to keep the naive loops quick.
                    for (int i = 0; i < hoppings.length; i++) {
                        if (size <= 5 || (i + size + convention.ordinal() + bc.ordinal()) % 2 == 0) {
                            cases.add(Arguments.of(size, bc, hoppings[i], convention));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "L={0} {1} t={2} {3}")
    @MethodSource("cases")
    void everyObservableAgrees(int size, BoundaryCondition bc, double hopping, Convention convention) {
        Lattice lattice = new Lattice(size, bc);
        boolean extras = size <= 5;
        AnalysisOptions analysis = AnalysisOptions.DEFAULTS.withSampledGoe(extras).withSiteDistribution(extras);
        RealizationInput input = new RealizationInput(lattice, hopping,
                Disorder.box(lattice.sites(), 108, 1000 + size, bc.ordinal()), PhysicalParameters.TABLE_I, PAIRS,
                analysis, convention);
        RealizationResult fast = Realization.compute(input);
        RealizationResult naive = ReferenceModel.compute(input);
        assertAgree(naive, fast, "L=" + size + " " + bc.label() + " t=" + hopping + " " + convention.label());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void everyEigenStageGivesTheSameObservables(EigenSolver solver) {
        RealizationInput input = RealizationInput.defaults(6, 6.5, 7, 2).withPairs(PAIRS);
        assertAgree(ReferenceModel.compute(input), Realization.compute(input, solver), solver.name());
    }

    static Stream<EigenSolver> drivers() {
        return Stream.of(new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD),
                new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR), new ReferenceEigenSolver());
    }

    static void assertAgree(RealizationResult expected, RealizationResult actual, String where) {
        assertEquals(expected.sites(), actual.sites());
        assertArrayClose(expected.eigenvalues(), actual.eigenvalues(), where + " eigenvalues");
        assertClose(expected.ipr(), actual.ipr(), where + " ipr");
        assertClose(expected.dosSecondMoment(), actual.dosSecondMoment(), where + " dosSecondMoment");
        assertClose(expected.overlapSum(), actual.overlapSum(), where + " overlapSum");
        assertEquals(expected.gapRatioCount(), actual.gapRatioCount(), where + " gapRatioCount");
        if (!Double.isNaN(expected.gapRatio())) {
            assertClose(expected.gapRatio(), actual.gapRatio(), where + " gapRatio");
        }
        assertClose(expected.energyHalfWidth(), actual.energyHalfWidth(), where + " energyHalfWidth");
        assertArrayClose(expected.dos(), actual.dos(), where + " dos");
        double[] expectedBinned = flatten(expected.binnedCorrelator());
        assertArrayClose(expectedBinned, flatten(actual.binnedCorrelator()), where + " binned K");
        assertArrayClose(expected.binnedSelfOverlaps(), actual.binnedSelfOverlaps(), where + " α = β part of K");
        assertArrayClose(expected.spectrum().omega(), actual.spectrum().omega(), where + " ω grid");
        assertArrayClose(expected.microwaveWeights(), actual.microwaveWeights(), where + " A_α²");
        assertEquals(expected.localization().states(), actual.localization().states(), where + " ξ window");
        assertClose(expected.localization().decayRate(), actual.localization().decayRate(), where + " 1/ξ");
        assertEquals(expected.localization().exceedsSize(), actual.localization().exceedsSize(), where + " ξ ≥ L");
        assertClose(expected.localization().participationLength(), actual.localization().participationLength(),
                where + " participation length");
        assertClose(expected.localization().centreDos(), actual.localization().centreDos(), where + " ρ(0)");
        assertArrayClose(expected.spectrum().k(), actual.spectrum().k(), where + " K(ω)");
        assertArrayClose(expected.spectrum().r(), actual.spectrum().r(), where + " R(ω)");
        assertEquals(expected.pairs().size(), actual.pairs().size());
        for (int k = 0; k < expected.pairs().size(); k++) {
            PairResult e = expected.pairs().get(k);
            PairResult a = actual.pairs().get(k);
            String at = where + " " + e.pair();
            assertEquals(e.pair(), a.pair());
            assertClose(e.pn(), a.pn(), at + " Pn");
            assertClose(e.pnGoe(), a.pnGoe(), at + " PnGOE");
            if (Double.isNaN(e.pnGoeSampled())) {
                assertTrue(Double.isNaN(a.pnGoeSampled()), at + " PnGOE sampled");
            } else {
                assertClose(e.pnGoeSampled(), a.pnGoeSampled(), at + " PnGOE sampled");
            }
            assertRates(e.rates(), a.rates(), at + " rates");
            assertRates(e.goeRates(), a.goeRates(), at + " GOE rates");
            assertClose(e.numerator(), a.numerator(), at + " numerator");
            assertClose(e.denominator(), a.denominator(), at + " denominator");
            assertClose(e.correlatorK(), a.correlatorK(), at + " K(ω_n)");
            assertClose(e.correlatorR(), a.correlatorR(), at + " R(ω_n)");
            if (!Double.isNaN(e.correlatorC())) {
                assertClose(e.correlatorC(), a.correlatorC(), at + " C(ω_n)");
            }
            if (e.sites() != null) {
                assertArrayClose(e.sites().perSite(), a.sites().perSite(), at + " P_n^j");
                assertEquals(e.sites().histogram().length, a.sites().histogram().length);
            }
        }
    }

    static void assertRates(RateParts e, RateParts a, String where) {
        assertClose(e.emitIss(), a.emitIss(), where + " emit ISS");
        assertClose(e.emitPl(), a.emitPl(), where + " emit PL");
        assertClose(e.emitLeak(), a.emitLeak(), where + " emit leakage");
        assertClose(e.absIss(), a.absIss(), where + " abs ISS");
        assertClose(e.absPl(), a.absPl(), where + " abs PL");
        assertClose(e.absLeak(), a.absLeak(), where + " abs leakage");
    }

    static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * scale,
                what + ": expected " + expected + ", got " + actual + ", relative error "
                        + Math.abs(expected - actual) / scale);
    }

    static void assertArrayClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        for (double x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= TOLERANCE * scale,
                    what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i] + " (scale " + scale + ")");
        }
    }

    static double[] flatten(double[][] m) {
        return Stream.of(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
