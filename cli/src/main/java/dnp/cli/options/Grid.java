package dnp.cli.options;

import dnp.kernel.model.Numbers;
import dnp.sweep.UserInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Lists of numbers from the command line: {@code 1,2,5} or {@code start:stop:step} (inclusive), mixed. */
public final class Grid {
    private Grid() {}

    public static List<Double> parse(String option, String text) {
        List<Double> values = new ArrayList<>();
        for (String item : text.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (s.contains(":")) {
                String[] parts = s.split(":");
                if (parts.length != 3) {
                    throw new UserInputException(option + ": '" + s + "' is not start:stop:step");
                }
                // Decimal arithmetic so that 0.1 steps land exactly on the stop value.
                BigDecimal start = decimal(option, parts[0]);
                BigDecimal stop = decimal(option, parts[1]);
                BigDecimal step = decimal(option, parts[2]);
                if (step.signum() <= 0 || stop.compareTo(start) < 0) {
                    throw new UserInputException(option + ": '" + s + "' needs step > 0 and stop ≥ start");
                }
                if (stop.subtract(start).divide(step, java.math.MathContext.DECIMAL64).doubleValue() > 100_000) {
                    throw new UserInputException(option + ": '" + s + "' has more than 100000 values");
                }
                for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
                    values.add(v.doubleValue());
                }
            } else {
                values.add(decimal(option, s).doubleValue());
            }
        }
        if (values.isEmpty()) {
            throw new UserInputException(option + ": no values in '" + text + "'");
        }
        return values;
    }

    public static List<Integer> parseSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (double v : parse("--L", text)) {
            if (v != Math.rint(v) || v < 1 || v > 1000) {
                throw new UserInputException("--L: " + v + " is not a lattice size (a whole number from 1 to 1000)");
            }
            sizes.add((int) v);
        }
        return sizes;
    }

    /** A number of the one grammar ({@link Numbers}), as an exact decimal for the arithmetic of ranges. */
    private static BigDecimal decimal(String option, String s) {
        try {
            Numbers.parseDouble(s);
            return new BigDecimal(s.strip());
        } catch (NumberFormatException ex) {
            throw new UserInputException(option + ": " + ex.getMessage());
        }
    }
}
