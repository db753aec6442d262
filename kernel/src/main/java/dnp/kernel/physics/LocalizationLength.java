package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Lattice;
import dnp.kernel.result.Localization;

/**
 * The localization length ξ of Eq. 31 from the eigenfunctions near the band centre
 * (docs/model.md#localization-length-eq-31-33). For each of the m = max(1, round(f·N)) central
 * states (by count, as the gap ratio's window), centred on the site c_α of its largest |φ_α|²:
 * <pre>
 *   y(r²) = ⟨ ln max(|φ_αj|², ε²) ⟩ over the states α and the sites j at squared distance r² from c_α,
 *   r² = 1, 2, … ≤ ⌊(L/2)²⌋, distances by the minimum image (periodic) or plainly (open);
 *   y ≈ y_0 − 2 r/ξ: κ = 1/ξ = −slope/2 of the unweighted least-squares line through (r, y)
 *   over the shells with at least one |φ|² above the floor ε².
 * </pre>
 * Averaging ln|φ|² (not |φ|²) gives the typical decay, the self-averaging quantity that defines
 * ξ_loc; r ≤ L/2 keeps each shell whole on the periodic lattice. The centre r = 0 is left out: it is
 * the largest of N values by selection and lies above the envelope (for an extended state it alone
 * would make a slope). The floor ε² (ε the double precision) stands for amplitudes the eigen stage
 * cannot resolve; with fewer than two shells above it, κ = {@link #MAX_DECAY_RATE}. ρ at the
 * centre is (m − 1)/(N (λ_last − λ_first)) over the window.
 */
public final class LocalizationLength {
    /** The central fraction of the levels, by count, whose states the estimate uses. */
    public static final double DEFAULT_WINDOW = 0.2;
    /** ε²: |φ|² below it is zero to the eigen stage's precision. */
    static final double FLOOR = Math.ulp(1.0) * Math.ulp(1.0);
    /**
     * The largest resolvable κ, ln(1/ε²)/2: a fall from |φ|² ≈ 1 to the floor within one lattice
     * spacing (ξ_min = 2/ln(1/ε²) ≈ 0.028). Reported when fewer than two shells lie above the floor.
     */
    public static final double MAX_DECAY_RATE = -Math.log(FLOOR) / 2;

    private LocalizationLength() {}

    /** ξ from the squared eigenvectors Q_jα = |φ_αj|² (column α) and the ascending λ. */
    public static Localization estimate(Lattice lattice, DenseMatrix q, double[] lambda, double fraction) {
        int n = lambda.length;
        int m = Math.max(1, Math.min(n, (int) Math.round(fraction * n)));
        int start = (n - m) / 2;
        double[][] columns = new double[m][n];
        for (int k = 0; k < m; k++) {
            q.column(start + k, columns[k]);
        }
        double rho = m > 1 && lambda[start + m - 1] > lambda[start]
                ? (m - 1) / (n * (lambda[start + m - 1] - lambda[start])) : Double.NaN;
        return Localization.of(m, decayRate(lattice, columns), lattice.size(), participationLength(columns), rho);
    }

    /** κ = 1/ξ of states given as |φ_j|² per site (see the class comment); NaN with fewer than 2 shells. */
    public static double decayRate(Lattice lattice, double[][] densities) {
        int size = lattice.size();
        int maxSquared = (size / 2) * (size / 2) + (size % 2 == 1 ? size / 2 : 0); // ⌊(L/2)²⌋
        double[] sum = new double[maxSquared + 1];
        long[] count = new long[maxSquared + 1];
        boolean[] resolved = new boolean[maxSquared + 1];
        for (double[] density : densities) {
            int centre = 0;
            for (int j = 1; j < density.length; j++) {
                if (density[j] > density[centre]) {
                    centre = j;
                }
            }
            int cx = centre % size;
            int cy = (centre / size) % size;
            int cz = centre / (size * size);
            for (int j = 0; j < density.length; j++) {
                int r2 = squaredDistance(lattice, cx, cy, cz, j);
                if (r2 <= maxSquared) {
                    sum[r2] += Math.log(Math.max(density[j], FLOOR));
                    count[r2]++;
                    resolved[r2] |= density[j] > FLOOR;
                }
            }
        }
        // Unweighted line through the shell means (r, y), 1 ≤ r ≤ L/2, of the shells above the floor.
        double sr = 0;
        double sy = 0;
        int points = 0;
        int shells = 0;
        for (int r2 = 1; r2 <= maxSquared; r2++) {
            if (count[r2] > 0) {
                shells++;
                if (resolved[r2]) {
                    sr += Math.sqrt(r2);
                    sy += sum[r2] / count[r2];
                    points++;
                }
            }
        }
        if (shells < 2) {
            return Double.NaN;
        }
        if (points < 2) {
            return MAX_DECAY_RATE;
        }
        double meanR = sr / points;
        double meanY = sy / points;
        double srr = 0;
        double sry = 0;
        for (int r2 = 1; r2 <= maxSquared; r2++) {
            if (resolved[r2]) {
                double dr = Math.sqrt(r2) - meanR;
                srr += dr * dr;
                sry += dr * (sum[r2] / count[r2] - meanY);
            }
        }
        return -sry / srr / 2;
    }

    /** (1/⟨Σ_j |φ_j|⁴⟩)^(1/3) over the states. */
    static double participationLength(double[][] densities) {
        double ipr = 0;
        for (double[] density : densities) {
            for (double p : density) {
                ipr += p * p;
            }
        }
        return Math.cbrt(densities.length / ipr);
    }

    /** Squared distance between (cx, cy, cz) and site j: minimum image per axis when periodic. */
    static int squaredDistance(Lattice lattice, int cx, int cy, int cz, int j) {
        int size = lattice.size();
        boolean periodic = lattice.boundary() == BoundaryCondition.PERIODIC;
        int dx = axis(cx - j % size, size, periodic);
        int dy = axis(cy - (j / size) % size, size, periodic);
        int dz = axis(cz - j / (size * size), size, periodic);
        return dx * dx + dy * dy + dz * dz;
    }

    private static int axis(int d, int size, boolean periodic) {
        int a = Math.abs(d);
        return periodic ? Math.min(a, size - a) : a;
    }
}
