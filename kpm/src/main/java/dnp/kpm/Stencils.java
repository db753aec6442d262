package dnp.kpm;

import dnp.kernel.vector.VectorizationProvider;

import java.lang.invoke.MethodHandles;

/**
 * The {@link BlockStencil} of this JVM, as the kernel's {@link VectorizationProvider} hands it out:
 * the Vector API implementation on the Panama path, the scalar loops otherwise (the provider decides
 * once, for every SIMD family, and warns once when it falls back).
 */
public final class Stencils {
    private Stencils() {}

    /** The stencil family: its Vector API class is loaded only by the Panama provider. */
    static final VectorizationProvider.Family<BlockStencil> FAMILY = new VectorizationProvider.Family<>(
            BlockStencil.class, MethodHandles.lookup(), "dnp.kpm.PanamaBlockStencil", ScalarBlockStencil::new);

    private static final BlockStencil INSTANCE = VectorizationProvider.getInstance().implementation(FAMILY);

    /** The stencil this JVM uses. */
    public static BlockStencil preferred() {
        return INSTANCE;
    }

    /** The Vector API stencil whatever {@code dnp.vectorization} says, or null where it cannot run (for tests and benchmarks). */
    public static BlockStencil panamaOrNull() {
        return VectorizationProvider.panama().map(p -> p.implementation(FAMILY)).orElse(null);
    }
}
