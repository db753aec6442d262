package dnp.sweep;

import dnp.sweep.records.Method;
import dnp.kernel.model.PhysicalParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweeps behind the figure of the approach to the large-system limit ({@code dnp figure sizes}):
 * P_n(t) and C(ω_n = 1)(t) for several L, each size its own sweep, computed by dense diagonalization
 * up to {@link #DENSE_UP_TO} and by the kernel polynomial method above. Dense is exact for the finite
 * lattice but costs N³ time; KPM reaches the sizes where many levels fall within the nuclear
 * Lorentzian (docs/model.md#toward-the-large-system-limit).
 *
 * @param sizes        lattice sizes, ascending
 * @param realizations realizations per size, in the order of {@code sizes}
 * @param kpm          the KPM settings used for the sizes above the dense limit
 */
public record SizesPreset(List<Integer> sizes, List<Integer> realizations, KpmSpec kpm) {

    /**
     * The largest size computed by dense diagonalization: L = 18 (N = 5832) takes about 20 s per
     * realization and t on 2 cores, and dense time grows as L⁹ beyond.
     */
    public static final int DENSE_UP_TO = 18;

    /**
     * The quick version, a few minutes on 2 cores: eight cheap dense realizations at L = 6, 8, 10
     * (their spread is large) and two KPM realizations at L = 20 and 24, the smallest sizes above the
     * dense limit, with M = 2000 moments (resolution π·a/M ≈ 0.1–0.66 in 2π·MHz over the t grid, finer
     * than ω_n = 1) and the vector estimator's default 64 vectors.
     */
    public static final SizesPreset QUICK = new SizesPreset(List.of(6, 8, 10, 20, 24), List.of(8, 8, 8, 2, 2),
            new KpmSpec(2000, KpmSpec.DEFAULTS.sites(), KpmSpec.DEFAULTS.kernel(), KpmSpec.DEFAULTS.estimator(), 0));

    /**
     * The published-size version: dense L = 10, 14, 18 and KPM L = 24, 32, 48, 64 at the production KPM
     * setting (M = 3000, vector estimator). Realizations are sized by the time of one realization (README,
     * "The figures"): fewer where a realization is costly and the sample self-averages.
     */
    public static final SizesPreset PAPER = new SizesPreset(List.of(10, 14, 18, 24, 32, 48, 64),
            List.of(60, 30, 10, 8, 6, 4, 3), KpmSpec.DEFAULTS);

    /** The hoppings, 2π·MHz: those of Fig. 3, on a log axis around t_c. */
    public static final List<Double> HOPPINGS = FigurePreset.HOPPINGS;

    /** ω_n of the P_n panel (that of Fig. 3) and of the C panel, 2π·MHz. */
    public static final double POLARIZATION_OMEGA_N = PhysicalParameters.DEFAULT_OMEGA_N;
    public static final double CORRELATOR_OMEGA_N = 1.0;

    public SizesPreset {
        if (sizes.isEmpty() || sizes.size() != realizations.size()) {
            throw new IllegalArgumentException("one number of realizations per size");
        }
        sizes = List.copyOf(sizes);
        realizations = List.copyOf(realizations);
    }

    /** The quick or the published-size version. */
    public static SizesPreset of(boolean paper) {
        return paper ? PAPER : QUICK;
    }

    /** Dense diagonalization up to {@code denseUpTo}, KPM above. */
    public static Method methodFor(int size, int denseUpTo) {
        return size <= denseUpTo ? Method.DENSE : Method.KPM;
    }

    /** One size of the figure: its own sweep. */
    public record SizeSweep(int size, Method method, SweepSpec spec) {}

    /**
     * The sweep of each size for a model (convention, eigen stage, boundaries kept; frequencies set
     * here: (ω_n, ω_MW) = (20, 93860) for P_n and (1, 93860) for C), with any of sizes, realizations
     * (one number for every size), hoppings and dense limit overridden when not null, and {@code kpm}
     * for the KPM sizes (the preset's {@link #kpm()} unless the command line changes it).
     * A KPM size asking for more sampled sites than the lattice has is refused: 0 asks for all.
     */
    public List<SizeSweep> sweeps(ModelSpec base, List<Integer> sizeOverride, Integer realizationsOverride,
                                  List<Double> hoppingsOverride, Integer denseUpTo, KpmSpec k, long seed) {
        List<Integer> l = sizeOverride != null ? sizeOverride.stream().sorted().toList() : sizes;
        if (l.stream().distinct().count() != l.size()) {
            throw new UserInputException("--L: a size appears twice");
        }
        int limit = denseUpTo != null ? denseUpTo : DENSE_UP_TO;
        List<Double> t = hoppingsOverride != null ? hoppingsOverride : HOPPINGS;
        ModelSpec model = base.withFrequencies(List.of(POLARIZATION_OMEGA_N, CORRELATOR_OMEGA_N),
                List.of(PhysicalParameters.DEFAULT_OMEGA_MW));
        List<SizeSweep> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            int size = l.get(i);
            Method method = methodFor(size, limit);
            long n = (long) size * size * size;
            if (method == Method.KPM && k.estimator() == dnp.kpm.Estimator.SITES && k.sites() > n) {
                throw new UserInputException("--sites " + k.sites() + " is more than the N = " + n + " sites of L = "
                        + size + " (a KPM size above --dense-up-to " + limit + "); use --sites 0 for all sites");
            }
            int r = realizationsOverride != null ? realizationsOverride
                    : sizeOverride == null ? realizations.get(i) : realizationsFor(size);
            out.add(new SizeSweep(size, method, new SweepSpec(List.of(size), t, r, 0, seed,
                    model.withMethod(method, k))));
        }
        return out;
    }

    /** For a size not in the preset: the realizations of the nearest preset size at or above it, else of the largest. */
    private int realizationsFor(int size) {
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i) >= size) {
                return realizations.get(i);
            }
        }
        return realizations.getLast();
    }
}
