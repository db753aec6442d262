package dnp.sweep;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the running command has saved so far, for the one line printed when a signal (SIGTERM from
 * scancel or a batch system, SIGINT from Ctrl-C) stops the process: a run registers what it saves and
 * how to stop writing; the command line's shutdown hook calls {@link #stopAndDescribe()}.
 */
public final class RunStatus {
    private RunStatus() {}

    /** A registration; closing it ends it. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private record Status(Supplier<String> saved, Runnable stop) {}

    private static final AtomicReference<Status> CURRENT = new AtomicReference<>();

    /**
     * Registers a run: {@code saved} says what is on disk and how to resume; {@code stop} makes the run
     * write nothing more (called first, so that the line it prints is exact and no line is left half written).
     */
    public static Scope running(Supplier<String> saved, Runnable stop) {
        Status status = new Status(saved, stop);
        CURRENT.set(status);
        return () -> CURRENT.compareAndSet(status, null);
    }

    /** Stops the registered run's writing and says what it saved; null when no run is registered. */
    public static String stopAndDescribe() {
        Status status = CURRENT.get();
        if (status == null) {
            return null;
        }
        status.stop().run();
        return status.saved().get();
    }
}
