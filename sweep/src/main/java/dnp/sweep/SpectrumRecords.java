package dnp.sweep;

import dnp.kernel.Realization;
import dnp.kernel.physics.SpectralStatistics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records of sweeps that need less than every observable: the gap ratio from eigenvalues alone
 * (level statistics across the transition) and the IPR of the central eigenstates (multifractality).
 */
public final class SpectrumRecords {
    private SpectrumRecords() {}

    /** ⟨r⟩ over the central {@code fraction} of the levels, from the eigenvalues alone (no eigenvectors). */
    public static Map<String, Object> gapRatio(SweepSpec spec, SweepTask task, double fraction) {
        double[] lambda = Realization.eigenvalues(spec.lattice(task), task.hopping(), spec.disorder(task),
                spec.model().driver().solver());
        var gap = SpectralStatistics.gapRatio(lambda, fraction);
        Map<String, Object> record = header(task);
        record.put("gapRatio", gap.mean());
        record.put("gapRatioCount", gap.count());
        return record;
    }

    /** Mean IPR of the eigenstates il…iu (1-based, ascending). */
    public static Map<String, Object> centralIpr(SweepSpec spec, SweepTask task, int il, int iu) {
        Map<String, Object> record = header(task);
        record.put("ipr", Realization.meanIpr(spec.lattice(task), task.hopping(), spec.disorder(task), il, iu));
        return record;
    }

    private static Map<String, Object> header(SweepTask task) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("key", task.key());
        record.put("L", task.size());
        record.put("t", task.hopping());
        record.put("realization", task.realization());
        return record;
    }
}
