package dnp.nativebindings.lapacke;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where the header classes find their C symbols: the LAPACKE provider that the loader of the package
 * above chose (registered through {@link ServiceLoader}), so that these bindings depend on no other
 * package of the project.
 */
public interface SymbolProvider {
    /** The address of a symbol in the loaded provider, if it exports it. */
    Optional<MemorySegment> find(String name);

    /** The provider, for messages. */
    String description();

    /** The registered provider (the first found). */
    static SymbolProvider loaded() {
        return Holder.INSTANCE;
    }

    /** Loads the registered provider once, on first use. */
    final class Holder {
        private Holder() {}

        static final SymbolProvider INSTANCE = ServiceLoader.load(SymbolProvider.class, SymbolProvider.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no LAPACKE symbol provider is registered"));
    }
}
