package dnp.reference;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RateParts;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact identities of docs/model.md#exact-identities, checked on the reference implementation itself. */
class ReferenceModelIdentityTest {

    private static final List<FrequencyPair> PAIRS = List.of(new FrequencyPair(20, 93860),
            new FrequencyPair(1, 93860), new FrequencyPair(5, 93880));

    private static RealizationInput input(Lattice lattice, double hopping, Convention convention) {
        Disorder disorder = Disorder.box(lattice.sites(), 108, 2018, lattice.size());
        return new RealizationInput(lattice, hopping, disorder, PhysicalParameters.TABLE_I, PAIRS,
                AnalysisOptions.DEFAULTS, convention);
    }

    private static double[][] overlapsOf(Lattice lattice, double hopping, Disorder disorder) {
        double[][] vectors = ReferenceModel.hamiltonian(lattice, hopping, disorder);
        double[] values = new double[lattice.sites()];
        ReferenceEigenSolver.diagonalize(vectors, values);
        int n = values.length;
        double[][] phi = new double[n][n];
        for (int alpha = 0; alpha < n; alpha++) {
            for (int j = 0; j < n; j++) {
                phi[alpha][j] = vectors[j][alpha];
            }
        }
        return ReferenceModel.overlaps(phi);
    }

    static Stream<Arguments> realizations() {
        List<Arguments> cases = new ArrayList<>();
        for (int size = 3; size <= 5; size++) {
            for (BoundaryCondition boundary : BoundaryCondition.values()) {
                for (double hopping : new double[] {0.5, 6.5, 20}) {
                    cases.add(Arguments.of(size, boundary, hopping));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "L={0} {1} t={2}")
    @MethodSource("realizations")
    void overlapSumRuleSymmetryAndSign(int size, BoundaryCondition boundary, double hopping) {
        Lattice lattice = new Lattice(size, boundary);
        Disorder disorder = Disorder.box(lattice.sites(), 108, 9, 1);
        double[][] o = overlapsOf(lattice, hopping, disorder);
        int n = lattice.sites();
        double sum = 0;
        for (int alpha = 0; alpha < n; alpha++) {
            for (int beta = 0; beta < n; beta++) {
                sum += o[alpha][beta];
                assertTrue(o[alpha][beta] >= 0, "O non-negative");
                assertEquals(o[alpha][beta], o[beta][alpha], 1e-15, "O symmetric");
            }
        }
        assertEquals(n, sum, 1e-12 * n, "Σ O_αβ = N (Eq. 26)");
        RealizationResult result = ReferenceModel.compute(
                new RealizationInput(lattice, hopping, disorder, PhysicalParameters.TABLE_I, PAIRS,
                        AnalysisOptions.DEFAULTS, Convention.SI));
        assertEquals(n, result.overlapSum(), 1e-12 * n);
    }

    @ParameterizedTest(name = "L={0} {1} t={2}")
    @MethodSource("realizations")
    void secondMomentOfTheSpectrum(int size, BoundaryCondition boundary, double hopping) {
        // (1/N) Σ λ² = (1/N) trace M² = (1/N) Σ Δ² + t²·(number of ordered neighbour pairs)/N,
        // which is 6t² with periodic boundaries and 6t²(L − 1)/L with open ones.
        Lattice lattice = new Lattice(size, boundary);
        RealizationResult result = ReferenceModel.compute(input(lattice, hopping, Convention.SI));
        int n = lattice.sites();
        double onsite = 0;
        for (double d : result.input().disorder().values()) {
            onsite += d * d;
        }
        double bonds = boundary == BoundaryCondition.PERIODIC ? 6.0 * n : 6.0 * size * size * (size - 1);
        double expected = onsite / n + hopping * hopping * bonds / n;
        assertEquals(expected, result.dosSecondMoment(), 1e-12 * expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void hamiltonianHasTheCubicNeighbourhood(int size) {
        double hopping = 2.5;
        for (BoundaryCondition boundary : BoundaryCondition.values()) {
            Lattice lattice = new Lattice(size, boundary);
            Disorder disorder = Disorder.box(lattice.sites(), 108, 1, 0);
            double[][] m = ReferenceModel.hamiltonian(lattice, hopping, disorder);
            for (int z = 0; z < size; z++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        int i = lattice.index(x, y, z);
                        assertEquals(disorder.at(i), m[i][i]);
                        int expectedNeighbours = 0;
                        for (int c : new int[] {x, y, z}) {
                            expectedNeighbours += boundary == BoundaryCondition.PERIODIC ? 2
                                    : (c > 0 ? 1 : 0) + (c < size - 1 ? 1 : 0);
                        }
                        int neighbours = 0;
                        for (int j = 0; j < lattice.sites(); j++) {
                            assertEquals(m[i][j], m[j][i], "symmetric");
                            if (j != i && m[i][j] != 0) {
                                assertEquals(-hopping, m[i][j]);
                                neighbours++;
                            }
                        }
                        assertEquals(expectedNeighbours, neighbours, "neighbours of " + i);
                    }
                }
            }
            int last = size - 1;
            assertEquals(boundary == BoundaryCondition.PERIODIC ? -hopping : 0,
                    m[lattice.index(0, 0, 0)][lattice.index(last, 0, 0)], "wrap in x");
            assertEquals(-hopping, m[lattice.index(1, 2, 0)][lattice.index(1, 2, 1)], "step in z");
        }
    }

    /**
     * At t = 0, O = identity, so the ISS parts of Ω_emit and Ω_abs are equal (L is even), the PL
     * parts are equal, and Σ (1 − P²) + P² = N: P_n = tanh(β'ω_n/2)·(N_n/T_1n') / (2cN L(ω_n) + N_n/T_1n'),
     * whatever the electron polarizations.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.025, 0.0})
    void decoupledSitesGiveTheThermalValueTimesTheLeakageShare(double omega1) {
        PhysicalParameters physics = PhysicalParameters.TABLE_I.withOmega1(omega1);
        RealizationInput in = input(Lattice.periodic(4), 0, Convention.SI).withPhysics(physics)
                .withAnalysis(AnalysisOptions.DEFAULTS.withSiteDistribution(true));
        RealizationResult result = ReferenceModel.compute(in);
        int n = in.sites();
        assertEquals(1.0, result.ipr(), 1e-15);

        double twoPiMega = 2 * Math.PI * 1e6;
        double beta = 7.638232577e-12 * twoPiMega / 1.2;
        double t1n = 1e4 * twoPiMega;
        double t2n = 1e-5 * twoPiMega;
        double nuclei = 1000.0 * n;
        double c = 0.00447 * 0.00447 * t2n / 4;
        for (PairResult pair : result.pairs()) {
            double omegaN = pair.pair().omegaN();
            double line = 1 / (1 + t2n * t2n * omegaN * omegaN);
            double leakage = nuclei / t1n;
            double thermal = Math.tanh(beta * omegaN / 2) * leakage / (2 * c * n * line + leakage);
            // Ω_emit − Ω_abs cancels to ~P_n relative, so P_n carries an absolute error of a few ulp.
            assertEquals(thermal, pair.pn(), 1e-14);
            RateParts rates = pair.rates();
            assertEquals(rates.emitIss(), rates.absIss(), 1e-14 * rates.emitIss());
            for (double perSite : pair.sites().perSite()) {
                assertEquals(0.0, perSite, 1e-15, "Eq. C7 numerator vanishes at t = 0");
            }
            if (omega1 == 0) {
                // No microwaves: P_B(ε) = tanh(β'ε/2), so PL = c L(ω_n) Σ_α tanh²(β'(ω_e + Δ_α)/2).
                double sum = 0;
                for (double delta : in.disorder().values()) {
                    double p = Math.tanh(beta * (93900 + delta) / 2);
                    sum += p * p;
                }
                assertEquals(c * line * sum, rates.emitPl(), 1e-13 * rates.emitPl());
            }
        }
    }

    @Test
    void paperConventionVanishesAtZeroHopping() {
        RealizationResult result = ReferenceModel.compute(input(Lattice.periodic(4), 0, Convention.PAPER));
        for (PairResult pair : result.pairs()) {
            assertEquals(0.0, pair.numerator(), 0);
            assertEquals(0.0, pair.pn(), 0);
            assertTrue(pair.denominator() > 0);
        }
    }

    @Test
    void noMicrowavesGivesThermalElectrons() {
        // ω_1 = 0 in Eq. 11: P_B(ε) = tanh(β'ε/2) for every detuning, in both conventions.
        PhysicalParameters physics = PhysicalParameters.TABLE_I.withOmega1(0);
        double[] lambda = {-60, -1.5, 0, 2, 47};
        double beta = 7.638232577e-12 * 2 * Math.PI * 1e6 / 1.2;
        for (Convention convention : Convention.values()) {
            double[] p = ReferenceModel.blochPolarizations(lambda, 93860, physics,
                    ReferenceModel.Units.of(physics, convention));
            for (int alpha = 0; alpha < lambda.length; alpha++) {
                assertEquals(Math.tanh(beta * (93900 + lambda[alpha]) / 2), p[alpha], 1e-15);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 6.5, 20})
    void siConventionFractionIsBuiltFromTheRates(double hopping) {
        RealizationResult result = ReferenceModel.compute(input(Lattice.periodic(4), hopping, Convention.SI));
        for (PairResult pair : result.pairs()) {
            RateParts r = pair.rates();
            assertEquals(r.emitPl(), r.absPl());
            assertEquals(r.emit() - r.absorb(), pair.numerator(), 1e-15 * r.emit());
            assertEquals(r.emit() + r.absorb(), pair.denominator(), 1e-15 * r.emit());
            assertEquals(pair.numerator() / pair.denominator(), pair.pn());
            assertEquals(pair.correlatorK() / pair.correlatorR(), pair.correlatorC());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 6.5, 20})
    void histogramsAreNormalized(double hopping) {
        RealizationInput in = input(Lattice.periodic(5), hopping, Convention.SI);
        double halfWidth = in.energyGridHalfWidth();
        // Tabulate K(ω), R(ω) over the whole band so that the sum rules close.
        in = in.withAnalysis(new AnalysisOptions(0.5, 2 * halfWidth + 1, 40, 0.2, false, false, 50));
        RealizationResult result = ReferenceModel.compute(in);
        double width = result.energyBinWidth();
        assertEquals(halfWidth, result.energyHalfWidth());
        double dos = 0;
        double binned = 0;
        for (int a = 0; a < result.dos().length; a++) {
            dos += result.dos()[a] * width;
            for (double k : result.binnedCorrelator()[a]) {
                binned += k * width * width;
            }
        }
        assertEquals(1.0, dos, 1e-13, "∫ρ = 1");
        assertEquals(1.0, binned, 1e-12, "Σ K_ab δ_E² = 1");
        // K(ω) and R(ω) are even in ω (O symmetric), so ∫K = K(0)δ + 2 Σ_{k≥1} K(kδ)δ = 1 (Eq. 26).
        CorrelatorSpectrum s = result.spectrum();
        double k = s.k()[0] * s.binWidth();
        double r = s.r()[0] * s.binWidth();
        for (int bin = 1; bin < s.k().length; bin++) {
            k += 2 * s.k()[bin] * s.binWidth();
            r += 2 * s.r()[bin] * s.binWidth();
        }
        assertEquals(1.0, k, 1e-12, "∫K = 1");
        assertEquals(1.0, r, 1e-12, "∫R = 1");
        assertEquals(0.0, s.omega()[0]);
        assertEquals(0.5, s.omega()[1]);
    }

    @Test
    void spectrumBinsMatchThePairCorrelator() {
        RealizationResult result = ReferenceModel.compute(input(Lattice.periodic(5), 6.5, Convention.SI));
        CorrelatorSpectrum s = result.spectrum();
        assertEquals(201, s.k().length, "bins 0, 0.5, …, 100");
        for (PairResult pair : result.pairs()) {
            int bin = (int) Math.round(pair.pair().omegaN() / s.binWidth());
            assertEquals(s.k()[bin], pair.correlatorK());
            assertEquals(s.r()[bin], pair.correlatorR());
        }
    }

    @Test
    void gapRatioOfTheCentralWindow() {
        RealizationResult result = ReferenceModel.compute(input(Lattice.periodic(5), 6.5, Convention.SI));
        // m = round(0.2·125) = 25 levels, 24 gaps, 23 ratios.
        assertEquals(23, result.gapRatioCount());
        assertTrue(result.gapRatio() > 0 && result.gapRatio() < 1);

        RealizationInput tiny = input(Lattice.periodic(3), 6.5, Convention.SI)
                .withAnalysis(new AnalysisOptions(0.5, 100, 64, 0.05, false, false, 50));
        RealizationResult none = ReferenceModel.compute(tiny);
        assertTrue(Double.isNaN(none.gapRatio()), "round(0.05·27) = 1 < 3 levels");
        assertEquals(0, none.gapRatioCount());
    }

    @Test
    void optionalExtras() {
        RealizationInput plain = input(Lattice.periodic(4), 6.5, Convention.SI);
        RealizationResult without = ReferenceModel.compute(plain);
        assertEquals("reference", without.eigenSolver());
        for (PairResult pair : without.pairs()) {
            assertTrue(Double.isNaN(pair.pnGoeSampled()));
            assertNull(pair.sites());
        }

        RealizationInput extras = plain.withAnalysis(
                AnalysisOptions.DEFAULTS.withSampledGoe(true).withSiteDistribution(true));
        RealizationResult first = ReferenceModel.compute(extras);
        RealizationResult second = ReferenceModel.compute(extras);
        assertArrayEquals(without.eigenvalues(), first.eigenvalues(), 0);
        for (int i = 0; i < first.pairs().size(); i++) {
            PairResult a = first.pairs().get(i);
            PairResult b = second.pairs().get(i);
            assertTrue(Double.isFinite(a.pnGoeSampled()));
            assertEquals(a.pnGoeSampled(), b.pnGoeSampled(), 0, "reproducible");
            assertEquals(without.pairs().get(i).pn(), a.pn(), 0);
            // All P_α > 0 here, so |F^num| ≤ F^den term by term and |P_n^j| ≤ 1.
            double[] perSite = a.sites().perSite();
            assertEquals(extras.sites(), perSite.length);
            assertEquals(extras.sites(), Arrays.stream(a.sites().histogram()).sum());
            for (double p : perSite) {
                assertTrue(Math.abs(p) <= 1, "P_n^j in [−1, 1]");
            }
        }
    }
}
