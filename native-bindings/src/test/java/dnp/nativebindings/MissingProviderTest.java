package dnp.nativebindings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs in its own fork with {@code -Ddnp.lapacke.library} naming a file that does not exist. */
class MissingProviderTest {

    @Test
    void failureIsOneLineNamingEveryPlaceTried() {
        assertFalse(NativeLibraries.isLoadable());
        IllegalStateException ex = assertThrows(IllegalStateException.class, NativeLibraries::provider);
        String message = ex.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("/nonexistent/liblapacke-missing.so"), message);
        assertTrue(message.contains(NativeLibraries.LIBRARY_PROPERTY), message);
        // Later calls fail the same way rather than retrying or loading something else.
        assertThrows(IllegalStateException.class, NativeLibraries::provider);
    }
}
