package dnp.nativebindings;

import dnp.nativebindings.lapacke.NativeTypes;
import dnp.nativebindings.lapacke.cblas_h;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/**
 * A loaded LAPACKE provider: where it came from and how to find its symbols.
 *
 * @param kind        bundled OpenBLAS or a user-named library
 * @param description one line naming the provider and its files
 * @param lookup      symbol lookup over the provider's libraries
 */
public record Provider(Kind kind, String description, SymbolLookup lookup) {

    /** Where a provider came from. */
    public enum Kind { BUNDLED, USER }

    /** Whether the provider is OpenBLAS (exports the openblas_* control functions). */
    public boolean isOpenBlas() {
        return lookup.find("openblas_get_config").isPresent();
    }

    /** {@code openblas_get_config()}, or "n/a" for other providers. */
    public String openBlasConfig() {
        return isOpenBlas() ? cString(cblas_h.openblas_get_config()) : "n/a";
    }

    /** {@code openblas_get_corename()}, or "n/a" for other providers. */
    public String openBlasCoreName() {
        return NativeTypes.isAvailable("openblas_get_corename") ? cString(cblas_h.openblas_get_corename()) : "n/a";
    }

    /** BLAS threads, or -1 where the provider cannot say. */
    public int threads() {
        return NativeTypes.isAvailable("openblas_get_num_threads") ? cblas_h.openblas_get_num_threads() : -1;
    }

    /**
     * Sets the BLAS thread count where the provider allows it (OpenBLAS); returns whether it did.
     * The setting is process-wide.
     */
    public boolean setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("BLAS threads must be at least 1, got " + threads);
        }
        if (!NativeTypes.isAvailable("openblas_set_num_threads")) {
            return false;
        }
        cblas_h.openblas_set_num_threads(threads);
        return true;
    }

    private static String cString(MemorySegment s) {
        return s.equals(MemorySegment.NULL) ? "" : s.getString(0).trim();
    }
}
