package dnp.nativebindings;

/** A LAPACK routine returned a non-zero {@code info}; the message says what it means. */
public final class LapackException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String routine;
    private final int info;

    public LapackException(String routine, int info, String meaning) {
        super(routine + " returned info = " + info + ": " + meaning);
        this.routine = routine;
        this.info = info;
    }

    public String routine() {
        return routine;
    }

    public int info() {
        return info;
    }
}
