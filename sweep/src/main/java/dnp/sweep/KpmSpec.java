package dnp.sweep;

import dnp.kpm.DampingKernel;
import dnp.kpm.Estimator;
import dnp.kpm.KpmSettings;
import dnp.kpm.VectorSettings;


/**
 * The settings of the kernel polynomial method a job asks for: M Chebyshev moments (energy resolution
 * ≈ π·a/M, a the half-width of the spectrum), the damping kernel, and how the site sums are estimated
 * ({@link Estimator}): from S sampled sites (0: all N, exact site sum), or from R random vectors on
 * random parts of the lattice (0: the default for the lattice, {@link VectorSettings#defaultVectors}).
 * Only the chosen estimator's count is used.
 */
public record KpmSpec(int moments, int sites, DampingKernel kernel, Estimator estimator, int vectors) {

    /**
     * M = 3000, Jackson kernel, the vector estimator with its default count (64 vectors up to L ≈ 100):
     * the production setting for L = 48–64, where it gives a 1% P_n in minutes (README, "Which estimator").
     * S = 256 is the site sample when {@code --estimator sites} is asked for.
     */
    public static final KpmSpec DEFAULTS = new KpmSpec(3000, 256, DampingKernel.JACKSON, Estimator.VECTORS, 0);

    /** Most Chebyshev moments: a resolution of 10⁻⁶ of the band, far finer than any use; M·sites stays a Java array. */
    public static final int MAX_MOMENTS = 1_000_000;

    public KpmSpec {
        if (moments < 2 || moments > MAX_MOMENTS) {
            throw new UserInputException("--moments must be from 2 to " + MAX_MOMENTS + ", got " + moments);
        }
        if (sites < 0) {
            throw new UserInputException("--sites must be 0 (all) or more, got " + sites);
        }
        if (kernel == null || estimator == null) {
            throw new IllegalArgumentException("a damping kernel and an estimator are needed");
        }
        if (vectors != 0 && (vectors < 8 || vectors % 4 != 0)) {
            throw new UserInputException("--vectors must be a multiple of 4, at least 8 (two pairs on each of at "
                    + "least two parts), got " + vectors);
        }
        if (estimator == Estimator.VECTORS && moments > VectorSettings.MAX_MOMENTS) {
            throw new UserInputException("--estimator vectors takes at most " + VectorSettings.MAX_MOMENTS
                    + " moments (its Gram matrices are M × M), got " + moments);
        }
    }

    /** The site estimator with S sampled sites (0: all). */
    public KpmSpec(int moments, int sites, DampingKernel kernel) {
        this(moments, sites, kernel, Estimator.SITES, 0);
    }

    /** The site estimator's settings for a lattice of N sites on {@code threads} threads (S ≥ N means all sites). */
    public KpmSettings settings(int sites, int threads) {
        KpmSettings s = this.sites == 0 || this.sites >= sites ? KpmSettings.allSites(moments)
                : KpmSettings.sampled(moments, this.sites);
        return s.withKernel(kernel).withThreads(threads);
    }

    /** R on a lattice of N sites: the one asked for, or the default for N and M. */
    public int vectorsFor(long sites) {
        return vectors > 0 ? vectors : VectorSettings.defaultVectors(sites, moments);
    }

    /**
     * The vector estimator's settings for a lattice of N sites: R vectors ({@link #vectorsFor}) in
     * min(8, R/4) groups.
     */
    public VectorSettings vectorSettings(int sites, int threads) {
        int r = vectorsFor(sites);
        if (r / 4 > sites) {
            throw new UserInputException("--vectors " + r + " asks for " + r / 4 + " parts of a lattice of " + sites
                    + " sites: use at most " + 4 * sites + " vectors");
        }
        return new VectorSettings(moments, r, Math.min(VectorSettings.DEFAULT_GROUPS, r / 4), kernel, threads);
    }

    /** The same settings with another estimator. */
    public KpmSpec withEstimator(Estimator e) {
        return new KpmSpec(moments, sites, kernel, e, vectors);
    }
}
