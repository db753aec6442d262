package dnp.kpm;

/**
 * Damping factors g_m that turn the truncated Chebyshev series into a positive, smoothly broadened
 * density (Weiße et al., Rev. Mod. Phys. 78, 275 (2006), Sec. II.C, Table I).
 */
public enum DampingKernel {
    /**
     * Jackson kernel, Eq. (71) of Weiße et al.: with q = π/(M+1),
     * g_m = [(M − m + 1) cos(q m) + sin(q m) cot q]/(M + 1). Near-Gaussian broadening of width
     * ≈ π/M (in the rescaled variable) at the band centre; the default.
     */
    JACKSON,
    /**
     * Lorentz kernel, Eq. (74) of Weiße et al.: g_m = sinh(λ(1 − m/M))/sinh λ with λ = 4; Lorentzian
     * broadening of width λ/M, better for Green-function-like quantities.
     */
    LORENTZ;

    /** λ of the Lorentz kernel (the value Weiße et al. recommend, 3–5). */
    public static final double LORENTZ_LAMBDA = 4.0;

    /** g_0 … g_{M−1}. */
    public double[] factors(int moments) {
        if (moments < 1) {
            throw new IllegalArgumentException("need at least one moment, got " + moments);
        }
        double[] g = new double[moments];
        switch (this) {
            case JACKSON -> {
                double q = Math.PI / (moments + 1);
                double cot = Math.cos(q) / Math.sin(q);
                for (int m = 0; m < moments; m++) {
                    g[m] = ((moments - m + 1) * Math.cos(q * m) + Math.sin(q * m) * cot) / (moments + 1);
                }
            }
            case LORENTZ -> {
                double s = Math.sinh(LORENTZ_LAMBDA);
                for (int m = 0; m < moments; m++) {
                    g[m] = Math.sinh(LORENTZ_LAMBDA * (1 - (double) m / moments)) / s;
                }
            }
        }
        return g;
    }
}
