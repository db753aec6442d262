package dnp.nativebindings;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs in its own fork with {@code -Ddnp.lapacke.library=liblapacke.so.3:libopenblas.so.0}
 * (Debian's packages liblapacke and libopenblas0-pthread, which .ci/run installs).
 */
class SystemProviderTest {

    @Test
    void userNamedProviderIsLoadedAndUsed() {
        assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/liblapacke.so.3")),
                "Debian's liblapacke is not installed (apt-get install liblapacke libopenblas0-pthread)");
        Provider p = NativeLibraries.provider();
        assertEquals(Provider.Kind.USER, p.kind(), p.description());
        assertTrue(p.description().contains("liblapacke.so.3"), p.description());
        assertTrue(p.isOpenBlas(), "Debian's libopenblas.so.0 exports openblas_get_config");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);
            MemorySegment w = arena.allocate(ValueLayout.JAVA_DOUBLE, 2);
            MemorySegment.copy(new double[]{2, 1, 1, 2}, 0, a, ValueLayout.JAVA_DOUBLE, 0, 4);
            Lapack.dsyevd(Lapack.Job.VECTORS, 2, a, 2, w);
            assertEquals(1.0, w.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), 1e-14);
            assertEquals(3.0, w.getAtIndex(ValueLayout.JAVA_DOUBLE, 1), 1e-14);
        }
    }
}
