package dnp.sweep;

import java.util.Locale;

/**
 * How a realization's observables are computed: by dense diagonalization (exact, N² memory, up to
 * L ≈ 32) or by the kernel polynomial method on the matrix-free stencil (kernel-smoothed, O(N) memory,
 * L = 48–64 and beyond). docs/model.md says where the two agree.
 */
public enum Method {
    DENSE, KPM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Method parse(String text) {
        for (Method m : values()) {
            if (m.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new UserInputException("unknown --method '" + text + "': expected dense or kpm");
    }

    @Override
    public String toString() {
        return label();
    }
}
