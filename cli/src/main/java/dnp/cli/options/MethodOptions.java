package dnp.cli.options;

import dnp.kpm.DampingKernel;
import dnp.kpm.Estimator;
import dnp.kpm.VectorSettings;
import dnp.sweep.KpmSpec;
import dnp.sweep.records.Method;
import dnp.sweep.ModelSpec;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Option;

/**
 * How observables are computed: dense diagonalization or the kernel polynomial method and its settings.
 * The KPM options left out take the value of the command's preset ({@link KpmSpec#DEFAULTS} unless a
 * command has its own); the estimator is the one {@code --estimator} names, else the one whose count
 * is given ({@code --sites} or {@code --vectors}), else the preset's.
 */
public final class MethodOptions {
    @Option(names = "--method", paramLabel = "M", description = "dense (exact diagonalization) or kpm "
            + "(kernel polynomial method on the matrix-free stencil, for L = 24–64 and beyond; default ${DEFAULT-VALUE})")
    Method method = ModelSpec.DEFAULTS.method();
    @Option(names = "--moments", paramLabel = "M", description = "kpm: Chebyshev moments (default 3000; 2 to "
            + KpmSpec.MAX_MOMENTS + ", at most " + VectorSettings.MAX_MOMENTS + " with --estimator vectors)")
    Integer moments;
    @Option(names = "--estimator", paramLabel = "E", description = "kpm: how the site sums are estimated: vectors "
            + "(random ±1 vectors on random parts of the lattice, every site at once; the default) or sites "
            + "(S sampled sites, exact with all)")
    Estimator estimator;
    @Option(names = "--vectors", paramLabel = "R", description = "kpm, vectors: random vectors, a multiple of 4 "
            + "(two independent pairs on each of R/4 parts; default 64, more where a part would not fit in memory)")
    Integer vectors;
    @Option(names = "--sites", paramLabel = "S", description = "kpm, sites: sampled sites, 0 for all (default 256)")
    Integer sites;
    @Option(names = "--kernel", paramLabel = "K", description = "kpm: damping kernel, jackson or lorentz (default jackson)")
    DampingKernel kernel;

    /** Options whose --method defaults to {@code method} (a command for which the other is the rare choice). */
    public static MethodOptions defaultingTo(Method method) {
        MethodOptions options = new MethodOptions();
        options.method = method;
        return options;
    }

    /** The method these options name. */
    public Method method() {
        return method;
    }

    /** The KPM settings: each given on the command line, the others from {@code preset}. */
    public KpmSpec kpm(KpmSpec preset) {
        Estimator chosen = estimator != null ? estimator
                : sites != null ? Estimator.SITES : vectors != null ? Estimator.VECTORS : preset.estimator();
        if (chosen == Estimator.SITES && vectors != null) {
            throw new UserInputException("--vectors applies to --estimator vectors, not to the site estimator");
        }
        if (chosen == Estimator.VECTORS && sites != null) {
            throw new UserInputException("--sites applies to --estimator sites, not to the vector estimator");
        }
        return new KpmSpec(moments != null ? moments : preset.moments(), sites != null ? sites : preset.sites(),
                kernel != null ? kernel : preset.kernel(), chosen, vectors != null ? vectors : preset.vectors());
    }

    /** {@code model} computed by the method these options name. */
    public ModelSpec applyTo(ModelSpec model) {
        return model.withMethod(method, kpm(KpmSpec.DEFAULTS));
    }
}
