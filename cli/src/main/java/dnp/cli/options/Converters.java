package dnp.cli.options;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.Numbers;
import dnp.kernel.physics.LineBroadening;
import dnp.kpm.DampingKernel;
import dnp.kpm.Estimator;
import dnp.sweep.Shard;
import dnp.sweep.TransitionPreset;
import dnp.sweep.UserInputException;
import dnp.sweep.records.Driver;
import dnp.sweep.records.Method;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line's converters, in one place and registered once ({@link #register}): every number of
 * every option goes through {@link Numbers}' one strict grammar (no {@code 1.5d}, no hexadecimal, no
 * {@code Infinity} or {@code NaN}); every choice is an enum, written as its lower-case name (as the
 * files write it, {@code Documents}); and values with a structure (lists with ranges, {@code LO:HI},
 * {@code LO:HI:N}, {@code I/N}) become typed values here, not in the commands. picocli reports a refusal
 * as one line naming the option.
 */
public final class Converters {
    private Converters() {}

    /** Most values one {@code start:stop:step} range may expand to. */
    static final int MAX_RANGE_VALUES = 100_000;

    /** Makes {@code cli} (and every subcommand it has now) read numbers, choices and lists strictly. */
    public static void register(CommandLine cli) {
        cli.registerConverter(Double.class, Converters::decimal);
        cli.registerConverter(double.class, Converters::decimal);
        cli.registerConverter(Integer.class, Converters::whole);
        cli.registerConverter(int.class, Converters::whole);
        cli.registerConverter(Long.class, Converters::wholeLong);
        cli.registerConverter(long.class, Converters::wholeLong);
        cli.registerConverter(BoundaryCondition.class, choice(BoundaryCondition.values()));
        cli.registerConverter(Convention.class, choice(Convention.values()));
        cli.registerConverter(Driver.class, choice(Driver.values()));
        cli.registerConverter(Method.class, choice(Method.DENSE, Method.KPM));
        cli.registerConverter(Estimator.class, choice(Estimator.values()));
        cli.registerConverter(DampingKernel.class, choice(DampingKernel.values()));
        cli.registerConverter(LineBroadening.Shape.class, choice(LineBroadening.Shape.values()));
        cli.registerConverter(TransitionPreset.Eigenvalues.class, choice(TransitionPreset.Eigenvalues.values()));
        cli.registerConverter(TransitionPreset.class, Converters::preset);
        cli.registerConverter(FigureChoice.class, Converters::figure);
        cli.registerConverter(Values.class, text -> new Values(values(text)));
        cli.registerConverter(Sizes.class, Converters::sizes);
        cli.registerConverter(Span.class, Converters::span);
        cli.registerConverter(PositivePair.class, Converters::positivePair);
        cli.registerConverter(LogGrid.class, Converters::logGrid);
    }

