package dnp.sweep.records;

import java.util.Locale;

/**
 * What produced the levels or eigenpairs of a record, as it actually ran: a LAPACK routine (dsyevd_2stage is
 * the one eigenvalues alone take from a size on, whatever {@code --driver} says), the pure-Java reference
 * solver, the KPM stencil, or the Lanczos recursions of an energy window. Written as its lower-case name.
 */
public enum EigenStage {
    DSYEVD, DSYEVD_2STAGE, DSYEVR, REFERENCE, STENCIL, LANCZOS;

    /** The stage of the name an eigen solver reports ({@code EigenSolver.name()}, {@code valuesRoutine}). */
    public static EigenStage named(String name) {
        for (EigenStage s : values()) {
            if (s.label().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("no eigen stage is called '" + name + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
