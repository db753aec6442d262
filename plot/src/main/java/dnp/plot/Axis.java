package dnp.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One axis of a plot: the visible range, its mapping onto [0, 1], and its tick marks. A linear axis
 * ticks at 1-2-5 multiples of a power of ten; a log axis at decades (with minor ticks at 2..9 times
 * each decade), or at 1-2-5 and 1..9 multiples where the range spans less than two decades.
 */
final class Axis {

    /** A labelled tick at a data value. */
    record Tick(double value, String label) {}

    /** The labelled (major) ticks and the unlabelled (minor) ones. */
    record Ticks(List<Tick> major, List<Double> minor) {}

    /**
     * The room for tick labels: the axis is {@code lengthPx} long, neighbouring ticks stay at least
     * {@code minDistancePx} apart, and labels, {@code labelExtent(label)} pixels long along the axis,
     * at least {@code labelGapPx} apart.
     */
    record Room(double lengthPx, double minDistancePx, double labelGapPx, ToDoubleFunction<String> labelExtent) {}

    /** The fraction of the range the data (with error bars and marker lines) may not fill, each side. */
    private static final double PADDING = 0.05;

    private static final int[] DECADE_STEPS = {1, 2, 3, 4, 5, 10, 20, 25, 50, 100};

    private final boolean log;
    /** The visible range; in log10 units on a log axis. */
    private final double lo;
    private final double hi;

    private Axis(boolean log, double lo, double hi) {
        this.log = log;
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * The axis that shows the data values {@code min..max} with 5 % padding either side. Without
     * data ({@code min > max}, e.g. infinities) it shows [0, 1], or [1, 10] on a log axis; a single
     * value gets a range around it.
     */
    static Axis fit(double min, double max, boolean log) {
        double a;
        double b;
        if (min <= max) {
            a = log ? Math.log10(min) : min;
            b = log ? Math.log10(max) : max;
        } else {
            a = 0;
            b = 1;
        }
        double span = b - a;
        if (span <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) {
            // All values (nearly) equal: half a decade, or a tenth of the value, either side.
            double centre = (a + b) / 2;
            double half = log ? 0.5 : centre == 0 ? 1 : Math.abs(centre) / 10;
            return new Axis(log, centre - half, centre + half);
        }
        return new Axis(log, a - PADDING * span, b + PADDING * span);
    }

    /** Whether the axis can show the value: finite, and positive on a log axis. */
    boolean accepts(double v) {
        return accepts(v, log);
    }

    /** Whether a linear or log axis can show the value. */
    static boolean accepts(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** The smallest visible value. */
    double min() {
        return log ? Math.pow(10, lo) : lo;
    }

    /** The largest visible value. */
    double max() {
        return log ? Math.pow(10, hi) : hi;
    }

    /** Where an accepted value lies along the axis: 0 at {@link #min()}, 1 at {@link #max()}. */
    double fraction(double v) {
        return ((log ? Math.log10(v) : v) - lo) / (hi - lo);
    }

    /** The densest ticks that leave their labels the given room. */
    Ticks ticks(Room room) {
        if (!log) {
            return linearTicks(lo, hi, room);
        }
        int firstDecade = (int) Math.ceil(lo - 1e-9);
        int lastDecade = (int) Math.floor(hi + 1e-9);
        if (lastDecade > firstDecade) {
            return decadeTicks(firstDecade, lastDecade, room);
        }
        // Less than two decades in view: label 1-2-5 or 1..9 multiples, else fall back to 1-2-5 steps.
        Ticks ticks = mantissaTicks(new int[] {1, 2, 5}, room);
        if (ticks == null) {
            ticks = mantissaTicks(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, room);
        }
        return ticks != null ? ticks : linearTicks(Math.pow(10, lo), Math.pow(10, hi), room);
    }

    /** Ticks every 1, 2 or 5 times a power of ten within [a, b] (data values), each split by minor ticks. */
    private Ticks linearTicks(double a, double b, Room room) {
        int exponent = (int) Math.floor(Math.log10(b - a)) - 2;
        Ticks crowded = null;
        for (int i = 0; ; i++) {
            int mantissa = new int[] {1, 2, 5}[i % 3];
            int e = exponent + i / 3;
            double step = scaled(mantissa, e);
            long first = (long) Math.ceil(a / step - 1e-9);
            long last = (long) Math.floor(b / step + 1e-9);
            if (last <= first) {
                // Fewer than two ticks from here on; the last candidate is the best there is.
                return crowded;
            }
            double largest = Math.max(Math.abs(first), Math.abs(last)) * step;
            // Very large or very small numbers share one power of ten, written out on each label.
            Integer common = largest >= 1e6 || largest < 1e-3 ? (int) Math.floor(Math.log10(largest)) : null;
            List<Tick> major = new ArrayList<>();
            for (long k = first; k <= last; k++) {
                major.add(new Tick(scaled(k * mantissa, e), linearLabel(k * mantissa, e, common)));
            }
            int parts = mantissa == 2 ? 4 : 5;
            List<Double> minor = new ArrayList<>();
            for (long k = (first - 1) * parts; k <= (last + 1) * parts; k++) {
                double v = scaled(k * mantissa, e) / parts;
                if (k % parts != 0 && v >= a && v <= b) {
                    minor.add(v);
                }
            }
            crowded = new Ticks(major, minor);
            if (fits(major, room)) {
                return crowded;
            }
        }
    }

    /** Ticks at every n-th decade, n as small as the labels allow. */
    private Ticks decadeTicks(int firstDecade, int lastDecade, Room room) {
        List<Tick> chosen = null;
        int every = 1;
        for (int n : DECADE_STEPS) {
            List<Tick> major = new ArrayList<>();
            for (int k = firstDecade; k <= lastDecade; k++) {
                if (Math.floorMod(k, n) == 0) {
                    major.add(new Tick(Math.pow(10, k), "10" + superscript(k)));
                }
            }
            if (major.size() < 2 && chosen != null) {
                break;
            }
            chosen = major;
            every = n;
            if (fits(major, room)) {
                break;
            }
        }
        List<Double> minor = new ArrayList<>();
        if (every == 1) {
            for (int k = firstDecade - 1; k <= lastDecade; k++) {
                for (int m = 2; m <= 9; m++) {
                    addIfVisible(minor, m * Math.pow(10, k));
                }
            }
        } else {
            for (int k = firstDecade; k <= lastDecade; k++) {
                if (Math.floorMod(k, every) != 0) {
                    minor.add(Math.pow(10, k));
                }
            }
        }
        return new Ticks(chosen, minor);
    }

    /**
     * Ticks at the given multiples of each power of ten in view, with minor ticks at the other
     * multiples 1..9; null where that gives fewer than two ticks or crowds the labels.
     */
    private Ticks mantissaTicks(int[] mantissas, Room room) {
        List<Tick> major = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        for (int k = (int) Math.floor(lo); k <= (int) Math.ceil(hi); k++) {
            for (int m = 1; m <= 9; m++) {
                double v = scaled(m, k);
                if (!visible(v)) {
                    continue;
                }
                if (contains(mantissas, m)) {
                    major.add(new Tick(v, logLabel(m, k)));
                } else {
                    minor.add(v);
                }
            }
        }
        return major.size() >= 2 && fits(major, room) ? new Ticks(major, minor) : null;
    }

    /** Whether neighbouring ticks, and their labels, keep the room's distances. */
    private boolean fits(List<Tick> ticks, Room room) {
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1);
            Tick b = ticks.get(i);
            double distance = Math.abs(fraction(b.value()) - fraction(a.value())) * room.lengthPx();
            double labels = (room.labelExtent().applyAsDouble(a.label())
                    + room.labelExtent().applyAsDouble(b.label())) / 2 + room.labelGapPx();
            if (distance < Math.max(room.minDistancePx(), labels)) {
                return false;
            }
        }
        return true;
    }