    /** The word of a choice on the command line and in files: its lower-case name. */
    public static String label(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    /** One of {@code allowed}, named by its {@link #label} in any case. */
    @SafeVarargs
    static <E extends Enum<E>> ITypeConverter<E> choice(E... allowed) {
        return text -> {
            for (E e : allowed) {
                if (label(e).equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            List<String> words = java.util.Arrays.stream(allowed).map(Converters::label).toList();
            throw new TypeConversionException("expected " + String.join(", ", words.subList(0, words.size() - 1))
                    + " or " + words.getLast() + ", got '" + text + "'");
        };
    }

    /** A figure of {@code dnp figure}: a preset's name (FigurePreset.NAMES) or 'sizes', in any case. */
    private static FigureChoice figure(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (word.equals(FigureChoice.SIZES_WORD)) {
            return FigureChoice.SIZES;
        }
        for (String name : dnp.sweep.FigurePreset.NAMES) {
            if (name.equals(word)) {
                return new FigureChoice(dnp.sweep.FigurePreset.of(name));
            }
        }
        throw new TypeConversionException("figure '" + text + "' is not one of the paper's figures 2–7 nor a check "
                + "(eq24, eq29), nor the profile of ε ('profile'), nor '" + FigureChoice.SIZES_WORD + "'");
    }

    private static TransitionPreset preset(String text) {
        for (TransitionPreset p : TransitionPreset.ALL) {
            if (p.name().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new TypeConversionException("expected " + String.join(" or ", TransitionPreset.ALL.stream()
                .map(TransitionPreset::name).toList()) + ", got '" + text + "'");
    }

    private static Double decimal(String text) {
        try {
            return Numbers.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new TypeConversionException(ex.getMessage());
        }
    }

    private static Integer whole(String text) {
        try {
            return Numbers.parseInt(text);
        } catch (NumberFormatException ex) {
            throw new TypeConversionException(ex.getMessage());
        }
    }

    private static Long wholeLong(String text) {
        try {
            return Numbers.parseLong(text);
        } catch (NumberFormatException ex) {
            throw new TypeConversionException(ex.getMessage());
        }
    }

    /** Numbers from the command line: a list {@code 1,2,5} and/or {@code start:stop:step} ranges (inclusive). */
    public record Values(List<Double> values) {
        public Values {
            values = List.copyOf(values);
        }

        public static Values of(Double... values) {
            return new Values(List.of(values));
        }

        /** As it is written on the command line (help texts show defaults this way). */
        @Override
        public String toString() {
            return String.join(",", values.stream().map(Converters::number).toList());
        }
    }

    /** Lattice sizes: a list and/or ranges of whole numbers from 1 to {@link Lattice#MAX_SIZE}. */
    public record Sizes(List<Integer> values) {
        public Sizes {
            values = List.copyOf(values);
        }

        public static Sizes of(Integer... values) {
            return new Sizes(List.of(values));
        }

        @Override
        public String toString() {
            return String.join(",", values.stream().map(String::valueOf).toList());
        }
    }

    /** {@code LO:HI}: a window of frequencies, 0 ≤ LO &lt; HI. */
    public record Span(double low, double high) {
        @Override
        public String toString() {
            return number(low) + ":" + number(high);
        }
    }

    /** {@code A:B}: two positive numbers in units of their own (e.g. a level spacing and 2t). */
    public record PositivePair(double first, double second) {
        @Override
        public String toString() {
            return number(first) + ":" + number(second);
        }
    }

    /** {@code LO:HI:N}: N values evenly spaced in log from LO to HI, 0 &lt; LO &lt; HI, 2 ≤ N ≤ {@link #MAX_POINTS}. */
    public record LogGrid(double low, double high, int points) {
        public static final int MAX_POINTS = 1000;

        @Override
        public String toString() {
            return number(low) + ":" + number(high) + ":" + points;
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** {@code 1,2,5} and/or {@code start:stop:step} ranges, in decimal arithmetic so that 0.1 steps land on the stop. */
    static List<Double> values(String text) {
        List<Double> values = new ArrayList<>();
        for (String item : text.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.contains(":")) {
                String[] parts = s.split(":", -1);
                if (parts.length != 3) {
                    throw new TypeConversionException("'" + s + "' is not start:stop:step");
                }
                BigDecimal start = exact(parts[0]);
                BigDecimal stop = exact(parts[1]);
                BigDecimal step = exact(parts[2]);
                if (step.signum() <= 0 || stop.compareTo(start) < 0) {
                    throw new TypeConversionException("'" + s + "' needs step > 0 and stop ≥ start");
                }
                if (stop.subtract(start).divide(step, MathContext.DECIMAL64).doubleValue() > MAX_RANGE_VALUES) {
                    throw new TypeConversionException("'" + s + "' has more than " + MAX_RANGE_VALUES + " values");
                }
                for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
                    values.add(v.doubleValue());
                }
            } else {
                values.add(exact(s).doubleValue());
            }
        }
        if (values.isEmpty()) {
            throw new TypeConversionException("no values in '" + text + "'");
        }
        return values;
    }

    private static Sizes sizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (double v : values(text)) {
            if (v != Math.rint(v) || v < 1 || v > Lattice.MAX_SIZE) {
                throw new TypeConversionException(v + " is not a lattice size (a whole number from 1 to "
                        + Lattice.MAX_SIZE + ")");
            }
            sizes.add((int) v);
        }
        return new Sizes(sizes);
    }

    private static Span span(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length == 2) {
            try {
                double low = Numbers.parseDouble(parts[0].strip());
                double high = Numbers.parseDouble(parts[1].strip());
                if (low >= 0 && high > low) {
                    return new Span(low, high);
                }
            } catch (NumberFormatException ignored) {
                // reported below, with the expected form
            }
        }
        throw new TypeConversionException("'" + text + "' must be LO:HI with 0 ≤ LO < HI");
    }

    private static PositivePair positivePair(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length == 2) {
            try {
                double a = Numbers.parseDouble(parts[0].strip());
                double b = Numbers.parseDouble(parts[1].strip());
                if (a > 0 && b > 0) {
                    return new PositivePair(a, b);
                }
            } catch (NumberFormatException ignored) {
                // reported below, with the expected form
            }
        }
        throw new TypeConversionException("'" + text + "' must be A:B with A > 0 and B > 0");
    }

    /** {@code LO:HI:N} as a {@link LogGrid}. */
    public static LogGrid logGrid(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length == 3) {
            try {
                double low = Numbers.parseDouble(parts[0].strip());
                double high = Numbers.parseDouble(parts[1].strip());
                int n = Numbers.parseInt(parts[2].strip());
                if (low > 0 && high > low && n >= 2 && n <= LogGrid.MAX_POINTS) {
                    return new LogGrid(low, high, n);
                }
            } catch (NumberFormatException ignored) {
                // reported below, with the expected form
            }
        }
        throw new TypeConversionException("'" + text + "' must be LO:HI:N with 0 < LO < HI and 2 ≤ N ≤ "
                + LogGrid.MAX_POINTS);
    }

    /** A number of the one grammar ({@link Numbers}), as an exact decimal for the arithmetic of ranges. */
    private static BigDecimal exact(String s) {
        try {
            Numbers.parseDouble(s);
            return new BigDecimal(s.strip());
        } catch (NumberFormatException ex) {
            throw new TypeConversionException(ex.getMessage());
        }
    }

    /**
     * One ω_n of a comma-separated --omega-n list (no ranges), refusing {@code LO:HI:N} with a pointer to
     * {@code --omega-n-log}: {@code dnp critical}'s {@code --omega-n} took that form before it meant the same
     * list as on every other command.
     */
    public static final class OmegaNValue implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            if (text.contains(":")) {
                throw new TypeConversionException("'" + text + "' is not a value: --omega-n is a comma-separated "
                        + "list; for N values log-spaced from LO to HI use --omega-n-log LO:HI:N");
            }
            return decimal(text);
        }
    }

    /** {@code I/N}: shard I of N, 1 ≤ I ≤ N. */
    public static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String text) {
            String[] parts = text.split("/", -1);
            try {
                if (parts.length == 2) {
                    return new Shard(Numbers.parseInt(parts[0]), Numbers.parseInt(parts[1]));
                }
            } catch (NumberFormatException | UserInputException ex) {
                // reported below, with the expected form
            }
            throw new TypeConversionException("'" + text + "' must be I/N with 1 ≤ I ≤ N, e.g. 3/8");
        }
    }
}
