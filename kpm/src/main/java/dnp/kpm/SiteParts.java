package dnp.kpm;

import dnp.kernel.model.RealizationInput;

import java.util.Arrays;

/**
 * One realization's moments divided into K parts that separate jobs can compute. Every estimator is
 * a sum over sites (μ_mn = Σ_j μ_m(j) μ_n(j)) and over trace vectors, so the parts' moments, added
 * ({@link KpmMoments#add}) in part order, are the moments of the whole sample: same sites in the same
 * order, same trace vectors, each column computed by the same arithmetic.
 *
 * <p>Part p of K (0-based) takes the contiguous slices
 * <pre>
 *   sites   j_s,  s ∈ [⌊p·S/K⌋, ⌊(p+1)·S/K⌋)      (of the ascending site sample, or of all N sites)
 *   vectors v_r,  r ∈ [⌊p·R/K⌋, ⌊(p+1)·R/K⌋)      (of the R trace vectors; none with all sites)
 * </pre>
 * so part sizes differ by at most one, every part holds at least one site when K ≤ S, and the
 * division depends on (S, R, K) alone.
 */
public final class SiteParts {
    private SiteParts() {}

    /** Number of sites whose moments a realization of {@code input} holds under {@code settings}: S, or N for all. */
    public static int siteCount(RealizationInput input, KpmSettings settings) {
        return siteCount(input.sites(), settings);
    }

    /** Number of sites whose moments a realization of a lattice of N sites holds under {@code settings}: S, or N for all. */
    public static int siteCount(int n, KpmSettings settings) {
        return settings.allSitesRequested() || settings.sites() >= n ? n : settings.sites();
    }

    /** The columns of part {@code part} (0-based) of {@code parts}. */
    public static KpmEngine.Columns part(RealizationInput input, KpmSettings settings, int part, int parts) {
        KpmEngine.Columns all = KpmEngine.columns(input, settings);
        if (parts < 1 || parts > all.sites().length) {
            throw new IllegalArgumentException("cannot divide " + all.sites().length + " sites into " + parts
                    + " parts");
        }
        if (part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " outside [0, " + parts + ")");
        }
        return new KpmEngine.Columns(slice(all.sites(), part, parts), slice(all.traceIds(), part, parts));
    }

    /** The moments of part {@code part} (0-based) of {@code parts}, computed on the stencil. */
    public static KpmMoments compute(RealizationInput input, KpmSettings settings, int part, int parts) {
        KpmEngine.Columns c = part(input, settings, part, parts);
        return KpmEngine.compute(input, settings, c.sites(), c.traceIds());
    }

    private static int[] slice(int[] all, int part, int parts) {
        long n = all.length;
        return Arrays.copyOfRange(all, (int) (part * n / parts), (int) ((part + 1) * n / parts));
    }
}
