package dnp.kernel.physics;

import dnp.kernel.Realization;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The microwave weights A_α² of Eq. B3 against their exact identities (docs/model.md#microwave-weights-eq-b3). */
class MicrowaveWeightsTest {

    static RealizationResult compute(int size, String bc, double t) {
        Lattice lattice = new Lattice(size, BoundaryCondition.parse(bc));
        RealizationInput defaults = RealizationInput.defaults(size, t, 11, 3);
        return Realization.compute(new RealizationInput(lattice, t, Disorder.box(lattice.sites(), 108, 11, 3),
                defaults.physics(), defaults.pairs(), defaults.analysis(), defaults.convention()));
    }

    /**
     * Completeness, Σ_α φ_αi φ_αj = δ_ij: Σ_α A_α² = 1ᵀ1 = N, and Σ_α λ_α A_α² = 1ᵀM1 = Σ_i Δ_i − t·(number
     * of ordered neighbour pairs): 6N periodic, 6L²(L − 1) open.
     */
    @ParameterizedTest(name = "L={0} {1} t={2}")
    @CsvSource({"5, periodic, 6.5", "6, open, 2.0", "4, periodic, 40.0", "7, open, 10.0"})
    void sumRules(int size, String bc, double t) {
        RealizationResult r = compute(size, bc, t);
        double[] a2 = r.microwaveWeights();
        double[] lambda = r.eigenvalues();
        int n = lambda.length;
        assertEquals(1.0, r.microwaveWeightMean(), 1e-12);
        double weighted = 0;
        double scale = 0;
        for (int a = 0; a < n; a++) {
            weighted += lambda[a] * a2[a];
            scale += Math.abs(lambda[a] * a2[a]);
        }
        double onsite = 0;
        for (double d : r.input().disorder().values()) {
            onsite += d;
        }
        double pairs = bc.equals("periodic") ? 6.0 * n : 6.0 * size * size * (size - 1);
        assertEquals(onsite - t * pairs, weighted, 1e-12 * scale);
    }

    /** Without hopping each mode is one spin: A_α² = 1 for every α, variance 0 (the paper's |A_α| = 1). */
    @ParameterizedTest(name = "L={0}")
    @CsvSource({"4", "6"})
    void withoutHoppingEveryWeightIsOne(int size) {
        RealizationResult r = compute(size, "periodic", 0.0);
        for (double a2 : r.microwaveWeights()) {
            assertEquals(1.0, a2, 1e-15);
        }
        assertEquals(0.0, r.microwaveWeightVariance(), 1e-15);
    }
}
