package dnp.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Exclusive locks between processes, each on a lock file of its own that holds nothing else.
 *
 * <p>The discipline, and why: an OS file lock (POSIX {@code fcntl}, what {@link FileChannel#lock} takes on
 * Linux, also over NFS) belongs to the whole process, and the process loses it as soon as it closes
 * <em>any</em> descriptor of that file, even one opened only to read. So a lock is never taken on a file
 * that is also read or written: each lock has its own lock file; a process opens a lock file on one
 * channel only, keeps that channel open for as long as it holds the lock, and no other code opens lock
 * files. Threads of one process are kept apart by a semaphore per lock file taken before the file is
 * opened (the OS lock cannot tell them apart, and a second channel would break the rule above). Lock
 * files are never deleted: a process waiting on a deleted file would lock a name nobody else uses.
 *
 * <p>A second writer waits a bounded time ({@link #waitSeconds()}, the system property
 * {@value #WAIT_PROPERTY}, default {@value #DEFAULT_WAIT_SECONDS} s: a requeued SLURM task may start while
 * its predecessor is still being killed) for one holder, and then refuses with one line naming what is
 * locked and by whom; the holder writes its process id, host and start time into the lock file for that
 * message, and a lock that changes hands meanwhile starts the wait afresh (short sections that many
 * tasks take in turn, as the combine step, are progress, not a stuck writer).
 */
public final class FileLocks {
    private FileLocks() {}

    /** System property with the seconds a second writer waits for a lock before it refuses. */
    public static final String WAIT_PROPERTY = "dnp.lockWaitSeconds";
    static final long DEFAULT_WAIT_SECONDS = 60;
    private static final long POLL_MILLIS = 200;

    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    /** Work that may fail with an {@link IOException}. */
    interface IoAction<T> {
        T run() throws IOException;
    }

    /** A lock held by this process; {@link #close()} releases it. */
    public static final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final Semaphore local;
        private boolean released;

        private Held(FileChannel channel, FileLock lock, Semaphore local) {
            this.channel = channel;
            this.lock = lock;
            this.local = local;
        }

        /** Whether the OS still reports this lock as valid (for tests). */
        public boolean isValid() {
            return lock.isValid();
        }

        @Override
        public synchronized void close() throws IOException {
            if (released) {
                return;
            }
            released = true;
            try {
                lock.release();
                channel.close();
            } finally {
                local.release();
            }
        }
    }

    /** Seconds a second writer waits for a lock: {@value #WAIT_PROPERTY}, default {@value #DEFAULT_WAIT_SECONDS}. */
    public static long waitSeconds() {
        String text = System.getProperty(WAIT_PROPERTY);
        if (text == null) {
            return DEFAULT_WAIT_SECONDS;
        }
        try {
            long seconds = dnp.kernel.model.Numbers.parseLong(text);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UserInputException("-D" + WAIT_PROPERTY + " must be a whole number of seconds ≥ 0, got '" + text + "'");
    }

    /**
     * Takes the lock of {@code lockFile} (created if needed), waiting up to {@link #waitSeconds()} for
     * another process or thread to release it; then refuses with a {@link UserInputException} that says
     * who holds {@code what} (e.g. "shard 1/4 of runs/a").
     */
    public static Held acquire(Path lockFile, String what) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        long waitNanos = TimeUnit.SECONDS.toNanos(waitSeconds());
        long deadline = System.nanoTime() + waitNanos;
        Semaphore local = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
        try {
            if (!local.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw refused(what, "another thread of this process", waitNanos);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while waiting for the lock of " + what);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            String lastHolder = null;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException ex) {
                    // Only reachable if code outside this class locked the file in this JVM: a bug, not a wait.
                    throw new IllegalStateException(key + " is locked twice in one process", ex);
                }
                if (lock != null) {
                    writeHolder(channel);
                    Held held = new Held(channel, lock, local);
                    channel = null;
                    return held;
                }
                String holder = holder(channel);
                if (!holder.equals(lastHolder)) {
                    // The wait is per holder: a lock that changes hands (the combine step of many tasks) is progress.
                    if (lastHolder == null && waitNanos > TimeUnit.SECONDS.toNanos(1)) {
                        System.err.println("dnp: " + what + " is in use by " + holder + "; waiting up to "
                                + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s for it");
                    }
                    lastHolder = holder;
                    deadline = System.nanoTime() + waitNanos;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw refused(what, holder, waitNanos);
                }
                try {
                    Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new UserInputException("interrupted while waiting for the lock of " + what);
                }
            }
        } finally {
            if (channel != null) {
                // This process holds no lock on the file: closing the channel releases nothing.
                channel.close();
                local.release();
            }
        }
    }

    /** Runs {@code action} while holding the lock of {@code lockFile}, as {@link #acquire} takes it. */
    static <T> T exclusive(Path lockFile, String what, IoAction<T> action) throws IOException {
        try (Held ignored = acquire(lockFile, what)) {
            return action.run();
        }
    }

    private static UserInputException refused(String what, String holder, long waitNanos) {
        return new UserInputException(what + " is in use by " + holder + " (waited "
                + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s, -D" + WAIT_PROPERTY + "): let that run finish or "
                + "stop it, then run this command again; it resumes where the other stopped");
    }

    /** Records who holds the lock, through the channel that holds it (no second descriptor). */
    private static void writeHolder(FileChannel channel) throws IOException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException ex) {
            host = "unknown host";
        }
        String text = "another dnp run (pid " + ProcessHandle.current().pid() + " on " + host + ", since "
                + Instant.now().truncatedTo(ChronoUnit.MILLIS) + ")\n";
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(false);
    }

    /** Who holds the lock, as its holder wrote it, read through the waiter's own channel. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int n = channel.read(buffer, 0);
            String text = n > 0 ? new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip() : "";
            return text.isEmpty() || text.contains("\n") ? "another dnp run" : text;
        } catch (IOException ex) {
            return "another dnp run";
        }
    }
}
