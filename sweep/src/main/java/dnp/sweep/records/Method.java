package dnp.sweep.records;

import java.util.Locale;

/**
 * How the results of a sweep are computed: by dense diagonalization (exact, N² memory, up to
 * L ≈ 32) or by the kernel polynomial method on the matrix-free stencil (kernel-smoothed, O(N) memory,
 * L = 48–64 and beyond). docs/model.md says where the two agree. {@code dnp transition} can also take
 * the levels of an energy window from Lanczos recursions on the stencil ({@link #LANCZOS}: eigenvalues
 * only, no N² matrix), which no other command offers. In files and on the command line each is its
 * lower-case name.
 */
public enum Method {
    DENSE, KPM, LANCZOS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
