package dnp.cli;

import dnp.cli.options.Converters;
import dnp.sweep.ComputationException;
import dnp.sweep.IoMessages;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.RunStatus;
import dnp.sweep.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code dnp} command line. Exit codes: 0 success, 2 bad input (one line on stderr naming the
 * problem), 3 no LAPACKE provider could be loaded, 1 any other failure. Set DNP_DEBUG=1 for stack traces.
 */
@Command(name = "dnp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Exactly solvable model for dynamic nuclear polarization (PRB 98, 224202): "
                + "free fermions on the 3D Anderson lattice hyperpolarizing nuclear spins.",
        subcommands = {InfoCommand.class, EigenCommand.class, SingleCommand.class, SweepCommand.class,
                SummarizeCommand.class, FigureCommand.class, SlurmCommand.class, TransitionCommand.class,
                MultifractalCommand.class, EthCommand.class, CriticalCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static final int BAD_INPUT = 2;
    static final int NO_PROVIDER = 3;
    static final int FAILURE = 1;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Set once the command has returned: the shutdown hook then has nothing to say. */
    private static volatile boolean finished;

    public static void main(String[] args) {
        // SIGTERM (scancel, a batch system's time limit) and SIGINT (Ctrl-C) run shutdown hooks: say what is
        // saved and how to resume, in one line, after the running sweep stopped writing.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                String saved = RunStatus.stopAndDescribe();
                System.err.println("dnp: stopped by a signal: " + (saved != null ? saved
                        : "nothing was being written; finished outputs are kept"));
                System.err.flush();
            }
        }, "dnp-signal"));
        int code = execute(args);
        finished = true;
        System.exit(code);
    }

    /** Runs one command line and returns its exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.err, true), args);
    }

    /** Runs one command line with errors going to {@code err} (tests run it in-process). */
    static int execute(PrintWriter err, String... args) {
        ProvenanceCollector.commandLine(List.of(args));
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(cli);
        cli.setParameterExceptionHandler((ex, argv) -> {
            String message = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
            error(ex.getCommandLine().getErr(), message);
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter out = commandLine.getErr();
            if (System.getenv("DNP_DEBUG") != null) {
                ex.printStackTrace(out);
            }
            if (ex instanceof ComputationException) {
                error(out, ex.getMessage());
                return FAILURE;
            }
            if (ex instanceof UserInputException || ex instanceof IllegalArgumentException) {
                error(out, ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof IllegalStateException && ex.getMessage() != null
                    && ex.getMessage().startsWith("no LAPACKE library")) {
                error(out, ex.getMessage());
                return NO_PROVIDER;
            }
            if (ex instanceof tools.jackson.core.JacksonException json) {
                // Every document is read through Documents, which names its file; this is the last net.
                error(out, "unreadable JSON: " + dnp.sweep.records.Documents.reason(json));
                return FAILURE;
            }
            if (ex instanceof UncheckedIOException io) {
                error(out, IoMessages.describe(io.getCause()));
                return FAILURE;
            }
            if (ex instanceof java.io.IOException io) {
                error(out, IoMessages.describe(io));
                return FAILURE;
            }
            // Unexpected: say what failed in words; DNP_DEBUG=1 shows the stack trace.
            error(out, "internal error: " + (ex.getMessage() != null ? ex.getMessage() : "no message")
                    + " (set DNP_DEBUG=1 for details)");
            return FAILURE;
        });
        return cli.execute(args);
    }

    private static void error(PrintWriter err, String message) {
        String line = message == null ? "unknown error" : message.replace('\n', ' ').replace('\r', ' ');
        err.println("dnp: " + line);
        err.flush();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"dnp " + ProvenanceCollector.version() + " (" + ProvenanceCollector.commit() + ")"};
        }
    }
}