    private boolean visible(double v) {
        double t = log ? Math.log10(v) : v;
        double tolerance = 1e-9 * (hi - lo);
        return t >= lo - tolerance && t <= hi + tolerance;
    }

    private void addIfVisible(List<Double> values, double v) {
        if (visible(v)) {
            values.add(v);
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** units × 10^exponent, as the nearest double (dividing keeps e.g. 0.3 exact to the last bit). */
    private static double scaled(long units, int exponent) {
        return exponent >= 0 ? units * Math.pow(10, exponent) : units / Math.pow(10, -exponent);
    }

    /**
     * The label of units × 10^exponent on a linear axis, with as many decimals as the step needs;
     * with a {@code common} power of ten, as a multiple of it ("1.5×10⁶").
     */
    private static String linearLabel(long units, int exponent, Integer common) {
        BigDecimal v = BigDecimal.valueOf(units).scaleByPowerOfTen(exponent);
        String text;
        if (common == null) {
            text = v.setScale(Math.max(0, -exponent)).toPlainString();
        } else if (units == 0) {
            text = "0";
        } else {
            text = v.scaleByPowerOfTen(-common).setScale(Math.max(0, common - exponent)).toPlainString()
                    + "×10" + superscript(common);
        }
        return text.replace('-', '−');
    }

    /** The label of m × 10^k on a log axis: plain decimals unless very large or small. */
    private static String logLabel(int m, int k) {
        if (k < -4 || k > 5) {
            return m + "×10" + superscript(k);
        }
        return BigDecimal.valueOf(m).scaleByPowerOfTen(k).toPlainString();
    }

    /** An integer in Unicode superscript digits, e.g. "⁻³". */
    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
