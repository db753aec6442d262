package dnp.nativebindings;

import dnp.nativebindings.lapacke.SymbolProvider;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/** Serves the bindings' symbols from the provider {@link NativeLibraries} loaded (registered as a service). */
public final class LoadedSymbols implements SymbolProvider {
    @Override
    public Optional<MemorySegment> find(String name) {
        return NativeLibraries.provider().lookup().find(name);
    }

    @Override
    public String description() {
        return NativeLibraries.provider().description();
    }
}
