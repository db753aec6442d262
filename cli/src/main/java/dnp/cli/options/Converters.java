package dnp.cli.options;

import dnp.kernel.model.Numbers;
import dnp.sweep.Shard;
import dnp.sweep.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line's converters, in one place and registered once ({@link #register}): every number of
 * every option goes through {@link Numbers}' one strict grammar (no {@code 1.5d}, no hexadecimal, no
 * {@code Infinity} or {@code NaN}), and values with a structure ({@code I/N}) become typed values here,
 * not in the commands. picocli reports a refusal as one line naming the option.
 */
public final class Converters {
    private Converters() {}

    /** Makes {@code cli} (and every subcommand it has now) read numbers strictly. */
    public static void register(CommandLine cli) {
        cli.registerConverter(Double.class, Converters::decimal);
        cli.registerConverter(double.class, Converters::decimal);
        cli.registerConverter(Integer.class, Converters::whole);
        cli.registerConverter(int.class, Converters::whole);
        cli.registerConverter(Long.class, Converters::wholeLong);
        cli.registerConverter(long.class, Converters::wholeLong);
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
