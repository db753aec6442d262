package dnp.sweep;

import dnp.kernel.Realization;
import dnp.kernel.physics.SpectralStatistics;
import dnp.kernel.physics.WindowPairs;
import dnp.kpm.LanczosWindow;
import dnp.sweep.records.EigenStage;
import dnp.sweep.records.SpectrumLines.GapRatioLine;
import dnp.sweep.records.SpectrumLines.CentralStatesLine;

/**
 * Lines of sweeps that need less than every observable: the gap ratio from eigenvalues alone
 * (level statistics across the transition) and the central eigenstates (multifractality).
 */
public final class SpectrumRecords {
    private SpectrumRecords() {}

    /**
     * ⟨r⟩ over the central {@code fraction} of the levels, from the eigenvalues alone (no eigenvectors), with
     * the routine that computed them.
     */
    public static GapRatioLine gapRatio(SweepSpec spec, SweepTask task, double fraction) {
        var levels = Realization.levels(spec.lattice(task), task.hopping(), spec.disorder(task), spec.model().solver());
        var gap = SpectralStatistics.gapRatio(levels.values(), fraction);
        return new GapRatioLine(GapRatioLine.SCHEMA, task.key(), task.size(), task.hopping(), task.realization(),
                gap.mean(), gap.count(), EigenStage.named(levels.routine()), null, ProvenanceCollector.collect());
    }

    /**
     * ⟨r⟩ over the levels with |λ − c| ≤ {@code window}·t around the realization's centre c, from two
     * Lanczos recursions on the matrix-free stencil ({@link LanczosWindow}): no N² matrix, no N³. If the
     * recursions do not agree within their step limit (not seen in validation, but possible), the same
     * window is taken from a dense diagonalization instead: the levels are the same, the line names the dense
     * routine and says why ({@code lanczosFallback}), and a warning says so at once.
     */
    public static GapRatioLine gapRatioLanczos(SweepSpec spec, SweepTask task, double window) {
        return gapRatioLanczos(spec, task, window, (lattice, t, disorder, halfWidth) -> LanczosWindow.aroundCentre(
                lattice, t, disorder, halfWidth, spec.seed(), task.realization()).eigenvalues());
    }

    /** The levels of the window |λ − c| ≤ halfWidth; throws {@link IllegalStateException} if the recursions disagree. */
    @FunctionalInterface
    interface WindowLevels {
        double[] of(dnp.kernel.model.Lattice lattice, double t, dnp.kernel.model.Disorder disorder, double halfWidth);
    }

    /** As {@link #gapRatioLanczos(SweepSpec, SweepTask, double)} with the window's levels from {@code lanczos}. */
    static GapRatioLine gapRatioLanczos(SweepSpec spec, SweepTask task, double window, WindowLevels lanczos) {
        var lattice = spec.lattice(task);
        var disorder = spec.disorder(task);
        double halfWidth = window * Math.abs(task.hopping());
        double[] levels;
        EigenStage stage = EigenStage.LANCZOS;
        String fallback = null;
        try {
            levels = lanczos.of(lattice, task.hopping(), disorder, halfWidth);
        } catch (IllegalStateException noAgreement) {
            fallback = noAgreement.getMessage();
            Warnings.once(task.key() + ": " + fallback + "; the window is taken from dense eigenvalues (the line says so)");
            double centre = LanczosWindow.centre(disorder);
            var dense = Realization.levels(lattice, task.hopping(), disorder, spec.model().solver());
            stage = EigenStage.named(dense.routine());
            levels = java.util.Arrays.stream(dense.values())
                    .filter(v -> v >= centre - halfWidth && v <= centre + halfWidth).toArray();
        }
        var gap = SpectralStatistics.gapRatioOfAll(levels);
        return new GapRatioLine(GapRatioLine.SCHEMA, task.key(), task.size(), task.hopping(), task.realization(),
                gap.mean(), gap.count(), stage, fallback, ProvenanceCollector.collect());
    }

    /** Lowest bin edge of the pair separations, in level spacings (physics/WindowPairs). */
    public static final double PAIR_LOWEST_EDGE = 0.1;
    /** Logarithmic bins per decade of the pair separations. */
    public static final int PAIR_BINS_PER_DECADE = 10;
    /** Number of pair bins: separations from 0.1 to 10⁵ level spacings. */
    public static final int PAIR_BINS = 60;

    /**
     * The eigenpairs il…iu (1-based, ascending) of one realization: the IPR statistics of the
     * {@code states} central ones among them and the binned pair overlaps of all of them, with the
     * level spacing Δ = (λ_iu − λ_il)/(iu − il) of the window.
     */
    public static CentralStatesLine centralStates(SweepSpec spec, SweepTask task, int il, int iu, int states) {
        var window = Realization.window(spec.lattice(task), task.hopping(), spec.disorder(task), il, iu);
        double[] energies = window.eigenvalues();
        double[][] vectors = window.vectors();
        int m = vectors.length;
        int first = (m - states) / 2;
        double[][] central = java.util.Arrays.copyOfRange(vectors, first, first + states);
        double spacing = (energies[m - 1] - energies[0]) / (m - 1);
        var pairs = WindowPairs.bin(energies, vectors, spacing, PAIR_LOWEST_EDGE, PAIR_BINS_PER_DECADE, PAIR_BINS);
        return new CentralStatesLine(CentralStatesLine.SCHEMA, task.key(), task.size(), task.hopping(),
                task.realization(), states, SpectralStatistics.meanIpr(central), SpectralStatistics.meanLogIpr(central),
                m, spacing, PAIR_LOWEST_EDGE, PAIR_BINS_PER_DECADE, pairs.sums(), pairs.counts(),
                ProvenanceCollector.collect());
    }
}
