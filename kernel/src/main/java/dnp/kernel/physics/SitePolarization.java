package dnp.kernel.physics;

import dnp.kernel.eigen.DenseMatrix;
import dnp.nativebindings.Blas;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Polarization of each core nucleus j without nuclear spin diffusion, Eq. C7:
 * <pre>
 *   P_n^j = Σ_αβ Q_jα Q_jβ F⁻_αβ / Σ_αβ Q_jα Q_jβ F⁺_αβ,
 *   F⁻_αβ = (P_α − P_β) L(ω_n + ε_β − ε_α),
 *   F⁺_αβ = P_α P_β L(ω_n) + (1 − P_α P_β) L(ω_n + ε_β − ε_α),
 * </pre>
 * the per-site version of (Ω_j(ω_n) − Ω_j(−ω_n))/(Ω_j(ω_n) + Ω_j(−ω_n)) with Ω_j of Eq. C5. The
 * per-site sums are the diagonal of Q F Qᵀ, formed in column blocks of F by dgemm.
 */
final class SitePolarization {
    private SitePolarization() {}

    static double[] compute(DenseMatrix q, double[] lambda, double[] p, double omegaN, ModelUnits units) {
        int n = q.order();
        int width = Math.min(OverlapBlocks.BLOCK, Math.max(1, n));
        double lOmega = NuclearPolarization.lorentzian(omegaN, units);
        double[] numerator = new double[n];
        double[] denominator = new double[n];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fMinus = arena.allocate(8L * n * width, DenseMatrix.ALIGNMENT);
            MemorySegment fPlus = arena.allocate(8L * n * width, DenseMatrix.ALIGNMENT);
            MemorySegment gMinus = arena.allocate(8L * n * width, DenseMatrix.ALIGNMENT);
            MemorySegment gPlus = arena.allocate(8L * n * width, DenseMatrix.ALIGNMENT);
            for (int b0 = 0; b0 < n; b0 += width) {
                int cols = Math.min(width, n - b0);
                for (int c = 0; c < cols; c++) {
                    int beta = b0 + c;
                    for (int a = 0; a < n; a++) {
                        double l = NuclearPolarization.lorentzian(omegaN + lambda[beta] - lambda[a], units);
                        double pp = p[a] * p[beta];
                        long at = a + (long) n * c;
                        fMinus.setAtIndex(ValueLayout.JAVA_DOUBLE, at, (p[a] - p[beta]) * l);
                        fPlus.setAtIndex(ValueLayout.JAVA_DOUBLE, at, pp * lOmega + (1 - pp) * l);
                    }
                }
                // G = Q · F[:, block]; then Σ_β∈block G_jβ Q_jβ adds block β's share of (Q F Qᵀ)_jj.
                MemorySegment qBlock = q.segment().asSlice(8L * n * b0);
                Blas.dgemm(false, false, n, cols, n, 1.0, q.segment(), n, fMinus, n, 0.0, gMinus, n);
                Blas.dgemm(false, false, n, cols, n, 1.0, q.segment(), n, fPlus, n, 0.0, gPlus, n);
                for (int c = 0; c < cols; c++) {
                    for (int j = 0; j < n; j++) {
                        long at = j + (long) n * c;
                        double qjb = qBlock.getAtIndex(ValueLayout.JAVA_DOUBLE, at);
                        numerator[j] += gMinus.getAtIndex(ValueLayout.JAVA_DOUBLE, at) * qjb;
                        denominator[j] += gPlus.getAtIndex(ValueLayout.JAVA_DOUBLE, at) * qjb;
                    }
                }
            }
        }
        double[] perSite = new double[n];
        for (int j = 0; j < n; j++) {
            perSite[j] = numerator[j] / denominator[j];
        }
        return perSite;
    }
}
