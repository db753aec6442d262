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
 * @param spectrum          K(ω), R(ω), C(ω)
 * @param pairs             one entry per (ω_n, ω_MW)
 * @param timings           seconds per stage
 */
public record RealizationResult(RealizationInput input, String eigenSolver, double[] eigenvalues, double ipr,
                                double dosSecondMoment, double gapRatio, int gapRatioCount, double overlapSum,
                                double energyHalfWidth, double[] dos, double[][] binnedCorrelator,
                                CorrelatorSpectrum spectrum, List<PairResult> pairs, Timings timings) {

    public int sites() {
        return eigenvalues.length;
    }

    /** Width δ_E of one energy bin. */
    public double energyBinWidth() {
        return 2 * energyHalfWidth / dos.length;
    }
}
