package dnp.sweep;

import dnp.kpm.DampingKernel;
import dnp.kpm.KpmSettings;

import java.util.Locale;

/**
 * The settings of the kernel polynomial method a job asks for: M Chebyshev moments (energy resolution
 * ≈ π·a/M, a the half-width of the spectrum), S sampled sites (0: all N, exact site sum) and the
 * damping kernel.
 */
public record KpmSpec(int moments, int sites, DampingKernel kernel) {

    /** M = 3000, S = 256 sites, Jackson kernel: the production setting for L = 48–64. */
    public static final KpmSpec DEFAULTS = new KpmSpec(3000, 256, DampingKernel.JACKSON);

    /** Most Chebyshev moments: a resolution of 10⁻⁶ of the band, far finer than any use; M·sites stays a Java array. */
    public static final int MAX_MOMENTS = 1_000_000;

    public KpmSpec {
        if (moments < 2 || moments > MAX_MOMENTS) {
            throw new UserInputException("--moments must be from 2 to " + MAX_MOMENTS + ", got " + moments);
        }
        if (sites < 0) {
            throw new UserInputException("--sites must be 0 (all) or more, got " + sites);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("a damping kernel is needed");
        }
    }

    public static DampingKernel parseKernel(String text) {
        try {
            return DampingKernel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new UserInputException("unknown --kernel '" + text + "': expected jackson or lorentz");
        }
    }

    /** The engine's settings for a lattice of N sites on {@code threads} threads (S ≥ N means all sites). */
    public KpmSettings settings(int sites, int threads) {
        KpmSettings s = this.sites == 0 || this.sites >= sites ? KpmSettings.allSites(moments)
                : KpmSettings.sampled(moments, this.sites);
        return s.withKernel(kernel).withThreads(threads);
    }
}
