package dnp.kernel.model;

import java.util.Locale;

/** Boundary conditions of the cubic lattice. */
public enum BoundaryCondition {
    PERIODIC("periodic"),
    OPEN("open");

    private final String label;

    BoundaryCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    public static BoundaryCondition parse(String text) {
        for (BoundaryCondition b : values()) {
            if (b.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown boundary condition '" + text + "': expected periodic or open");
    }
}
