package dnp.kernel.vector;

import java.util.Locale;

/**
 * Chooses the {@link SpectralKernels} once per JVM: the Vector API implementation where the
 * incubator module {@code jdk.incubator.vector} is present (run with
 * {@code --add-modules jdk.incubator.vector}) and the CPU has vectors of at least two doubles;
 * otherwise the scalar loops, with a one-line warning. The system property
 * {@value #PROPERTY} = {@code scalar} forces the scalar path (tests run both).
 */
public final class VectorizationProvider {
    private VectorizationProvider() {}

    /** {@code scalar} forces the scalar kernels; {@code panama} (or unset) prefers the Vector API. */
    public static final String PROPERTY = "dnp.vectorization";

    private static final SpectralKernels INSTANCE = choose();

    /** The kernels this JVM uses. */
    public static SpectralKernels kernels() {
        return INSTANCE;
    }

    /** Whether the scalar path was asked for explicitly (then falling back is not a fault). */
    public static boolean scalarRequested() {
        return "scalar".equals(System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT));
    }

    private static SpectralKernels choose() {
        if (scalarRequested()) {
            return new ScalarSpectralKernels();
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            warn("the Vector API module is not enabled (add --add-modules jdk.incubator.vector)");
            return new ScalarSpectralKernels();
        }
        try {
            // Loaded reflectively so that nothing touches jdk.incubator.vector classes without the module.
            Class<?> panama = Class.forName("dnp.kernel.vector.PanamaSpectralKernels");
            SpectralKernels kernels = (SpectralKernels) panama.getDeclaredConstructor().newInstance();
            int bits = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
            if (bits < 128) {
                warn("this CPU has no SIMD vectors of two or more doubles");
                return new ScalarSpectralKernels();
            }
            return kernels;
        } catch (ReflectiveOperationException | LinkageError ex) {
            warn("the Vector API could not be initialised (" + ex + ")");
            return new ScalarSpectralKernels();
        }
    }

    private static void warn(String why) {
        System.getLogger(VectorizationProvider.class.getName()).log(System.Logger.Level.WARNING,
                "Java Vector API not used: " + why + "; falling back to scalar loops");
    }
}
