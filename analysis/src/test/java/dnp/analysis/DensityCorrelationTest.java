package dnp.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ∫ρ̄ρ̄ from a histogram: its sum rule and the exact autocorrelation of a box. */
class DensityCorrelationTest {

    /**
     * Σ over ω bins tiling the whole axis of (bin average × width) = (∫ρ̄)² = 1, for an uneven histogram
     * and an ω bin width (0.7) unrelated to the energy bin width (1.3).
     */
    @Test
    void sumRuleOverTheWholeAxis() {
        double width = 1.3;
        double[] rho = {0.1, 0.5, 0.9, 2.0, 0.3, 0.0, 1.1, 0.4};
        double norm = 0;
        for (double r : rho) {
            norm += r * width;
        }
        for (int a = 0; a < rho.length; a++) {
            rho[a] /= norm;
        }
        double delta = 0.7;
        double total = DensityCorrelation.binAverage(rho, width, -delta / 2, delta / 2) * delta;
        for (int k = 1; k * delta < rho.length * width + delta; k++) {
            // R is even: bins centred on ±kδ count alike.
            total += 2 * delta * DensityCorrelation.binAverage(rho, width, (k - 0.5) * delta, (k + 0.5) * delta);
        }
        assertEquals(1.0, total, 1e-13);
    }

    /**
     * A flat DOS 1/W on a width W (here 10 bins of 1.2) has R(ω) = (W − |ω|)/W² exactly; linear within
     * each bin, so a bin average is the value at the bin centre.
     */
    @Test
    void boxGivesTheTriangle() {
        int bins = 10;
        double width = 1.2;
        double big = bins * width;
        double[] rho = new double[bins];
        java.util.Arrays.fill(rho, 1 / big);
        for (double omega : new double[]{0.25, 1.0, 3.3, 7.7, 11.5}) {
            double expected = (big - omega) / (big * big);
            assertEquals(expected, DensityCorrelation.binAverage(rho, width, omega - 0.25, omega + 0.25), 1e-15,
                    "ω = " + omega);
        }
        assertEquals(0.0, DensityCorrelation.binAverage(rho, width, big + 0.1, big + 1), 0.0, "beyond the band");
    }
}
