package dnp.cli.options;

import dnp.kernel.model.Bounds;
import dnp.kernel.model.Lattice;
import picocli.CommandLine.Option;

/** Which realization: lattice size, hopping, and the (seed, realization) that fix the disorder. */
public final class RealizationOptions {
    @Option(names = "--L", paramLabel = "L", description = "linear lattice size (default ${DEFAULT-VALUE}; 1 to " + Lattice.MAX_SIZE + ", at least 3 when periodic)")
    public int size = 8;
    @Option(names = "--t", paramLabel = "T", description = "hopping t, 2π·MHz (default ${DEFAULT-VALUE}; " + Bounds.FREQUENCY_RANGE + ")")
    public double hopping = 6.5;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    public long seed = 1;
    @Option(names = "--realization", description = "realization index (default ${DEFAULT-VALUE}; 0 or more)")
    public long realization = 0;
}
