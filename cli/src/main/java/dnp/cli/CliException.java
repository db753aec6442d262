package dnp.cli;

/** A user error: printed as one line on stderr, exit code 2, never a stack trace. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
