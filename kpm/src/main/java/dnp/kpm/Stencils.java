package dnp.kpm;

import dnp.kernel.vector.VectorizationProvider;

/**
 * Chooses the {@link BlockStencil} once per JVM, like the kernel's {@link VectorizationProvider}
 * and with its switch: the Vector API implementation where {@code jdk.incubator.vector} is present
 * and the CPU has vectors of at least two doubles, otherwise the scalar loops with a one-line
 * warning; the system property {@code dnp.vectorization=scalar} forces the scalar path.
 */
public final class Stencils {
    private Stencils() {}

    private static final BlockStencil INSTANCE = choose();
    private static final SturmCounter STURM = INSTANCE instanceof ScalarBlockStencil ? new ScalarSturmCounter()
            : java.util.Objects.requireNonNullElseGet(panamaSturmOrNull(), ScalarSturmCounter::new);

    /** The stencil this JVM uses. */
    public static BlockStencil preferred() {
        return INSTANCE;
    }

    /** The Sturm counter of {@link LanczosWindow}: Vector API or scalar, as the stencil. */
    static SturmCounter sturmCounter() {
        return STURM;
    }

    /** The Vector API Sturm counter, or null where the module is absent. */
    static SturmCounter panamaSturmOrNull() {
        return panamaOrNull("dnp.kpm.PanamaSturmCounter", SturmCounter.class);
    }

    /** The Vector API stencil, or null where the module is absent (for tests and benchmarks). */
    public static BlockStencil panamaOrNull() {
        return panamaOrNull("dnp.kpm.PanamaBlockStencil", BlockStencil.class);
    }

    /** An instance of a Vector API class, loaded only where jdk.incubator.vector is present; else null. */
    private static <T> T panamaOrNull(String className, Class<T> type) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError ex) {
            return null;
        }
    }

    private static BlockStencil choose() {
        if (VectorizationProvider.scalarRequested()) {
            return new ScalarBlockStencil();
        }
        BlockStencil panama = panamaOrNull();
        if (panama == null) {
            warn("the Vector API module is not enabled or could not be initialised (add --add-modules jdk.incubator.vector)");
            return new ScalarBlockStencil();
        }
        if (jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length() < 2) {
            warn("this CPU has no SIMD vectors of two or more doubles");
            return new ScalarBlockStencil();
        }
        return panama;
    }

    private static void warn(String why) {
        System.getLogger(Stencils.class.getName()).log(System.Logger.Level.WARNING,
                "Java Vector API not used by the KPM stencil: " + why + "; falling back to scalar loops");
    }
}
