package dnp.kernel.physics;

/**
 * The sums S0, S1, S2, SP of {@link NuclearPolarization} for every frequency pair of a realization,
 * from one set of overlaps (Anderson, O → 1/N, or a sampled GOE matrix's).
 *
 * @param s0 S0 per distinct ω_n ({@link FrequencyIndex#omegaN()})
 * @param s1 S1 per pair
 * @param s2 S2 per pair
 * @param sp SP per distinct ω_MW ({@link FrequencyIndex#omegaMW()})
 */
public record RateSums(double[] s0, double[] s1, double[] s2, double[] sp) {

    /** The four sums of pair {@code k}. */
    public NuclearPolarization.OverlapSums forPair(int k, FrequencyIndex frequencies) {
        return new NuclearPolarization.OverlapSums(s0[frequencies.pairOmega()[k]], s1[k], s2[k],
                sp[frequencies.pairBias()[k]]);
    }
}
