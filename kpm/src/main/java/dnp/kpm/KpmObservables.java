package dnp.kpm;

import dnp.kernel.result.CorrelatorSpectrum;

import java.util.List;

/**
 * Observables of one realization from its Chebyshev moments.
 *
 * @param sites            N
 * @param sampledSites     S (N when all sites were used; the vector estimator covers all N)
 * @param moments          M
 * @param kernel           damping kernel
 * @param gridPoints       K, points of the uniform reconstruction grid
 * @param energyHalfWidth  the DOS spans λ ∈ [−E, E] (as the dense path)
 * @param dos              smoothed ρ(λ) averaged over each energy bin, ∫ρ dλ = 1
 * @param spectrum         K(ω), R(ω) on the dense path's ω bins
 * @param spectrumKError   standard error of K per bin (site sampling)
 * @param pairs            one entry per (ω_n, ω_MW)
 * @param vectors          R, the random vectors of the vector estimator (0 for the site route)
 * @param groups           J, its jackknife groups (0 for the site route)
 */
public record KpmObservables(int sites, int sampledSites, int moments, DampingKernel kernel, int gridPoints,
                             double energyHalfWidth, double[] dos, CorrelatorSpectrum spectrum,
                             double[] spectrumKError, List<KpmPairResult> pairs, int vectors, int groups) {
}
