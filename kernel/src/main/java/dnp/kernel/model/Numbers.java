package dnp.kernel.model;

import java.util.regex.Pattern;

/**
 * The one grammar of the numbers the program reads from people: command-line options (through the
 * converters of the command line) and disorder files. Decimal only, as in JSON and every paper:
 * an optional sign, digits with an optional fraction, an optional exponent ({@code 6.5}, {@code -2},
 * {@code .5}, {@code 1e-5}, {@code 3E4}). Refused: Java's extras ({@code 1.5d}, {@code 2f}, hexadecimal
 * {@code 0x1p3}), {@code Infinity} and {@code NaN}, and values that overflow to infinity ({@code 1e400}).
 * Whole numbers are digits with an optional sign, checked against their type's range.
 */
public final class Numbers {
    private Numbers() {}

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    /** A finite decimal number; a {@link NumberFormatException} with a message for people otherwise. */
    public static double parseDouble(String text) {
        String s = text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw new NumberFormatException("'" + text + "' is not a decimal number (write e.g. 6.5, 1e-5)");
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("'" + text + "' is too large for a 64-bit floating-point number");
        }
        return value;
    }

    /** A whole number in the range of {@code long}. */
    public static long parseLong(String text) {
        String s = text.strip();
        if (!WHOLE.matcher(s).matches()) {
            throw new NumberFormatException("'" + text + "' is not a whole number");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException ex) {
            throw new NumberFormatException("'" + text + "' is outside the 64-bit range (±9.2e18)");
        }
    }

    /** A whole number in the range of {@code int}. */
    public static int parseInt(String text) {
        long value = parseLong(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new NumberFormatException("'" + text + "' is outside the range of this value (at most "
                    + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }
}
