package dnp.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {
    /** An 800 px axis whose labels are 7 px per character. */
    private static Axis.Ticks ticks(Axis axis) {
        return axis.ticks(new Axis.Room(800, 60, 10, label -> 7.0 * label.length()));
    }

    @Test
    void rangeIsPaddedByFivePercent() {
        Axis axis = Axis.fit(0, 1, false);
        assertEquals(-0.05, axis.min(), 1e-12);
        assertEquals(1.05, axis.max(), 1e-12);
        Axis log = Axis.fit(0.01, 10, true);
        assertEquals(-2 - 0.15, Math.log10(log.min()), 1e-12);
        assertEquals(1 + 0.15, Math.log10(log.max()), 1e-12);
    }

    @Test
    void degenerateRangesStillHaveWidth() {
        for (double v : new double[] {0, 5, -3e-7, 1e12}) {
            Axis axis = Axis.fit(v, v, false);
            assertTrue(axis.min() < v && v < axis.max(), "around " + v);
            assertTrue(ticks(axis).major().size() >= 2);
        }
        Axis log = Axis.fit(0.3, 0.3, true);
        assertTrue(log.min() < 0.3 && 0.3 < log.max());
        assertTrue(ticks(log).major().size() >= 2);
        Axis empty = Axis.fit(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true);
        assertTrue(empty.min() > 0 && empty.max() > empty.min());
    }

    @Test
    void linearTicksStepByOneTwoOrFiveTimesAPowerOfTen() {
        Axis.Ticks ticks = ticks(Axis.fit(0, 0.9, false));
        List<String> labels = ticks.major().stream().map(Axis.Tick::label).toList();
        assertEquals(List.of("0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"), labels);
        assertEquals(4 * 9 + 2 + 2, ticks.minor().size(), "4 minor ticks between majors, 2 beyond each end");

        List<String> negative = ticks(Axis.fit(-2, 2, false)).major().stream().map(Axis.Tick::label).toList();
        assertEquals(List.of("−2.0", "−1.5", "−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5", "2.0"), negative);
    }

    @Test
    void largeValuesShareAPowerOfTen() {
        List<String> labels = ticks(Axis.fit(1e6, 2e6, false)).major().stream().map(Axis.Tick::label).toList();
        assertEquals("1.0×10⁶", labels.getFirst());
        assertEquals("2.0×10⁶", labels.getLast());
        List<String> small = ticks(Axis.fit(0, 4e-5, false)).major().stream().map(Axis.Tick::label).toList();
        assertEquals("0", small.getFirst());
        assertEquals("4.0×10⁻⁵", small.getLast());
    }

    @Test
    void logTicksAreDecadesWithMinorTicksBetween() {
        Axis.Ticks ticks = ticks(Axis.fit(0.01, 10, true));
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0), ticks.major().stream().map(Axis.Tick::value).toList());
        assertEquals(List.of("10⁻²", "10⁻¹", "10⁰", "10¹"),
                ticks.major().stream().map(Axis.Tick::label).toList());
        for (double v : ticks.minor()) {
            double mantissa = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-12));
            assertTrue(Math.abs(mantissa - Math.rint(mantissa)) < 1e-9 && mantissa >= 2 && mantissa <= 9, "" + v);
        }
        assertEquals(3 * 8 + 2, ticks.minor().size(), "2..9 in three decades, 2 and 3 × 10¹ at the ends");
    }

    @Test
    void manyDecadesAreThinnedOut() {
        Axis.Ticks ticks = ticks(Axis.fit(1e-30, 1e30, true));
        List<Double> majors = ticks.major().stream().map(Axis.Tick::value).toList();
        assertTrue(majors.size() >= 2 && majors.size() <= 14, majors.toString());
        for (double v : majors) {
            assertEquals(Math.rint(Math.log10(v)), Math.log10(v), 1e-9);
        }
    }

    @Test
    void shortLogRangesLabelMultiplesOfPowersOfTen() {
        List<String> labels = ticks(Axis.fit(0.3, 3, true)).major().stream().map(Axis.Tick::label).toList();
        assertEquals(List.of("0.5", "1", "2"), labels);
        List<Axis.Tick> narrow = ticks(Axis.fit(3.1, 3.3, true)).major();
        assertTrue(narrow.size() >= 2, narrow.toString());
    }

    @Test
    void fractionMapsTheRangeOntoTheUnitInterval() {
        Axis log = Axis.fit(1, 100, true);
        assertEquals(0.5, log.fraction(10), 1e-12);
        assertEquals(0, log.fraction(log.min()), 1e-12);
        assertEquals(1, log.fraction(log.max()), 1e-12);
        assertTrue(!log.accepts(0) && !log.accepts(Double.NaN) && log.accepts(1e-300));
    }
}
