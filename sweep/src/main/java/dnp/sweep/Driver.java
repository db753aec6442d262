package dnp.sweep;

import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.reference.ReferenceEigenSolver;

import java.util.Arrays;
import java.util.Locale;

/**
 * The eigen stages a job can name ({@code --driver} and the records' {@code "driver"}): the one list of
 * their names. The two LAPACK ones map onto {@link LapackEigenSolver.Routine}, the routine itself.
 */
public enum Driver {
    /** LAPACK divide and conquer: the default; eigenvectors in place. */
    DSYEVD,
    /** LAPACK relatively robust representations: O(N) workspace, needed from L = 32 with 32-bit LAPACK. */
    DSYEVR,
    /** The pure-Java Householder + QL solver of the reference module: slow, for checks. */
    REFERENCE;

    public static final Driver DEFAULT = DSYEVD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "dsyevd, dsyevr or reference". */
    public static String choices() {
        String[] labels = Arrays.stream(values()).map(Driver::label).toArray(String[]::new);
        return String.join(", ", Arrays.copyOf(labels, labels.length - 1)) + " or " + labels[labels.length - 1];
    }

    public static Driver parse(String text) {
        for (Driver d : values()) {
            if (d.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new UserInputException("unknown --driver '" + text + "': expected " + choices());
    }

    /** Whether this stage runs in the native LAPACK library (and so uses its threads). */
    public boolean isNative() {
        return this != REFERENCE;
    }

    public EigenSolver solver() {
        return switch (this) {
            case DSYEVD -> new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD);
            case DSYEVR -> new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR);
            case REFERENCE -> new ReferenceEigenSolver();
        };
    }

    @Override
    public String toString() {
        return label();
    }

}
