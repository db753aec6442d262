package dnp.cli.options;

import dnp.sweep.FigurePreset;

/**
 * What {@code dnp figure} draws, converted from its argument by {@link Converters}: one of the paper's
 * figure presets ({@link #preset()}), or the series of sizes toward the large-system limit
 * ({@link #SIZES}, which has no preset: it chooses the method per size).
 */
public record FigureChoice(FigurePreset preset) {
    /** The word that names the series of sizes. */
    public static final String SIZES_WORD = "sizes";
    /** The series of sizes ({@code dnp figure sizes}). */
    public static final FigureChoice SIZES = new FigureChoice(null);

    /** Whether this is the series of sizes rather than a preset. */
    public boolean sizes() {
        return preset == null;
    }
}
