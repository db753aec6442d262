package dnp.kernel.model;

import java.util.Locale;

/**
 * The two readings of the paper that change the numbers (docs/model.md#conventions-si-and-paper).
 * Every result records which one produced it.
 */
public enum Convention {
    /**
     * Default. Times enter products T·ω as T[s]·2π·10⁶ (angular frequencies), and P_n follows
     * Eq. 19–20 exactly, with the ISS, polarization-loss and leakage terms.
     */
    SI("si"),
    /**
     * Times enter products T·ω as T[μs] times the paper's 2π·MHz numbers, and P_n follows Eq. 22 as
     * printed (sign chosen so that P_n is positive in the thermal direction). This is an inference
     * from the paper's statements (leakage dominates the denominator, maximum at t ≈ t_c), not a
     * documented choice of its authors.
     */
    PAPER("paper");

    private final String label;

    Convention(String label) {
        this.label = label;
    }

    /** The name used on the command line and in outputs: {@code si} or {@code paper}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Parses {@code si} or {@code paper} (case-insensitive). */
    public static Convention parse(String text) {
        for (Convention c : values()) {
            if (c.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown convention '" + text + "': expected si or paper");
    }
}
