package dnp.kernel.physics;

import dnp.kernel.Realization;
import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;
import dnp.nativebindings.NativeLibraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact identities of docs/model.md#exact-identities on the kernel's own results, to 1e-12 relative. */
class IdentitiesTest {
    static final double TOL = 1e-12;
    static final List<FrequencyPair> PAIRS = List.of(new FrequencyPair(20, 93860), new FrequencyPair(1, 93860),
            new FrequencyPair(5, 93880));

    static RealizationInput input(int size, BoundaryCondition bc, double t, Convention convention) {
        Lattice lattice = new Lattice(size, bc);
        return new RealizationInput(lattice, t, Disorder.box(lattice.sites(), 108, 99, size), PhysicalParameters.TABLE_I,
                PAIRS, AnalysisOptions.DEFAULTS, convention);
    }

    static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.max(Math.abs(expected), 1e-300), what);
    }

    /**
     * The reported parts are the parts of the formula that sets P_n: under si, (emit − abs)/(emit + abs)
     * of the parts is P_n; under paper, emit − abs and emit + abs are Eq. 22's numerator and
     * denominator. Booking the α = β terms with the polarization loss moves c·D from ISS to PL in both
     * directions and leaves the totals, and P_n, as they were.
     */
    /**
     * The self-overlaps α = β (the spike I_2·δ(ω)) count at ω = 0 only: at t = 0, where O is the
     * identity, K is 1/δ in the spectrum's ω = 0 bin and exactly 0 in a bin centred on ω_n = 0.2 that
     * reaches 0; and the binned K of Eq. 24 leaves them out alike, so that Eq. 24 at ω_n = 0.2, below the
     * energy bin, is 0 as the exact S1 is (P_α − P_α = 0), where with them it would not be.
     */
    @Test
    void selfOverlapsCountOnlyAtOmegaZero() {
        Lattice lattice = Lattice.periodic(4);
        RealizationInput in = new RealizationInput(lattice, 0, Disorder.box(lattice.sites(), 108, 3, 0),
                PhysicalParameters.TABLE_I, List.of(new FrequencyPair(0.2, 93860)),
                AnalysisOptions.DEFAULTS, Convention.SI);
        RealizationResult r = Realization.compute(in);
        double delta = AnalysisOptions.DEFAULTS.correlatorBinWidth();
        assertEquals(0.0, r.pairs().get(0).correlatorK(), 0.0, "no self-overlap at ω_n = 0.2");
        assertRelative(1 / delta, r.spectrum().k()[0], TOL, "and in the spectrum's ω = 0 bin");
        assertTrue(0.2 < r.energyBinWidth());
        ModelUnits units = ModelUnits.of(in.physics(), in.convention());
        assertEquals(0.0, ResonantApproximation.pn(r.binnedCorrelatorOfDistinctStates(), r.energyHalfWidth(), 0.2,
                93860, in.physics(), units), 0.0, "Eq. 24 without the α = β terms");
        assertTrue(Math.abs(ResonantApproximation.pn(r.binnedCorrelator(), r.energyHalfWidth(), 0.2, 93860,
                in.physics(), units)) > 0, "with them, Eq. 24 would see a resonance where there is none");
    }

    /** Disorder given as values samples its GOE matrix from their content: other values, another matrix. */
    @Test
    void givenDisorderSamplesItsGoeMatrixFromItsContent() {
        Lattice lattice = Lattice.periodic(4);
        double[] values = Disorder.box(lattice.sites(), 108, 5, 0).values();
        double[] other = values.clone();
        other[7] += 1e-9;
        AnalysisOptions sampled = AnalysisOptions.DEFAULTS.withSampledGoe(true);
        java.util.function.Function<double[], Double> pn = v -> Realization.compute(new RealizationInput(lattice, 6.5,
                Disorder.of(v, 108, "values"), PhysicalParameters.TABLE_I, PAIRS, sampled, Convention.SI))
                .pairs().getFirst().pnGoeSampled();
        assertEquals(pn.apply(values), pn.apply(values.clone()), 0.0, "the same values, the same GOE matrix");
        assertTrue(Math.abs(pn.apply(values) - pn.apply(other)) > 1e-6, "other values, another GOE matrix");
        assertTrue(Disorder.of(values, 108, "a").contentSeed() != Disorder.of(other, 108, "b").contentSeed());
    }

    @ParameterizedTest(name = "{0} t={1}")
    @CsvSource({"SI, 0.5", "SI, 6.5", "SI, 20", "PAPER, 0.5", "PAPER, 6.5", "PAPER, 20"})
    void reportedPartsAreThePartsOfTheFormulaUsed(Convention convention, double t) {
        RealizationResult r = Realization.compute(input(6, BoundaryCondition.PERIODIC, t, convention));
        for (PairResult p : r.pairs()) {
            double emit = p.rates().emit();
            double abs = p.rates().absorb();
            assertRelative(p.numerator(), emit - abs, 1e-9, "emit − abs is the numerator used");
            assertRelative(p.denominator(), emit + abs, 1e-12, "emit + abs is the denominator used");
            assertRelative(p.pn(), (emit - abs) / (emit + abs), 1e-9, "P_n from the parts");
            assertEquals(p.rates().emitPl(), p.rates().absPl(), 0.0, "the α = β terms count alike both ways");
            assertTrue(p.rates().emitPl() > 0 && p.rates().emitIss() > 0, "both parts present");
        }
    }

    @ParameterizedTest(name = "L={0} t={1}")
    @CsvSource({"3, 0.0", "4, 1.0", "5, 6.5", "6, 20", "7, 100", "8, 6.5"})
    void sumRulesAndSecondMoment(int size, double t) {
        RealizationResult r = Realization.compute(input(size, BoundaryCondition.PERIODIC, t, Convention.SI));
        int n = r.sites();
        // Σ_αβ O_αβ = N; ∫K(ω)dω = 1 over the full (two-sided) ω axis: K is even, bin 0 is centred on 0.
        assertRelative(n, r.overlapSum(), TOL, "Σ O = N");
        // (1/N) Σ λ² = (1/N) Σ Δ² + 6 t²
        double delta2 = 0;
        for (double d : r.input().disorder().values()) {
            delta2 += d * d;
        }
        assertRelative(delta2 / n + 6 * t * t, r.dosSecondMoment(), TOL, "second moment");
        // ∫ρ dλ = 1
        double dos = 0;
        for (double d : r.dos()) {
            dos += d * r.energyBinWidth();
        }
        assertRelative(1.0, dos, TOL, "∫ρ = 1");
        // Σ_ab K_ab δ_E² = 1
        double binned = 0;
        for (double[] row : r.binnedCorrelator()) {
            for (double k : row) {
                binned += k * r.energyBinWidth() * r.energyBinWidth();
            }
        }
        assertRelative(1.0, binned, TOL, "Σ K_ab δ² = 1");
        double self = 0;
        for (double k : r.binnedSelfOverlaps()) {
            self += k * r.energyBinWidth() * r.energyBinWidth();
        }
        assertRelative(r.ipr(), self, TOL, "the α = β part of K sums to I_2");
        assertTrue(r.ipr() >= 1.0 / n * (1 - TOL) && r.ipr() <= 1 + TOL, "1/N ≤ I_2 ≤ 1");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PERIODIC, SI", "OPEN, SI", "PERIODIC, PAPER", "OPEN, PAPER"})
    void zeroHoppingGivesSiteEigenvectorsAndTheThermalPolarization(BoundaryCondition bc, Convention convention) {
        RealizationResult r = Realization.compute(input(5, bc, 0.0, convention));
        assertRelative(1.0, r.ipr(), TOL, "I_2 = 1 at t = 0");
        double[] sortedDelta = r.input().disorder().values();
        java.util.Arrays.sort(sortedDelta);
        assertArrayEquals(sortedDelta, r.eigenvalues(), 0.0, "λ = sorted Δ at t = 0");
        ModelUnits units = ModelUnits.of(PhysicalParameters.TABLE_I, convention);
        for (PairResult p : r.pairs()) {
            // O = identity: only α = β terms, which are booked with the polarization loss, so the ISS
            // parts vanish (to rounding of the totals they are taken from).
            double scale = p.rates().emit() + p.rates().absorb();
            assertEquals(0.0, p.rates().emitIss(), 1e-14 * scale, "no three-spin process at t = 0");
            assertEquals(0.0, p.rates().absIss(), 1e-14 * scale, "no three-spin process at t = 0");
            assertTrue(p.rates().emitPl() > 0, "the α = β terms are in the polarization loss");
            if (convention == Convention.SI) {
                double beta = ModelUnits.HBAR_OVER_KB * 2 * Math.PI * 1e6 / 1.2;
                double leakageShare = (p.rates().emitLeak() + p.rates().absLeak())
                        / (p.rates().emit() + p.rates().absorb());
                assertRelative(Math.tanh(beta * p.pair().omegaN() / 2) * leakageShare, p.pn(), 1e-11,
                        "thermal P_n at t = 0");
            } else {
                assertEquals(0.0, p.pn(), 1e-15, "paper convention: numerator Σ O (P_α − P_β) L = 0");
            }
            assertEquals(units.convention(), convention);
        }
    }

    @Test
    void noMicrowavesMeansThermalElectrons() {
        PhysicalParameters off = PhysicalParameters.TABLE_I.withOmega1(0);
        double[] lambda = {-50, -3, 0, 7.5, 60};
        for (Convention c : Convention.values()) {
            ModelUnits units = ModelUnits.of(off, c);
            double[] p = ElectronPolarization.biases(lambda, off, units, 93860);
            for (int a = 0; a < lambda.length; a++) {
                double beta = 7.638232577e-12 * 2 * Math.PI * 1e6 / 1.2;
                assertRelative(Math.tanh(beta * (93900 + lambda[a]) / 2), p[a], 1e-15, "P_B = tanh(βε/2)");
            }
        }
        // and microwaves lower the bias at resonance (ε = ω_MW)
        ModelUnits si = ModelUnits.of(PhysicalParameters.TABLE_I, Convention.SI);
        double[] driven = ElectronPolarization.biases(new double[]{-40}, PhysicalParameters.TABLE_I, si, 93860);
        assertTrue(driven[0] < 0.01, "saturated at resonance: " + driven[0]);
    }

    @Test
    void unitsFollowTheSpec() {
        ModelUnits si = ModelUnits.of(PhysicalParameters.TABLE_I, Convention.SI);
        assertEquals(3.9994e-5, si.beta(), 1e-8);
        assertEquals(3.755, si.beta() * 93900, 1e-3);
        assertRelative(2 * Math.PI, si.t2e(), 1e-15, "T_2e' = 1 μs · 2π·10⁶");
        ModelUnits paper = ModelUnits.of(PhysicalParameters.TABLE_I, Convention.PAPER);
        assertRelative(1.0, paper.t2e(), 1e-15, "T_2e' = 1 μs · 10⁶");
        assertEquals(si.beta(), paper.beta());
    }

    /**
     * Eq. 23: with |φ_αj|² = 1/N for every α, j the overlap is O = 1/N and P_n must equal P_n^GOE
     * exactly. A normalised Sylvester–Hadamard basis (entries ±1/√N, N = 64 for L = 4) paired with
     * the Anderson energies gives exactly that. Then K(ω) = R(ω) bin by bin, so C ≡ 1 and Eq. 29,
     * P_n ≈ C(ω_n) P_n^GOE, holds exactly; and the binned K(ε, ε′) is ρ_a ρ_b (Eq. 23 on the grid), so
     * Eq. 24 from it equals Eq. 24 from the DOS alone.
     */
    @ParameterizedTest
    @CsvSource({"SI", "PAPER"})
    void flatEigenvectorsGiveTheGoePolarization(Convention convention) {
        RealizationInput in = input(4, BoundaryCondition.PERIODIC, 6.5, convention);
        EigenSolver hadamard = new EigenSolver() {
            final EigenSolver lapack = Realization.defaultSolver();

            @Override
            public String name() {
                return "hadamard";
            }

            @Override
            public EigenDecomposition decompose(DenseMatrix matrix) {
                double[] values = lapack.eigenvalues(matrix);
                int n = matrix.order();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        matrix.set(i, j, (Integer.bitCount(i & j) % 2 == 0 ? 1 : -1) / Math.sqrt(n));
                    }
                }
                return new EigenDecomposition(values, matrix);
            }

            @Override
            public Levels levels(DenseMatrix matrix) {
                return lapack.levels(matrix);
            }
        };
        RealizationResult r = Realization.compute(in, hadamard);
        assertRelative(1.0 / r.sites(), r.ipr(), TOL, "I_2 = 1/N");
        for (PairResult p : r.pairs()) {
            assertRelative(p.pnGoe(), p.pn(), 1e-11, "P_n = P_n^GOE when O = 1/N");
            assertRelative(p.goeRates().emitIss(), p.rates().emitIss(), 1e-12, "ISS rate");
            assertRelative(p.goeRates().absPl(), p.rates().absPl(), 1e-12, "PL rate");
            assertRelative(1.0, p.correlatorC(), 1e-12, "C(ω_n) = 1");
            assertRelative(p.pn(), p.correlatorC() * p.pnGoe(), 1e-11, "Eq. 29 exact");
        }
        double[] k = r.spectrum().k();
        double[] rr = r.spectrum().r();
        for (int b = 0; b < k.length; b++) {
            assertEquals(rr[b], k[b], 1e-12 * Math.max(rr[b], 1e-300), "K = R in ω bin " + b);
        }
        double[] rho = r.dos();
        double[][] product = new double[rho.length][rho.length];
        for (int a = 0; a < rho.length; a++) {
            for (int b = 0; b < rho.length; b++) {
                product[a][b] = rho[a] * rho[b];
                assertRelative(product[a][b], r.binnedCorrelator()[a][b], 1e-12, "K_ab = ρ_a ρ_b");
            }
            // O_αα = 1/N for each of the N ρ_a δ_E levels of bin a.
            assertRelative(rho[a] / (r.sites() * r.energyBinWidth()), r.binnedSelfOverlaps()[a], 1e-12,
                    "α = β part of K_aa");
        }
        double[][] distinct = ResonantApproximation.uncorrelatedDistinctStates(rho, r.sites(), r.energyBinWidth());
        ModelUnits units = ModelUnits.of(in.physics(), convention);
        for (PairResult p : r.pairs()) {
            double fromK = ResonantApproximation.pn(r.binnedCorrelatorOfDistinctStates(), r.energyHalfWidth(),
                    p.pair().omegaN(), p.pair().omegaMW(), in.physics(), units);
            double fromDos = ResonantApproximation.pn(distinct, r.energyHalfWidth(), p.pair().omegaN(),
                    p.pair().omegaMW(), in.physics(), units);
            assertRelative(fromDos, fromK, 1e-11, "Eq. 24 with K = ρρ");
        }
    }

    @Test
    void deepInTheMetalEigenvectorsAreGoeLike() {
        // I_2 → 3/N for GOE vectors (⟨φ⁴⟩ = 3/N² for a Gaussian component); localized at small t.
        RealizationResult metal = Realization.compute(input(8, BoundaryCondition.PERIODIC, 100, Convention.SI));
        assertEquals(3.0, metal.ipr() * metal.sites(), 0.5, "N·I_2 at t = 100");
        RealizationResult insulator = Realization.compute(input(8, BoundaryCondition.PERIODIC, 1, Convention.SI));
        assertTrue(insulator.ipr() > 0.5, "I_2 at t = 1: " + insulator.ipr());
    }

    @Test
    void resultsAreIdenticalWhateverTheNumberOfPassThreads() {
        RealizationInput in = input(7, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        String before = System.getProperty("dnp.passThreads");
        try {
            System.setProperty("dnp.passThreads", "1");
            RealizationResult one = Realization.compute(in);
            System.setProperty("dnp.passThreads", "3");
            RealizationResult three = Realization.compute(in);
            assertEquals(one.ipr(), three.ipr(), 0.0);
            assertEquals(one.overlapSum(), three.overlapSum(), 0.0);
            assertArrayEquals(one.spectrum().k(), three.spectrum().k(), 0.0);
            for (int k = 0; k < one.pairs().size(); k++) {
                assertEquals(one.pairs().get(k).pn(), three.pairs().get(k).pn(), 0.0, "P_n bit for bit");
                assertEquals(one.pairs().get(k).correlatorK(), three.pairs().get(k).correlatorK(), 0.0);
            }
        } finally {
            if (before == null) {
                System.clearProperty("dnp.passThreads");
            } else {
                System.setProperty("dnp.passThreads", before);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfBlasThreads() {
        RealizationInput in = input(8, BoundaryCondition.PERIODIC, 6.5, Convention.SI)
                .withAnalysis(AnalysisOptions.DEFAULTS.withSampledGoe(true));
        var provider = NativeLibraries.provider();
        int before = provider.threads();
        try {
            provider.setThreads(1);
            RealizationResult one = Realization.compute(in);
            RealizationResult again = Realization.compute(in);
            provider.setThreads(2);
            RealizationResult two = Realization.compute(in);
            // Same threads: bit for bit. Other thread counts: LAPACK may reorder its sums, so 1e-12.
            assertArrayEquals(one.eigenvalues(), again.eigenvalues(), 0.0);
            assertEquals(one.pairs().get(0).pn(), again.pairs().get(0).pn(), 0.0);
            assertEquals(one.pairs().get(0).pnGoeSampled(), again.pairs().get(0).pnGoeSampled(), 0.0);
            for (int k = 0; k < one.pairs().size(); k++) {
                // P_n ∈ [−1, 1] is a small difference of large rates at some ω_n: compare it absolutely.
                assertEquals(one.pairs().get(k).pn(), two.pairs().get(k).pn(), 1e-12, "P_n, 1 vs 2 BLAS threads");
            }
            assertRelative(one.ipr(), two.ipr(), 1e-12, "I_2, 1 vs 2 BLAS threads");
        } finally {
            provider.setThreads(before);
        }
    }
}
