package dnp.sweep;

import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kpm.LanczosWindow;
import dnp.nativebindings.Lapack;
import dnp.sweep.records.EigenStage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gap-ratio lines say which routine computed their levels, and a Lanczos window that fell back says so. */
class SpectrumRecordsTest {
    private static SweepSpec spec(int size) {
        return new SweepSpec(List.of(size), List.of(6.5), 1, 0, 1, ModelSpec.DEFAULTS);
    }

    @Test
    void denseLevelsNameTheRoutineThatRanTwoStageFromItsThreshold() {
        SweepSpec small = spec(6);
        var line = SpectrumRecords.gapRatio(small, small.tasks().getFirst(), 0.2);
        assertEquals(EigenStage.DSYEVD, line.eigenvalues());
        assertNull(line.lanczosFallback());
        // L = 13: N = 2197 ≥ 2000, where eigenvalues alone take the two-stage reduction although --driver is dsyevd.
        SweepSpec large = spec(13);
        assertTrue(13 * 13 * 13 >= LapackEigenSolver.TWO_STAGE_FROM_ORDER);
        var big = SpectrumRecords.gapRatio(large, large.tasks().getFirst(), 0.2);
        assertEquals(Lapack.hasDsyevd2stage() ? EigenStage.DSYEVD_2STAGE : EigenStage.DSYEVD, big.eigenvalues());
    }

    @Test
    void aLanczosWindowRecordsItsRouteAndAFallbackToDenseEigenvalues() {
        SweepSpec s = spec(6);
        SweepTask task = s.tasks().getFirst();
        var lanczos = SpectrumRecords.gapRatioLanczos(s, task, LanczosWindow.DEFAULT_WINDOW);
        assertEquals(EigenStage.LANCZOS, lanczos.eigenvalues());
        assertNull(lanczos.lanczosFallback());
        var fellBack = SpectrumRecords.gapRatioLanczos(s, task, LanczosWindow.DEFAULT_WINDOW, (lattice, t, disorder, h) -> {
            throw new IllegalStateException("the two recursions did not agree within 12 steps per site");
        });
        assertEquals(EigenStage.DSYEVD, fellBack.eigenvalues(), "the dense routine that replaced the window");
        assertEquals("the two recursions did not agree within 12 steps per site", fellBack.lanczosFallback());
        // The same levels either way: the window of the dense spectrum.
        assertEquals(lanczos.gapRatioCount(), fellBack.gapRatioCount());
        assertEquals(lanczos.gapRatio(), fellBack.gapRatio(), 1e-8);
    }
}
