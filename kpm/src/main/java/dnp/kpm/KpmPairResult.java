package dnp.kpm;

import dnp.kernel.model.FrequencyPair;
import dnp.kernel.physics.NuclearPolarization.OverlapSums;
import dnp.kernel.result.RateParts;

/**
 * KPM estimates for one (ω_n, ω_MW) pair, in the same terms as the dense
 * {@link dnp.kernel.result.PairResult}. Errors are one standard error from the site sample
 * (delete-one jackknife over the sampled sites with the finite-population factor √(1 − S/N), so 0
 * with all sites) or, for the GOE values, from the trace vectors (jackknife over vectors; 0 with all
 * sites, where the DOS is exact); from the vector estimator ({@link VectorEvaluator}), every error is the
 * delete-one-group jackknife over its groups. They do not include the KPM resolution error.
 *
 * @param pair             the frequencies
 * @param pn               P_n (Eq. 20, or Eq. 22 under paper)
 * @param pnError          its standard error
 * @param pnGoe            P_n with O_αβ → 1/N (Eq. 23)
 * @param pnGoeError       its standard error
 * @param rates            ISS / PL / leakage parts of Ω_emit and Ω_abs
 * @param goeRates         the same with O → 1/N
 * @param numerator        numerator of the convention's P_n formula
 * @param denominator      denominator of the same
 * @param sums             the estimated overlap sums S0, S1, S2, SP (see NuclearPolarization)
 * @param goeSums          the same with O → 1/N
 * @param correlatorK      K(ω_n) on the bin [ω_n − δ/2, ω_n + δ/2), divided by δ
 * @param correlatorKError its standard error
 * @param correlatorR      R(ω_n) on the same bin
 * @param correlatorC      C(ω_n) = K/R
 * @param correlatorCError its standard error (site route: that of K over R, R from the trace vectors
 *                         taken as exact; vector route: K and R combined as independent)
 * @param correlatorKTerms vector route: the noise δK_g of each group (Σ δK_g² = correlatorKError²; the
 *                         same group's terms at several ω_n are correlated), null for the site route
 */
public record KpmPairResult(FrequencyPair pair, double pn, double pnError, double pnGoe, double pnGoeError,
                            RateParts rates, RateParts goeRates, double numerator, double denominator,
                            OverlapSums sums, OverlapSums goeSums, double correlatorK, double correlatorKError,
                            double correlatorR, double correlatorC, double correlatorCError,
                            double[] correlatorKTerms) {
}
