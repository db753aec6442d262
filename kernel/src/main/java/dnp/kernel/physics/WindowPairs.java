package dnp.kernel.physics;

import dnp.kernel.vector.SpectralKernels;
import dnp.kernel.vector.VectorizationProvider;

/**
 * The overlap function C(ω) of Eq. 30 restricted to a window of eigenstates (energy-resolved, for the
 * band centre): for every pair α &lt; β of the window, O_αβ = Σ_j |φ_αj|²|φ_βj|² (Eq. 21) is added to the
 * bin of x = (ε_β − ε_α)/Δ, the separation in units of a level spacing Δ. Bins are logarithmic:
 * bin k holds x ∈ [x_0·10^(k/B), x_0·10^((k+1)/B)). The ratio N·Σ O / (number of pairs) in a bin is
 * K/R of Eq. 25–30 with both sums over the window's pairs only (R's weight 1/N² per pair, K's O_αβ/N),
 * so it equals C(ω) for states at these energies; C = 1 for GOE-like overlaps O = 1/N.
 */
public final class WindowPairs {
    private WindowPairs() {}

    /**
     * Per bin: the sum of N·O_αβ and the number of pairs.
     *
     * @param sums   N·Σ O_αβ per bin
     * @param counts pairs per bin
     */
    public record Binned(double[] sums, long[] counts) {}

    /** Lower edge of bin k: x_0·10^(k/B). */
    public static double edge(double lowestEdge, int binsPerDecade, int k) {
        return lowestEdge * Math.pow(10, (double) k / binsPerDecade);
    }

    /**
     * Bins the pairs of a window of eigenstates.
     *
     * @param energies      ascending energies of the window (so x grows with β: the pairs of α stop at the last edge)
     * @param vectors       vectors[α][j], normalized, same order as {@code energies}
     * @param spacing       the level spacing Δ that x is measured in
     * @param lowestEdge    x_0 &gt; 0; pairs with x below it, or at or above the last edge, are not binned
     * @param binsPerDecade B
     * @param bins          number of bins
     */
    public static Binned bin(double[] energies, double[][] vectors, double spacing, double lowestEdge,
                             int binsPerDecade, int bins) {
        if (!(spacing > 0) || !(lowestEdge > 0) || binsPerDecade < 1 || bins < 1) {
            throw new IllegalArgumentException("spacing, lowest edge, bins per decade and bins must be positive");
        }
        int m = vectors.length;
        int n = m == 0 ? 0 : vectors[0].length;
        for (int a = 1; a < m; a++) {
            if (energies[a] < energies[a - 1]) {
                throw new IllegalArgumentException("energies must be ascending (index " + a + ")");
            }
        }
        double[][] density = new double[m][n];
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < n; j++) {
                density[a][j] = vectors[a][j] * vectors[a][j];
            }
        }
        SpectralKernels kernels = VectorizationProvider.kernels();
        double[] sums = new double[bins];
        long[] counts = new long[bins];
        for (int a = 0; a < m; a++) {
            double[] pa = density[a];
            for (int b = a + 1; b < m; b++) {
                double x = (energies[b] - energies[a]) / spacing;
                if (!(x >= lowestEdge)) {
                    continue;
                }
                int k = (int) Math.floor(binsPerDecade * Math.log10(x / lowestEdge));
                if (k >= bins) {
                    break;
                }
                sums[k] += n * kernels.dot(pa, density[b], 0, n);
                counts[k]++;
            }
        }
        return new Binned(sums, counts);
    }
}
