package dnp.cli;

import picocli.CommandLine.Option;

/** Which realization: lattice size, hopping, and the (seed, realization) that fix the disorder. */
final class RealizationOptions {
    @Option(names = "--L", paramLabel = "L", description = "linear lattice size (default ${DEFAULT-VALUE})")
    int size = 8;
    @Option(names = "--t", paramLabel = "T", description = "hopping t, 2π·MHz (default ${DEFAULT-VALUE})")
    double hopping = 6.5;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--realization", description = "realization index (default ${DEFAULT-VALUE})")
    long realization = 0;
}
