package dnp.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive sections guarded by a lock file, between processes (an OS file lock, as the shard files
 * of {@link SweepStore} use) and between threads of this process (the OS lock belongs to the whole
 * process, which may not take it twice).
 */
final class FileLocks {
    private FileLocks() {}

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** Work that may fail with an {@link IOException}. */
    interface IoAction<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} while holding the lock of {@code lockFile} (created if needed), waiting for it as long as it takes. */
    static <T> T exclusive(Path lockFile, IoAction<T> action) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return action.run();
        } finally {
            local.unlock();
        }
    }
}
