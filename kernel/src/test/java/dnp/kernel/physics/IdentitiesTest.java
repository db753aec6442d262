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
            // O = identity: the ISS numerator vanishes.
            assertEquals(0.0, p.rates().emitIss() - p.rates().absIss(), 1e-14 * p.rates().emitIss());
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
     * the Anderson energies gives exactly that.
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
            public double[] eigenvalues(DenseMatrix matrix) {
                return lapack.eigenvalues(matrix);
            }
        };
        RealizationResult r = Realization.compute(in, hadamard);
        assertRelative(1.0 / r.sites(), r.ipr(), TOL, "I_2 = 1/N");
        for (PairResult p : r.pairs()) {
            assertRelative(p.pnGoe(), p.pn(), 1e-11, "P_n = P_n^GOE when O = 1/N");
            assertRelative(p.goeRates().emitIss(), p.rates().emitIss(), 1e-12, "ISS rate");
            assertRelative(p.goeRates().absPl(), p.rates().absPl(), 1e-12, "PL rate");
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
