package dnp.kernel.model;

import java.util.Locale;

/**
 * The ranges of the physical inputs the model accepts, in the paper's units: the one home of the
 * checks and of the ranges that {@code --help} states (the texts are compile-time constants so that
 * option descriptions can quote them; the numbers are read from those texts).
 *
 * <p>Why these limits: every value inside them is far beyond what a DNP experiment uses (frequencies up
 * to 10 THz·2π, times from a picosecond to 30 years, temperatures from a microkelvin to 10⁶ K), and
 * inside them the model's arithmetic stays finite (energies of order 10⁸, T·ω products of order
 * 10²⁰, Boltzmann factors of order 10¹⁶). Beyond them the rates overflow or underflow and P_n is not a
 * number; a result that is nevertheless not finite is an error of the run, never a silent null.
 */
public final class Bounds {
    private Bounds() {}

    /** Largest frequency or energy, 2π·MHz: t, w, |Δ_i|, ω_n, ω_MW, ω_e, ω_1, A_0, bin widths. */
    public static final String MAX_FREQUENCY_TEXT = "1e7";
    /** Shortest and longest relaxation or coherence time, s. */
    public static final String MIN_TIME_TEXT = "1e-12";
    public static final String MAX_TIME_TEXT = "1e9";
    /** Lowest and highest bath temperature, K. */
    public static final String MIN_TEMPERATURE_TEXT = "1e-6";
    public static final String MAX_TEMPERATURE_TEXT = "1e6";
    /** Smallest and largest number of nuclei per electron. */
    public static final String MIN_RATIO_TEXT = "1e-6";
    public static final String MAX_RATIO_TEXT = "1e12";

    /** "0 to 1e7": the range of a frequency as --help states it. */
    public static final String FREQUENCY_RANGE = "0 to " + MAX_FREQUENCY_TEXT;
    /** The range of a time as --help states it. */
    public static final String TIME_RANGE = MIN_TIME_TEXT + " to " + MAX_TIME_TEXT;
    /** The range of the bath temperature as --help states it. */
    public static final String TEMPERATURE_RANGE = MIN_TEMPERATURE_TEXT + " to " + MAX_TEMPERATURE_TEXT;
    /** The range of N_n/N_e as --help states it. */
    public static final String RATIO_RANGE = MIN_RATIO_TEXT + " to " + MAX_RATIO_TEXT;

    public static final double MAX_FREQUENCY = Numbers.parseDouble(MAX_FREQUENCY_TEXT);
    static final double MIN_TIME = Numbers.parseDouble(MIN_TIME_TEXT);
    static final double MAX_TIME = Numbers.parseDouble(MAX_TIME_TEXT);
    static final double MIN_TEMPERATURE = Numbers.parseDouble(MIN_TEMPERATURE_TEXT);
    static final double MAX_TEMPERATURE = Numbers.parseDouble(MAX_TEMPERATURE_TEXT);
    static final double MIN_RATIO = Numbers.parseDouble(MIN_RATIO_TEXT);
    static final double MAX_RATIO = Numbers.parseDouble(MAX_RATIO_TEXT);

    /** A frequency or energy in [0, 1e7] 2π·MHz. */
    public static double frequency(String name, double value) {
        return within(name, value, 0, false, MAX_FREQUENCY, FREQUENCY_RANGE + " 2π·MHz");
    }

    /** A frequency in (0, 1e7] 2π·MHz. */
    public static double positiveFrequency(String name, double value) {
        return within(name, value, 0, true, MAX_FREQUENCY, "above 0 and at most " + MAX_FREQUENCY_TEXT + " 2π·MHz");
    }

    /** An energy of either sign, |value| ≤ 1e7 2π·MHz (an on-site energy Δ_i). */
    public static double energy(String name, double value) {
        return within(name, value, -MAX_FREQUENCY, false, MAX_FREQUENCY, "-" + MAX_FREQUENCY_TEXT + " to "
                + MAX_FREQUENCY_TEXT + " 2π·MHz");
    }

    /** A time in [1e-12, 1e9] s. */
    public static double time(String name, double value) {
        return within(name, value, MIN_TIME, false, MAX_TIME, TIME_RANGE + " s");
    }

    /** A bath temperature in [1e-6, 1e6] K. */
    public static double temperature(String name, double value) {
        return within(name, value, MIN_TEMPERATURE, false, MAX_TEMPERATURE, TEMPERATURE_RANGE + " K");
    }

    /** A number of nuclei per electron in [1e-6, 1e12]. */
    public static double ratio(String name, double value) {
        return within(name, value, MIN_RATIO, false, MAX_RATIO, RATIO_RANGE);
    }

    private static double within(String name, double value, double min, boolean minOpen, double max, String range) {
        if (!(value <= max) || (minOpen ? !(value > min) : !(value >= min))) {
            throw new IllegalArgumentException(name + " must be " + (range.startsWith("above") ? "" : "from ") + range
                    + ", got " + String.format(Locale.ROOT, "%.6g", value));
        }
        return value;
    }
}
