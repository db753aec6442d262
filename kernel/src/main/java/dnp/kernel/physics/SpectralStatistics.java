package dnp.kernel.physics;

/** Statistics of the spectrum alone (no eigenvectors). */
public final class SpectralStatistics {
    private SpectralStatistics() {}

    /** (1/N) Σ λ_α², the second moment of the DOS; equals (1/N) Σ Δ_i² + z t² (z = 6, periodic). */
    public static double secondMoment(double[] lambda) {
        double s = 0;
        for (double l : lambda) {
            s += l * l;
        }
        return s / lambda.length;
    }

    /** Mean adjacent-gap ratio and how many ratios were averaged. */
    public record GapRatio(double mean, int count) {}

    /**
     * ⟨r⟩ over the central fraction f of the ascending levels (by count): m = round(f·N) levels
     * starting at (N − m)/2, gaps s_k = λ_{k+1} − λ_k, r_k = min(s_k, s_{k+1})/max(s_k, s_{k+1}),
     * ratios with max = 0 (exact degeneracy) skipped. Poisson: 2 ln 2 − 1 ≈ 0.3863, GOE ≈ 0.5307.
     */
    public static GapRatio gapRatio(double[] lambda, double fraction) {
        int n = lambda.length;
        int m = (int) Math.round(fraction * n);
        if (m < 3) {
            return new GapRatio(Double.NaN, 0);
        }
        int start = (n - m) / 2;
        return gapRatio(lambda, start, start + m);
    }

    /** ⟨r⟩ over every level of an ascending window (e.g. the eigenvalues of an energy window). */
    public static GapRatio gapRatioOfAll(double[] levels) {
        return levels.length < 3 ? new GapRatio(Double.NaN, 0) : gapRatio(levels, 0, levels.length);
    }

    /** ⟨r⟩ over the levels [from, to) of an ascending array. */
    private static GapRatio gapRatio(double[] lambda, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int k = from; k <= to - 3; k++) {
            double s1 = lambda[k + 1] - lambda[k];
            double s2 = lambda[k + 2] - lambda[k + 1];
            double max = Math.max(s1, s2);
            if (max > 0) {
                sum += Math.min(s1, s2) / max;
                count++;
            }
        }
        return new GapRatio(count > 0 ? sum / count : Double.NaN, count);
    }

    /**
     * Mean inverse participation ratio of a set of normalized eigenstates, (1/n) Σ_α Σ_j |φ_αj|⁴
     * (Eq. 27 restricted to those states; Eq. 32 for states at the band centre).
     */
    public static double meanIpr(double[][] vectors) {
        double sum = 0;
        for (double[] phi : vectors) {
            sum += ipr(phi);
        }
        return sum / vectors.length;
    }

    /** The IPR of one normalized eigenstate, Σ_j |φ_j|⁴ (Eq. 27 for a single state). */
    public static double ipr(double[] phi) {
        double sum = 0;
        for (double p : phi) {
            sum += p * p * p * p;
        }
        return sum;
    }

    /**
     * Mean of ln I_2 over a set of normalized eigenstates, (1/n) Σ_α ln Σ_j |φ_αj|⁴: the logarithm of
     * the typical (geometric-mean) IPR, which scales as L^(−D_2^typ) at the transition.
     */
    public static double meanLogIpr(double[][] vectors) {
        double sum = 0;
        for (double[] phi : vectors) {
            sum += Math.log(ipr(phi));
        }
        return sum / vectors.length;
    }
}
