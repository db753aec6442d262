package dnp.kernel.result;

import dnp.kernel.model.RealizationInput;

import java.util.List;

/**
 * Every observable of one disorder realization, from one diagonalization.
 *
 * @param input             what was computed
 * @param eigenSolver       name of the eigen stage used
 * @param eigenvalues       λ_α ascending (ε_α = ω_e + λ_α)
 * @param ipr               inverse participation ratio I_2 = trace(O)/N (Eq. 27)
 * @param dosSecondMoment   (1/N) Σ λ_α²
 * @param gapRatio          mean adjacent-gap ratio ⟨r⟩ in the central window; NaN if the window has < 3 levels
 * @param gapRatioCount     number of ratios averaged
 * @param overlapSum        Σ_αβ O_αβ (equals N: the sum rule, Eq. 26)
 * @param energyHalfWidth   the energy grid spans λ ∈ [−E, E]
 * @param dos               ρ(λ) per energy bin, normalised to ∫ρ dλ = 1
 * @param binnedCorrelator  K_ab = (1/(N δ_E²)) Σ_{α∈a, β∈b} O_αβ (Eq. 21) on the energy grid
 * @param binnedSelfOverlaps (1/(N δ_E²)) Σ_{α∈a} O_αα: the α = β part of K_aa (the IPR spike, which belongs to
 *                          ω = 0 alone)
 * @param spectrum          K(ω), R(ω), C(ω)
 * @param pairs             one entry per (ω_n, ω_MW)
 * @param localization      ξ, Δ_ξ and the participation length of the central states (Eq. 31, 33)
 * @param microwaveWeights  A_α² = (Σ_i φ_αi)² per eigenstate, in the order of the eigenvalues (Eq. B3)
 * @param timings           seconds per stage
 */
public record RealizationResult(RealizationInput input, String eigenSolver, double[] eigenvalues, double ipr,
                                double dosSecondMoment, double gapRatio, int gapRatioCount, double overlapSum,
                                double energyHalfWidth, double[] dos, double[][] binnedCorrelator,
                                double[] binnedSelfOverlaps, CorrelatorSpectrum spectrum, List<PairResult> pairs, Localization localization,
                                double[] microwaveWeights, Timings timings) {

    public int sites() {
        return eigenvalues.length;
    }

    /** (1/N) Σ_α A_α² (= 1 by completeness). */
    public double microwaveWeightMean() {
        double s = 0;
        for (double a : microwaveWeights) {
            s += a;
        }
        return s / microwaveWeights.length;
    }

    /** (1/N) Σ_α (A_α² − 1)², the spread of the weights about the value 1 the rates assume. */
    public double microwaveWeightVariance() {
        double s = 0;
        for (double a : microwaveWeights) {
            s += (a - 1) * (a - 1);
        }
        return s / microwaveWeights.length;
    }

    /**
     * K_ab without its α = β terms, the correlator of distinct eigenstates that Eq. 24 integrates at ω_n > 0
     * (as C(ω_n) leaves them out: docs/model.md#resonant-approximation-eq-24).
     */
    public double[][] binnedCorrelatorOfDistinctStates() {
        double[][] k = new double[binnedCorrelator.length][];
        for (int a = 0; a < k.length; a++) {
            k[a] = binnedCorrelator[a].clone();
            k[a][a] -= binnedSelfOverlaps[a];
        }
        return k;
    }

    /** Width δ_E of one energy bin. */
    public double energyBinWidth() {
        return 2 * energyHalfWidth / dos.length;
    }
}
