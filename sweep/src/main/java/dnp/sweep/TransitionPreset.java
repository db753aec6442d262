package dnp.sweep;

import java.util.List;

/**
 * The sweeps of {@code dnp transition}: sizes, the grid of w/t, the gap ratios gathered per (L, w/t)
 * and where the levels come from. {@code quick} is the default (minutes on 2 cores); {@code precise}
 * takes L to 24 (BENCHMARKS.md, section 7, gives the time of each).
 *
 * @param name        the name {@code --preset} takes
 * @param sizes       lattice sizes, ascending
 * @param ratios      the grid of w/t, ascending
 * @param levels      gap ratios to gather per (L, w/t)
 * @param gapFraction central fraction of the levels of each realization (dense), or the fraction the
 *                    Lanczos energy window holds about (for the number of realizations)
 * @param eigenvalues where the eigenvalues come from
 */
public record TransitionPreset(String name, List<Integer> sizes, List<Double> ratios, int levels, double gapFraction,
                               Eigenvalues eigenvalues) {

    /** Where the levels come from. */
    public enum Eigenvalues {
        /** Dense diagonalization (LAPACK, eigenvalues only), the central fraction of the levels by count. */
        DENSE,
        /** Two Lanczos recursions on the stencil (kpm.LanczosWindow), the levels in an energy window around the centre. */
        LANCZOS
    }

    /** Central fraction of the levels of each dense spectrum, unless --gap-fraction says otherwise. */
    public static final double DENSE_FRACTION = 0.2;

    /** The fraction of the levels the default Lanczos window holds, about; it sets the number of realizations. */
    public static final double LANCZOS_FRACTION = 0.2;

    /** Fewest realizations of any (L, w/t), so that the bootstrap over realizations has something to resample. */
    public static final int MIN_REALIZATIONS = 10;

    /**
     * The default: L = 8, 12, 16 on 9 points of w/t in 14–19, denser around w/t_c = 16.5 where ⟨r⟩
     * changes fastest with w/t, and wide enough to constrain ν; about 40 000 gap ratios per point
     * from the Lanczos window (BENCHMARKS.md, section 7, gives its time).
     */
    public static final TransitionPreset QUICK = new TransitionPreset("quick", List.of(8, 12, 16),
            List.of(14.0, 15.0, 15.5, 16.0, 16.5, 17.0, 17.5, 18.0, 19.0), 40_000, LANCZOS_FRACTION,
            Eigenvalues.LANCZOS);

    /**
     * L = 12–20 on 7 points of w/t in 15–18 (±9% around w/t_c), about 150 000 gap ratios per point from
     * the Lanczos window: a standard error of ⟨r⟩ of about 0.16% per point, about an hour on 2 cores
     * (BENCHMARKS.md, section 7; resumable, and shardable over a job array). {@code --L 12,14,16,18,20,24}
     * adds L = 24 for about 45 minutes more.
     */
    public static final TransitionPreset PRECISE = new TransitionPreset("precise", List.of(12, 14, 16, 18, 20),
            List.of(15.0, 15.5, 16.0, 16.5, 17.0, 17.5, 18.0), 150_000, LANCZOS_FRACTION, Eigenvalues.LANCZOS);

    public static final List<TransitionPreset> ALL = List.of(QUICK, PRECISE);

    /**
     * Realizations per (L, w/t) that gather about {@code levels} gap ratios from the central
     * {@code gapFraction} of N = L³ levels, at least {@link #MIN_REALIZATIONS}.
     */
    public static int realizations(int size, int levels, double gapFraction) {
        int n = size * size * size;
        return Math.max(MIN_REALIZATIONS, (int) Math.ceil(levels / Math.max(1.0, gapFraction * n)));
    }

    /** Diagonalizations of the whole preset: Σ_L realizations(L)·(grid points). */
    public long diagonalizations() {
        long total = 0;
        for (int size : sizes) {
            total += (long) realizations(size, levels, gapFraction) * ratios.size();
        }
        return total;
    }
}
