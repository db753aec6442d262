package dnp.sweep;

import dnp.sweep.records.Method;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sizes, methods and settings of the figure of the approach to the large-system limit. */
class SizesPresetTest {
    private static List<SizesPreset.SizeSweep> sweeps(SizesPreset preset) {
        return preset.sweeps(ModelSpec.DEFAULTS, null, null, null, null, preset.kpm(), 1);
    }

    private static List<Integer> sizes(List<SizesPreset.SizeSweep> s) {
        return s.stream().map(SizesPreset.SizeSweep::size).toList();
    }

    private static List<Method> methods(List<SizesPreset.SizeSweep> s) {
        return s.stream().map(SizesPreset.SizeSweep::method).toList();
    }

    @Test
    void paperSizeIsDenseUpToEighteenAndKpmAbove() {
        List<SizesPreset.SizeSweep> s = sweeps(SizesPreset.of(true));
        assertEquals(List.of(10, 14, 18, 24, 32, 48, 64), sizes(s));
        assertEquals(List.of(Method.DENSE, Method.DENSE, Method.DENSE, Method.KPM, Method.KPM, Method.KPM, Method.KPM),
                methods(s));
        assertEquals(18, SizesPreset.DENSE_UP_TO);
        for (SizesPreset.SizeSweep w : s) {
            assertEquals(w.method(), w.spec().model().method(), "the sweep computes by the size's method");
            assertEquals(List.of(w.size()), w.spec().sizes(), "one size per sweep");
            assertEquals(FigurePreset.HOPPINGS, w.spec().hoppings());
            assertEquals(List.of(20.0, 1.0), w.spec().model().omegaN(), "P_n at ω_n = 20, C at ω_n = 1");
            assertEquals(List.of(93860.0), w.spec().model().omegaMW());
            if (w.method() == Method.KPM) {
                assertEquals(KpmSpec.DEFAULTS, w.spec().model().kpm(), "the production KPM setting");
                assertEquals(w.method(), w.spec().parameters().method());
                assertEquals(KpmSpec.DEFAULTS.moments(), w.spec().parameters().kpmMoments());
            } else {
                assertEquals(null, w.spec().parameters().kpmMoments(), "a dense manifest records no KPM setting");
            }
        }
        assertEquals(List.of(60, 30, 10, 8, 6, 4, 3), s.stream().map(w -> w.spec().realizations()).toList());
    }

    @Test
    void quickVersionKeepsTheThresholdWithSmallerSizes() {
        List<SizesPreset.SizeSweep> s = sweeps(SizesPreset.of(false));
        assertEquals(List.of(6, 8, 10, 20, 24), sizes(s));
        assertEquals(List.of(Method.DENSE, Method.DENSE, Method.DENSE, Method.KPM, Method.KPM), methods(s));
        assertTrue(s.stream().allMatch(w -> w.spec().realizations() >= 2), "a spread needs two realizations");
        KpmSpec quick = s.getLast().spec().model().kpm();
        assertEquals(2000, quick.moments());
        assertEquals(dnp.kpm.Estimator.VECTORS, quick.estimator(), "the vector estimator, with its default count");
        assertEquals(0, quick.vectors());
    }

    @Test
    void overridesOfSizesThresholdRealizationsHoppingsAndKpm() {
        KpmSpec kpm = new KpmSpec(200, 64, KpmSpec.DEFAULTS.kernel());
        List<SizesPreset.SizeSweep> s = SizesPreset.QUICK.sweeps(ModelSpec.DEFAULTS, List.of(6, 4), 1, List.of(2.0, 6.5),
                4, kpm, 7);
        assertEquals(List.of(4, 6), sizes(s), "sizes ascending");
        assertEquals(List.of(Method.DENSE, Method.KPM), methods(s));
        assertEquals(kpm, s.get(1).spec().model().kpm());
        assertEquals(List.of(2.0, 6.5), s.get(0).spec().hoppings());
        assertEquals(1, s.get(1).spec().realizations());
        assertEquals(7, s.get(1).spec().seed());
        // Sizes not in the preset take the realizations of the next preset size up.
        List<SizesPreset.SizeSweep> d = SizesPreset.PAPER.sweeps(ModelSpec.DEFAULTS, List.of(12, 56), null, null, null,
                KpmSpec.DEFAULTS, 1);
        assertEquals(List.of(30, 3), d.stream().map(w -> w.spec().realizations()).toList());
        assertEquals(Method.DENSE, SizesPreset.methodFor(18, SizesPreset.DENSE_UP_TO));
        assertEquals(Method.KPM, SizesPreset.methodFor(19, SizesPreset.DENSE_UP_TO));
    }

    @Test
    void refusesMoreSampledSitesThanAKpmLatticeHas() {
        KpmSpec tooMany = new KpmSpec(200, 217, KpmSpec.DEFAULTS.kernel());
        UserInputException e = assertThrows(UserInputException.class, () -> SizesPreset.QUICK.sweeps(
                ModelSpec.DEFAULTS, List.of(4, 6), 1, null, 4, tooMany, 1));
        assertTrue(e.getMessage().contains("--sites 217") && e.getMessage().contains("N = 216"), e.getMessage());
        // S = N and S = 0 (all sites) are fine, and a dense size is not held to the KPM setting.
        SizesPreset.QUICK.sweeps(ModelSpec.DEFAULTS, List.of(4, 6), 1, null, 4, new KpmSpec(200, 216,
                KpmSpec.DEFAULTS.kernel()), 1);
        SizesPreset.QUICK.sweeps(ModelSpec.DEFAULTS, List.of(6), 1, null, 6, tooMany, 1);
        assertThrows(UserInputException.class, () -> SizesPreset.QUICK.sweeps(ModelSpec.DEFAULTS, List.of(4, 4), 1,
                null, 4, SizesPreset.QUICK.kpm(), 1));
    }
}
