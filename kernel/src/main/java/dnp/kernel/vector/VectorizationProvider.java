package dnp.kernel.vector;

import java.lang.invoke.MethodHandles;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that decides, once per JVM, whether the SIMD loops of the kernel and of the modules
 * above it run on the Vector API (jdk.incubator.vector) or as plain scalar loops, and that hands out
 * every implementation accordingly (the shape of Apache Lucene's
 * {@code org.apache.lucene.internal.vectorization.VectorizationProvider}): {@link
 * DefaultVectorizationProvider} (scalar) or {@code PanamaVectorizationProvider}, the latter loaded
 * reflectively so that no Vector API class is touched without the module.
 *
 * <p>The Vector API is used where the module is present (run with {@code --add-modules
 * jdk.incubator.vector}) and the CPU has vectors of at least two doubles; otherwise the scalar loops,
 * with a one-line warning that says why. The system property {@value #PROPERTY} = {@code scalar}
 * forces the scalar path without a warning (the test suites run once each way).
 *
 * <p>Families declared in the kernel have a typed method here ({@link #spectralKernels()}, {@link
 * #sturmCounter()}); a family declared in a module above the kernel (the KPM stencil) describes
 * itself as a {@link Family} and gets its implementation from {@link #implementation(Family)}, so that
 * it follows the same decision without a chooser of its own.
 */
public abstract sealed class VectorizationProvider permits DefaultVectorizationProvider, PanamaVectorizationProvider {

    /** {@code scalar} forces the scalar loops; {@code panama} (or unset) prefers the Vector API. */
    public static final String PROPERTY = "dnp.vectorization";

    /**
     * A family of implementations declared outside the kernel: its interface, the class name of its
     * Vector API implementation (loaded only by the Panama provider, through {@code lookup}, which the
     * declaring package passes as {@code MethodHandles.lookup()} so that the class may stay package-private),
     * and its scalar implementation.
     */
    public record Family<T>(Class<T> type, MethodHandles.Lookup lookup, String panamaClass,
                            Supplier<? extends T> scalar) {}

    // Both stateless: one instance of each serves every caller.
    private final SpectralKernels kernels;
    private final SturmCounter sturm;

    VectorizationProvider(SpectralKernels kernels, SturmCounter sturm) {
        this.kernels = kernels;
        this.sturm = sturm;
    }

    /** {@code scalar} or {@code panama(<bits>-bit)}: the name results and logs report. */
    public final String name() {
        return kernels.name();
    }

    /** Bits of the SIMD registers the loops use: 64 (one double) for the scalar path. */
    public final int vectorBits() {
        return kernels.vectorBits();
    }

    /** Whether this is the Vector API provider. */
    public abstract boolean usesVectorApi();

    /** The loops of the observable pass. */
    public final SpectralKernels spectralKernels() {
        return kernels;
    }

    /** The Sturm counter of the Lanczos window's bisection. */
    public final SturmCounter sturmCounter() {
        return sturm;
    }

    /** A new instance of the implementation of {@code family} on this provider's path. */
    public abstract <T> T implementation(Family<T> family);

    /** The provider this JVM uses. */
    public static VectorizationProvider getInstance() {
        return Holder.INSTANCE;
    }

    /** Shortcut for {@code getInstance().spectralKernels()}. */
    public static SpectralKernels kernels() {
        return getInstance().spectralKernels();
    }

    /** Whether the scalar path was asked for explicitly (then using it is not a fault). */
    public static boolean scalarRequested() {
        return "scalar".equals(System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The Vector API provider whatever {@value #PROPERTY} says, where the module and the CPU allow it:
     * for tests that compare both paths and for benchmarks; empty where it cannot run.
     */
    public static Optional<VectorizationProvider> panama() {
        return Holder.PANAMA.provider();
    }

    /** The reason the Vector API cannot run here, or empty where it can. */
    static Optional<String> panamaUnavailable() {
        return Optional.ofNullable(Holder.PANAMA.whyNot());
    }

    /** Either a Panama provider or the reason there is none. */
    private record Lookup(Optional<VectorizationProvider> provider, String whyNot) {
        static Lookup run() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return new Lookup(Optional.empty(),
                        "the Vector API module is not enabled (add --add-modules jdk.incubator.vector)");
            }
            try {
                VectorizationProvider p = (VectorizationProvider) Class
                        .forName("dnp.kernel.vector.PanamaVectorizationProvider")
                        .getDeclaredConstructor().newInstance();
                if (p.vectorBits() < 2 * Double.SIZE) {
                    return new Lookup(Optional.empty(), "this CPU has no SIMD vectors of two or more doubles");
                }
                return new Lookup(Optional.of(p), null);
            } catch (ReflectiveOperationException | LinkageError ex) {
                return new Lookup(Optional.empty(), "the Vector API could not be initialised (" + ex + ")");
            }
        }
    }

    /** Initialised on first use, once per JVM. */
    private static final class Holder {
        static final Lookup PANAMA = Lookup.run();
        static final VectorizationProvider INSTANCE = choose();

        private static VectorizationProvider choose() {
            if (scalarRequested()) {
                return new DefaultVectorizationProvider();
            }
            if (PANAMA.provider().isEmpty()) {
                System.getLogger(VectorizationProvider.class.getName()).log(System.Logger.Level.WARNING,
                        "Java Vector API not used: " + PANAMA.whyNot() + "; falling back to scalar loops");
                return new DefaultVectorizationProvider();
            }
            return PANAMA.provider().get();
        }
    }
}
