package dnp.kernel.model;

import java.util.List;

/**
 * Everything one disorder realization is computed from. Shared by the kernel and the reference
 * implementation, which must give the same results for the same input.
 *
 * @param lattice    lattice and boundary condition
 * @param hopping    nearest-neighbour hopping t (2π·MHz), ≥ 0
 * @param disorder   on-site energies Δ_i (2π·MHz) and the nominal width w
 * @param physics    Table I parameters
 * @param pairs      the (ω_n, ω_MW) combinations, all evaluated on the one diagonalization
 * @param analysis   binning and optional extras
 * @param convention {@code si} or {@code paper}
 */
public record RealizationInput(Lattice lattice, double hopping, Disorder disorder, PhysicalParameters physics,
                               List<FrequencyPair> pairs, AnalysisOptions analysis, Convention convention) {

    public RealizationInput {
        if (lattice == null || disorder == null || physics == null || pairs == null || analysis == null
                || convention == null) {
            throw new IllegalArgumentException("realization input is incomplete");
        }
        Bounds.frequency("hopping t", hopping);
        if (disorder.sites() != lattice.sites()) {
            throw new IllegalArgumentException("disorder has " + disorder.sites() + " values, the lattice L = "
                    + lattice.size() + " has " + lattice.sites() + " sites");
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("at least one (ω_n, ω_MW) pair is needed");
        }
        pairs = List.copyOf(pairs);
    }

    /** Table I defaults, box disorder w = 108, the single pair (ω_n, ω_MW) = (20, 93860), periodic. */
    public static RealizationInput defaults(int size, double hopping, long seed, long realization) {
        Lattice lattice = Lattice.periodic(size);
        return new RealizationInput(lattice, hopping,
                Disorder.box(lattice.sites(), PhysicalParameters.DEFAULT_DISORDER_WIDTH, seed, realization),
                PhysicalParameters.TABLE_I,
                List.of(new FrequencyPair(PhysicalParameters.DEFAULT_OMEGA_N, PhysicalParameters.DEFAULT_OMEGA_MW)),
                AnalysisOptions.DEFAULTS, Convention.SI);
    }

    /** N = L³. */
    public int sites() {
        return lattice.sites();
    }

    /**
     * Half-width E of the energy grid of the DOS and binned correlator: a bound on |λ| valid for
     * both boundary conditions (Gershgorin: |λ| ≤ max|Δ| + 6t), fixed by (w, t) for box disorder
     * so that grids of different realizations coincide.
     */
    public double energyGridHalfWidth() {
        double half = Math.max(disorder.width() / 2, disorder.maxAbs()) + 6 * hopping;
        return half > 0 ? half : 1.0;
    }

    public RealizationInput withPairs(List<FrequencyPair> p) {
        return new RealizationInput(lattice, hopping, disorder, physics, p, analysis, convention);
    }

    public RealizationInput withAnalysis(AnalysisOptions a) {
        return new RealizationInput(lattice, hopping, disorder, physics, pairs, a, convention);
    }

    public RealizationInput withPhysics(PhysicalParameters p) {
        return new RealizationInput(lattice, hopping, disorder, p, pairs, analysis, convention);
    }

    public RealizationInput withConvention(Convention c) {
        return new RealizationInput(lattice, hopping, disorder, physics, pairs, analysis, c);
    }
}
