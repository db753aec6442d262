package dnp.cli.options;

import dnp.kernel.model.Bounds;
import dnp.kernel.model.Lattice;
import dnp.sweep.ModelSpec;
import dnp.sweep.SweepSpec;
import dnp.sweep.records.Method;
import dnp.sweep.records.SweepParameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options that define a sweep (shared by {@code dnp sweep} and {@code dnp slurm}). */
public final class SweepOptions {
    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes, e.g. 8,10 or 8:12:2 (default ${DEFAULT-VALUE}; each 1 to " + Lattice.MAX_SIZE + ")")
    Converters.Sizes sizes = Converters.Sizes.of(8);
    @Option(names = "--t", paramLabel = "LIST", required = true,
            description = "hoppings t (2π·MHz): a list 1,2,5 and/or start:stop:step ranges (each " + Bounds.FREQUENCY_RANGE + ")")
    Converters.Values hoppings;
    @Option(names = "--realizations", paramLabel = "N", description = "disorder realizations per (L, t) (default ${DEFAULT-VALUE}; at least 1, and L values × t values × "
            + "realizations at most " + SweepSpec.MAX_REALIZATIONS + ")")
    int realizations = 10;
    @Option(names = "--first-realization", paramLabel = "K", description = "index of the first realization (default ${DEFAULT-VALUE}; 0 or more, the last index at most "
            + Integer.MAX_VALUE + ")")
    int firstRealization = 0;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
    public Path out;
    @Option(names = "--parallel", paramLabel = "P", description = "realizations at once (default: chosen from L and cores)")
    public Integer parallel;
    @Option(names = "--blas-threads", paramLabel = "B", description = "BLAS threads per realization (default: cores / parallel)")
    public Integer blasThreads;
    @Option(names = "--moment-cache", paramLabel = "DIR", description = "kpm: folder of the moment files "
            + "(default OUT/moments); sweeps of the same realizations with other frequencies, times, temperature or "
            + "convention reuse them")
    public Path momentCache;
    @Option(names = "--site-parts", paramLabel = "K", description = "kpm: divide each realization's sites (and trace "
            + "vectors) into K parts, each a unit of work that shards and job-array tasks share; a realization is "
            + "evaluated once all its parts exist (default ${DEFAULT-VALUE}: undivided)")
    public int siteParts = 1;
    @Mixin
    ModelOptions model;

    /** The sweep these options describe; throws with the option's name when a value is invalid. */
    public SweepSpec spec() {
        return new SweepSpec(sizes.values(), hoppings.values(), realizations, firstRealization, seed,
                model.spec());
    }

    /**
     * Command-line arguments that reproduce exactly this sweep (every parameter spelled out, so
     * that every shard writes the same manifest), without --out, --shard and thread options.
     */
    public static List<String> arguments(SweepSpec spec) {
        return arguments(spec, 1);
    }

    /** As {@link #arguments(SweepSpec)}, with {@code --site-parts K} when K &gt; 1. */
    public static List<String> arguments(SweepSpec spec, int siteParts) {
        List<String> args = new ArrayList<>();
        args.add("--L");
        args.add(join(spec.sizes()));
        args.add("--t");
        args.add(join(spec.hoppings()));
        args.addAll(List.of("--realizations", String.valueOf(spec.realizations()), "--first-realization",
                String.valueOf(spec.firstRealization()), "--seed", String.valueOf(spec.seed())));
        ModelSpec model = spec.model();
        SweepParameters p = spec.parameters();
        Object[][] flags = {{"--w", p.w()}, {"--bc", p.boundary()}, {"--convention", p.convention()},
                {"--driver", p.driver()}, {"--t1e", p.t1e()}, {"--t2e", p.t2e()}, {"--omega1", p.omega1()},
                {"--t1n", p.t1n()}, {"--t2n", p.t2n()}, {"--a0", p.a0()}, {"--bath-temperature", p.bathTemperature()},
                {"--omega-e", p.omegaE()}, {"--nuclear-ratio", p.nuclearRatio()}, {"--bin-width", p.binWidth()},
                {"--max-omega", p.maxOmega()}, {"--energy-bins", p.energyBins()}, {"--gap-fraction", p.gapFraction()}};
        for (Object[] flag : flags) {
            args.add((String) flag[0]);
            args.add(String.valueOf(flag[1]));
        }
        args.add("--omega-n");
        args.add(join(model.omegaN()));
        args.add("--omega-mw");
        args.add(join(model.omegaMW()));
        if (model.method() == Method.KPM) {
            var kpm = model.kpm();
            boolean sites = kpm.estimator() == dnp.kpm.Estimator.SITES;
            args.addAll(List.of("--method", "kpm", "--moments", String.valueOf(kpm.moments()), "--estimator",
                    kpm.estimator().label(), sites ? "--sites" : "--vectors",
                    String.valueOf(sites ? kpm.sites() : kpm.vectors()), "--kernel", Converters.label(kpm.kernel())));
            if (siteParts > 1) {
                args.addAll(List.of("--site-parts", String.valueOf(siteParts)));
            }
        }
        if (model.analysis().sampledGoe()) {
            args.add("--sampled-goe");
        }
        if (model.analysis().siteDistribution()) {
            args.add("--site-distribution");
        }
        return args;
    }

    private static String join(List<? extends Number> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
