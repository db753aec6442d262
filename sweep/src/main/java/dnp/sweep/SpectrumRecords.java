package dnp.sweep;

import dnp.kernel.Realization;
import dnp.kernel.physics.SpectralStatistics;
import dnp.sweep.records.SpectrumLines.GapRatioLine;
import dnp.sweep.records.SpectrumLines.IprLine;

/**
 * Lines of sweeps that need less than every observable: the gap ratio from eigenvalues alone
 * (level statistics across the transition) and the IPR of the central eigenstates (multifractality).
 */
public final class SpectrumRecords {
    private SpectrumRecords() {}

    /** ⟨r⟩ over the central {@code fraction} of the levels, from the eigenvalues alone (no eigenvectors). */
    public static GapRatioLine gapRatio(SweepSpec spec, SweepTask task, double fraction) {
        double[] lambda = Realization.eigenvalues(spec.lattice(task), task.hopping(), spec.disorder(task),
                spec.model().driver().solver());
        var gap = SpectralStatistics.gapRatio(lambda, fraction);
        return new GapRatioLine(GapRatioLine.SCHEMA, task.key(), task.size(), task.hopping(), task.realization(),
                gap.mean(), gap.count(), ProvenanceCollector.collect());
    }

    /** Mean IPR of the eigenstates il…iu (1-based, ascending). */
    public static IprLine centralIpr(SweepSpec spec, SweepTask task, int il, int iu) {
        double ipr = Realization.meanIpr(spec.lattice(task), task.hopping(), spec.disorder(task), il, iu);
        return new IprLine(IprLine.SCHEMA, task.key(), task.size(), task.hopping(), task.realization(), ipr,
                ProvenanceCollector.collect());
    }
}
