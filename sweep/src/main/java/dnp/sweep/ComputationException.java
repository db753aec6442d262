package dnp.sweep;

import dnp.sweep.records.SweepLine;

/**
 * A computation whose inputs were valid gave a result that cannot be stored as one (a P_n that is not a
 * number): printed as one line on stderr, exit code 1, nothing written for it.
 */
public final class ComputationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ComputationException(String message) {
        super(message);
    }

    /** Throws unless every observable {@code record} must hold is finite ({@link SweepLine#nonFinite()}); {@code what} names it. */
    public static void requireFinite(SweepLine record, String what) {
        String bad = record.nonFinite();
        if (bad != null) {
            throw new ComputationException(what + ": " + bad + " is not a finite number (the parameters lie where "
                    + "the model's arithmetic overflows); nothing was written for it");
        }
    }
}
