package dnp.sweep.records;

import java.util.Locale;

/**
 * The eigen stages a job can name ({@code --driver} and the manifests' {@code "driver"}): the one list of
 * their names. {@code dnp.sweep.ModelSpec#solver} maps each onto the solver that runs it (the two LAPACK
 * ones onto {@code LapackEigenSolver.Routine}); what ran for a record is its {@link EigenStage}.
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

    /** Whether this stage runs in the native LAPACK library (and so uses its threads). */
    public boolean isNative() {
        return this != REFERENCE;
    }

    @Override
    public String toString() {
        return label();
    }
}
