package dnp.kernel.physics;

import dnp.kernel.model.AnalysisOptions;

/** The energy and frequency grids of the histograms (see {@link AnalysisOptions}). */
public final class EnergyGrid {
    private EnergyGrid() {}

    /** Bin of λ on [−E, E) in bins of width δ_E, clamped to [0, bins − 1]. */
    static int bin(double lambda, double halfWidth, double width, int bins) {
        int b = (int) Math.floor((lambda + halfWidth) / width);
        return Math.min(bins - 1, Math.max(0, b));
    }

    /** Number of ω bins: centres 0, δ, …, Kδ with K = ⌊ω_max/δ⌋. */
    public static int spectrumBins(AnalysisOptions analysis) {
        return (int) Math.floor(analysis.correlatorMaxOmega() / analysis.correlatorBinWidth() + 1e-9) + 1;
    }
}
