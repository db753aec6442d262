package dnp.kernel.result;

/**
 * Localization length of the eigenstates near the band centre and the level spacing in a
 * localization volume (Eq. 31, 33; docs/model.md#localization-length-eq-31-33).
 *
 * @param states              eigenstates in the central window the estimate uses
 * @param decayRate           κ = 1/ξ: minus half the slope of the line fitted to ⟨ln|φ(r)|²⟩ against the
 *                            distance r from each state's largest amplitude (per lattice spacing; ≤ 0
 *                            when the states do not decay)
 * @param xi                  ξ = 1/κ (lattice spacings), +∞ when κ ≤ 0, NaN when no fit was possible
 * @param exceedsSize         ξ ≥ L (or κ ≤ 0): the states are not localized on this lattice and ξ, Δ_ξ
 *                            only bound the true values
 * @param participationLength (1/⟨I_2⟩)^(1/3) over the same states, the edge of the participation volume
 * @param centreDos           ρ per site at the band centre (1/(2π·MHz)), from the window's levels
 * @param levelSpacing        Δ_ξ = 1/(ρ ξ³) (2π·MHz): the mean level spacing in a localization volume
 */
public record Localization(int states, double decayRate, double xi, boolean exceedsSize,
                           double participationLength, double centreDos, double levelSpacing) {

    /** ξ and Δ_ξ from κ, the lattice size L and ρ (the one place they are formed). */
    public static Localization of(int states, double decayRate, int size, double participationLength,
                                  double centreDos) {
        double xi = xi(decayRate);
        boolean exceeds = !(xi < size);
        double spacing = 1 / (centreDos * xi * xi * xi);
        return new Localization(states, decayRate, xi, exceeds && !Double.isNaN(xi), participationLength, centreDos,
                spacing);
    }

    /** ξ = 1/κ: +∞ when κ ≤ 0 (no decay), NaN when κ is. */
    public static double xi(double decayRate) {
        return Double.isNaN(decayRate) ? Double.NaN : decayRate > 0 ? 1 / decayRate : Double.POSITIVE_INFINITY;
    }
}
