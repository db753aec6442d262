package dnp.cli.options;

import dnp.sweep.KpmSpec;
import dnp.sweep.Method;
import dnp.sweep.ModelSpec;
import picocli.CommandLine.Option;

import java.util.function.Predicate;

/** How observables are computed: dense diagonalization or the kernel polynomial method and its settings. */
public final class MethodOptions {
    @Option(names = "--method", paramLabel = "M", description = "dense (exact diagonalization) or kpm "
            + "(kernel polynomial method on the matrix-free stencil, for L = 24–64 and beyond; default ${DEFAULT-VALUE})")
    String method = ModelSpec.DEFAULTS.method().label();
    @Option(names = "--moments", paramLabel = "M", description = "kpm: Chebyshev moments (default ${DEFAULT-VALUE}; 2 to " + KpmSpec.MAX_MOMENTS + ")")
    int moments = KpmSpec.DEFAULTS.moments();
    @Option(names = "--sites", paramLabel = "S", description = "kpm: sampled sites, 0 for all (default ${DEFAULT-VALUE})")
    int sites = KpmSpec.DEFAULTS.sites();
    @Option(names = "--kernel", paramLabel = "K", description = "kpm: damping kernel, jackson or lorentz (default jackson)")
    String kernel = KpmSpec.DEFAULTS.kernel().name().toLowerCase(java.util.Locale.ROOT);

    /** Options whose --method defaults to {@code method} (a command for which the other is the rare choice). */
    public static MethodOptions defaultingTo(Method method) {
        MethodOptions options = new MethodOptions();
        options.method = method.label();
        return options;
    }

    /**
     * The KPM settings of a command whose defaults come from a preset: each setting given on the
     * command line ({@code given} tests an option's name), the others from {@code preset}.
     */
    public KpmSpec kpm(KpmSpec preset, Predicate<String> given) {
        return new KpmSpec(given.test("--moments") ? moments : preset.moments(),
                given.test("--sites") ? sites : preset.sites(),
                given.test("--kernel") ? KpmSpec.parseKernel(kernel) : preset.kernel());
    }

    /** {@code model} computed by the method these options name. */
    public ModelSpec applyTo(ModelSpec model) {
        return model.withMethod(Method.parse(method), new KpmSpec(moments, sites, KpmSpec.parseKernel(kernel)));
    }
}
