package dnp.sweep;

/** A user error: printed as one line on stderr, exit code 2, never a stack trace. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
