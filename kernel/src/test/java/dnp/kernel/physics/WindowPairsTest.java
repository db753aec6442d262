package dnp.kernel.physics;

import dnp.kernel.Realization;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The binned pair overlaps against the completeness identity Σ_β O_αβ = 1 and a direct sum. */
class WindowPairsTest {

    @Test
    void theFullSpectrumSumsToTheCompletenessIdentity() {
        Lattice lattice = Lattice.periodic(4);
        int n = lattice.sites();
        var window = Realization.window(lattice, 6.5, Disorder.box(n, 108, 11, 0), 1, n);
        double spacing = (window.eigenvalues()[n - 1] - window.eigenvalues()[0]) / (n - 1);
        // Bins from 10⁻⁸ to 10⁶ spacings hold every pair of distinct levels.
        var binned = WindowPairs.bin(window.eigenvalues(), window.vectors(), spacing, 1e-8, 10, 140);
        double sum = 0;
        long pairs = 0;
        for (int k = 0; k < 140; k++) {
            sum += binned.sums()[k];
            pairs += binned.counts()[k];
        }
        assertEquals((long) n * (n - 1) / 2, pairs);
        // Σ_{α<β} O_αβ = (Σ_αβ O_αβ − Σ_α O_αα)/2 = (N − N·⟨I_2⟩)/2, and the bins hold N·O.
        double ipr = SpectralStatistics.meanIpr(window.vectors());
        assertEquals(n * (n - n * ipr) / 2, sum, 1e-9 * n * n);
    }

    @Test
    void eachPairLandsInTheBinOfItsSeparation() {
        double[] energies = {0, 1, 3.5};
        double s = Math.sqrt(0.5);
        double[][] vectors = {{1, 0, 0}, {0, s, s}, {s, s, 0}};
        // Separations in units of 1: 1 (bin 10 of x_0 = 0.1, 10 per decade), 3.5 (bin 15), 2.5 (bin 13).
        var binned = WindowPairs.bin(energies, vectors, 1, 0.1, 10, 20);
        assertEquals(1, binned.counts()[10]);
        assertEquals(1, binned.counts()[15]);
        assertEquals(1, binned.counts()[13]);
        assertEquals(0, binned.sums()[10], 1e-15, "disjoint supports: O = 0");
        assertEquals(3 * 0.5, binned.sums()[15], 1e-15, "O_13 = |φ_1,1|²|φ_3,1|² = 1/2, times N = 3");
        assertEquals(3 * 0.25, binned.sums()[13], 1e-15, "O_23 = 1/4, times N = 3");
        // With 14 bins the pair at 3.5 lies beyond the last edge; the others still land in their bins.
        var fewer = WindowPairs.bin(energies, vectors, 1, 0.1, 10, 14);
        assertEquals(1, fewer.counts()[10]);
        assertEquals(1, fewer.counts()[13]);
        assertEquals(2, java.util.Arrays.stream(fewer.counts()).sum());
        assertThrows(IllegalArgumentException.class, () -> WindowPairs.bin(energies, vectors, 0, 0.1, 10, 20));
        assertThrows(IllegalArgumentException.class,
                () -> WindowPairs.bin(new double[]{0, 3.5, 1}, vectors, 1, 0.1, 10, 20));
    }
}
