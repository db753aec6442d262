package dnp.analysis;

import dnp.sweep.records.EigenStage;
import dnp.sweep.records.SpectrumLines.GapRatioLine;
import dnp.sweep.records.TransitionEstimate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** estimate.json: the scaling fit is the headline, the two-size crossing is named as such. */
class TransitionEstimateTest {

    private static List<Double> hoppings(double[] ratios) {
        return Arrays.stream(ratios).mapToObj(r -> 108 / r).toList();
    }

    @Test
    void headlineIsTheScalingFitAndTheCrossingIsNamed() {
        double[] x = FiniteSizeScalingTest.grid();
        List<FiniteSizeScaling.Order> orders = List.of(FiniteSizeScalingTest.TRUE_ORDER,
                new FiniteSizeScaling.Order(3, 1, 2, 0));
        TransitionAnalysis a = TransitionAnalysis.of(x, hoppings(x), FiniteSizeScalingTest.synthetic(5000), List.of(), 30,
                7, orders, 20);
        TransitionEstimate e = a.estimate(null);
        assertEquals("dnp.transition-estimate/3", e.schema());
        assertNotNull(e.scaling(), a.scaling().selection().reason());
        assertEquals(e.scaling().wOverTc(), e.wOverTc());
        assertArrayEquals(e.scaling().wOverTcCi95(), e.ci95());
        assertEquals(a.scaling().selection().stable().xc(), e.wOverTc());
        assertEquals("converged", e.scaling().termination());
        assertTrue(e.method().startsWith("finite-size scaling"), e.method());
        assertArrayEquals(new int[]{14, 16}, e.crossing().sizes());
        assertEquals(a.best().x(), e.crossing().wOverTc());
        assertNotEquals(e.crossing().wOverTc(), e.wOverTc(), "two estimates, two names");
        assertEquals(30, e.crossing().bootstrap());
        assertEquals(a.best().bootstrapMissing(), e.crossing().bootstrapWithoutCrossing());
        assertEquals(20, e.scaling().bootstrap());
        assertTrue(e.scaling().bootstrapNotConverged() <= e.scaling().bootstrapFailed());
    }

    /** Without a scaling fit the headline is empty and says why; curves that never cross count every resample. */
    @Test
    void withoutAScalingFitTheHeadlineIsEmptyAndMissingCrossingsAreCounted() {
        double[] x = {10, 12, 14, 16, 18};
        List<Crossings.Curve> curves = new ArrayList<>();
        for (int size : new int[]{4, 6}) {
            double[][] values = new double[5][x.length];
            for (int k = 0; k < values.length; k++) {
                for (int i = 0; i < x.length; i++) {
                    // The larger size lies above everywhere: no crossing in any resample.
                    values[k][i] = 0.45 + 0.01 * size + 0.001 * ((k * 7 + i * 3) % 5);
                }
            }
            curves.add(new Crossings.Curve(size, values));
        }
        TransitionAnalysis a = TransitionAnalysis.of(x, hoppings(x), curves, java.util.List.of(), 40, 3,
                TransitionAnalysis.DEFAULT_ORDERS, 0);
        TransitionEstimate e = a.estimate(null);
        assertTrue(Double.isNaN(e.wOverTc()));
        assertNull(e.ci95());
        assertNull(e.scaling());
        assertTrue(e.method().startsWith("no finite-size-scaling estimate"), e.method());
        assertTrue(Double.isNaN(e.crossing().wOverTc()));
        assertEquals(40, e.crossing().bootstrapWithoutCrossing(), "every resample without a crossing is counted");
    }

    /** Lanczos windows taken from dense eigenvalues are counted per point and in total, not left to stderr. */
    @Test
    void windowsFromDenseEigenvaluesAreCounted() {
        List<Double> t = List.of(6.0, 9.0);
        java.util.Map<String, GapRatioLine> lines = new java.util.HashMap<>();
        for (int k = 0; k < 3; k++) {
            for (double h : t) {
                boolean fellBack = k == 1 && h == 9.0;
                lines.put(dnp.sweep.SweepTask.key(8, h, k), new GapRatioLine(GapRatioLine.SCHEMA,
                        dnp.sweep.SweepTask.key(8, h, k), 8, h, k, 0.5, 100,
                        fellBack ? EigenStage.DSYEVD : EigenStage.LANCZOS, fellBack ? "no agreement" : null, null));
            }
        }
        var sources = TransitionAnalysis.Sources.of(8, t, 3, lines);
        assertEquals(0, sources.points().get(0).fromDense());
        assertEquals("lanczos", sources.points().get(0).label());
        assertEquals(1, sources.points().get(1).fromDense());
        assertEquals("dsyevd+lanczos", sources.points().get(1).label());
        double[] x = {18, 12};
        var curve = TransitionAnalysis.curve(8, t, 3, lines);
        TransitionAnalysis a = TransitionAnalysis.of(x, t, List.of(curve), List.of(sources), 10, 1, List.of(), 0);
        TransitionEstimate.Levels levels = a.levels();
        assertEquals(6, levels.lines());
        assertEquals(1, levels.windowsFromDense());
        assertEquals(0, levels.unrecorded());
        assertEquals(List.of(EigenStage.DSYEVD, EigenStage.LANCZOS), levels.eigenvalues());
        assertTrue(a.table().text().contains(",dsyevd+lanczos,1\n"), a.table().text());
    }
}
