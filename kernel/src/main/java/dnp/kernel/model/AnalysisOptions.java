package dnp.kernel.model;

/**
 * Binning and optional extras of the eigenfunction statistics.
 *
 * @param correlatorBinWidth  width δ of the ω bins of K(ω), R(ω), C(ω) (2π·MHz); C(ω_n) uses the
 *                            bin [ω_n − δ/2, ω_n + δ/2)
 * @param correlatorMaxOmega  K(ω), R(ω), C(ω) are tabulated for bin centres 0, δ, 2δ, … ≤ this
 * @param energyBins          bins of the energy grid of the DOS and of the binned K(ε, ε′) (Eq. 21),
 *                            spanning λ ∈ [−E, E], E = max(w/2, max|Δ|) + 6|t| (a bound on the spectrum)
 * @param gapRatioFraction    ⟨r⟩ uses the central fraction of the sorted levels (by count)
 * @param sampledGoe          also compute P_n with eigenvectors of a random GOE matrix paired with the
 *                            Anderson energies in sorted order (a second diagonalization)
 * @param siteDistribution    also compute the per-nucleus P_n^j of Eq. C7 and its distribution over
 *                            sites (an N³ extra per frequency pair)
 * @param siteHistogramBins   bins of that distribution over [−1, 1]
 */
public record AnalysisOptions(double correlatorBinWidth, double correlatorMaxOmega, int energyBins,
                              double gapRatioFraction, boolean sampledGoe, boolean siteDistribution,
                              int siteHistogramBins) {

    public static final AnalysisOptions DEFAULTS = new AnalysisOptions(0.5, 100.0, 64, 0.2, false, false, 50);

    public AnalysisOptions {
        Bounds.positiveFrequency("correlator bin width", correlatorBinWidth);
        Bounds.frequency("correlator max omega", correlatorMaxOmega);
        if (correlatorMaxOmega / correlatorBinWidth > 1_000_000) {
            throw new IllegalArgumentException("correlator grid too fine: " + correlatorMaxOmega + "/"
                    + correlatorBinWidth + " bins");
        }
        if (energyBins < 1 || energyBins > 10_000) {
            throw new IllegalArgumentException("energy bins must be in [1, 10000], got " + energyBins);
        }
        Checks.positive("gap-ratio window fraction", gapRatioFraction);
        if (gapRatioFraction > 1) {
            throw new IllegalArgumentException("gap-ratio window fraction must be at most 1, got " + gapRatioFraction);
        }
        if (siteHistogramBins < 1 || siteHistogramBins > 10_000) {
            throw new IllegalArgumentException("site histogram bins must be in [1, 10000], got " + siteHistogramBins);
        }
    }

    public AnalysisOptions withSampledGoe(boolean on) {
        return new AnalysisOptions(correlatorBinWidth, correlatorMaxOmega, energyBins, gapRatioFraction, on,
                siteDistribution, siteHistogramBins);
    }

    public AnalysisOptions withSiteDistribution(boolean on) {
        return new AnalysisOptions(correlatorBinWidth, correlatorMaxOmega, energyBins, gapRatioFraction, sampledGoe,
                on, siteHistogramBins);
    }

    public AnalysisOptions withCorrelatorBinWidth(double width) {
        return new AnalysisOptions(width, correlatorMaxOmega, energyBins, gapRatioFraction, sampledGoe,
                siteDistribution, siteHistogramBins);
    }

    public AnalysisOptions withEnergyBins(int bins) {
        return new AnalysisOptions(correlatorBinWidth, correlatorMaxOmega, bins, gapRatioFraction, sampledGoe,
                siteDistribution, siteHistogramBins);
    }

    public AnalysisOptions withCorrelatorMaxOmega(double maxOmega) {
        return new AnalysisOptions(correlatorBinWidth, maxOmega, energyBins, gapRatioFraction, sampledGoe,
                siteDistribution, siteHistogramBins);
    }

    public AnalysisOptions withGapRatioFraction(double fraction) {
        return new AnalysisOptions(correlatorBinWidth, correlatorMaxOmega, energyBins, fraction, sampledGoe,
                siteDistribution, siteHistogramBins);
    }
}
