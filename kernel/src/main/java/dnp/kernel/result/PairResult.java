package dnp.kernel.result;

import dnp.kernel.model.FrequencyPair;

/**
 * Results for one (ω_n, ω_MW) pair.
 *
 * @param pair            the frequencies
 * @param pn              nuclear polarization P_n with the Anderson overlaps (Eq. 20, or Eq. 22 under paper)
 * @param pnGoe           the same with O_αβ → 1/N (Eq. 23)
 * @param pnGoeSampled    the same with eigenvectors of a sampled GOE matrix; NaN when not requested
 * @param rates           ISS / PL / leakage parts of Ω_emit and Ω_abs, Anderson overlaps
 * @param goeRates        the same with O_αβ → 1/N
 * @param numerator       numerator of the P_n formula of the convention (Anderson)
 * @param denominator     denominator of the P_n formula of the convention (Anderson)
 * @param correlatorK     K(ω_n) in the bin [ω_n − δ/2, ω_n + δ/2), divided by δ
 * @param correlatorR     R(ω_n) in the same bin
 * @param correlatorC     C(ω_n) = K/R (NaN if R = 0)
 * @param sites           distribution of the per-nucleus P_n^j of Eq. C7; null when not requested
 */
public record PairResult(FrequencyPair pair, double pn, double pnGoe, double pnGoeSampled, RateParts rates,
                         RateParts goeRates, double numerator, double denominator, double correlatorK,
                         double correlatorR, double correlatorC, SiteDistribution sites) {
}
