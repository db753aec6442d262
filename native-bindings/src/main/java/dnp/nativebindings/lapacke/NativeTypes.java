package dnp.nativebindings.lapacke;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** C type layouts and symbol resolution shared by the generated-shape header classes. */
public final class NativeTypes {
    private NativeTypes() {}

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(java.lang.foreign.MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE));

    private static final Linker LINKER = Linker.nativeLinker();

    /** Address of {@code name} in the loaded provider, or an error naming the symbol and the provider. */
    public static MemorySegment findOrThrow(String name) {
        SymbolProvider provider = SymbolProvider.loaded();
        return provider.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "symbol " + name + " not found in LAPACKE provider " + provider.description()));
    }

    /** Whether the loaded provider exports {@code name} (e.g. the openblas_* functions are OpenBLAS only). */
    public static boolean isAvailable(String name) {
        return SymbolProvider.loaded().find(name).isPresent();
    }

    static MethodHandle downcall(MemorySegment address, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address, descriptor);
    }

    static RuntimeException rethrow(Throwable ex) {
        if (ex instanceof RuntimeException re) {
            return re;
        }
        if (ex instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("unexpected checked exception from a native call", ex);
    }
}
