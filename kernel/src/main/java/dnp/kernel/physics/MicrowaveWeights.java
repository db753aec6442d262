package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;

/**
 * The microwave weights of Appendix B, Eq. B3: A_α = Σ_i φ_αi renormalizes the microwave amplitude
 * of mode α to ω_1 |A_α| (docs/model.md#microwave-weights-eq-b3). The rates of the paper set
 * |A_α| = 1; these values show how far the free-fermion eigenstates are from that. Completeness
 * gives (1/N) Σ_α A_α² = 1 exactly, and Σ_α λ_α A_α² = Σ_ij M_ij.
 */
public final class MicrowaveWeights {
    private MicrowaveWeights() {}

    /** A_α² for every column α of the (unsquared, orthonormal) eigenvector matrix. */
    public static double[] squared(DenseMatrix phi) {
        int n = phi.order();
        double[] column = new double[n];
        double[] a2 = new double[n];
        for (int alpha = 0; alpha < n; alpha++) {
            phi.column(alpha, column);
            double a = 0;
            for (double v : column) {
                a += v;
            }
            a2[alpha] = a * a;
        }
        return a2;
    }
}
