package dnp.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileLocksTest {
    @TempDir
    Path dir;

    /** Reading the locked file's neighbours, or the lock file itself by path, does not drop the lock. */
    @Test
    void aHeldLockSurvivesReadsAndASecondTakerIsRefusedAfterTheWait() throws Exception {
        Path lockFile = dir.resolve("x.lock");
        String before = System.getProperty(FileLocks.WAIT_PROPERTY);
        System.setProperty(FileLocks.WAIT_PROPERTY, "1");
        try (FileLocks.Held held = FileLocks.acquire(lockFile, "the test lock")) {
            assertTrue(Files.readString(lockFile).startsWith("another dnp run (pid " + ProcessHandle.current().pid()));
            assertTrue(held.isValid());
            long start = System.nanoTime();
            Thread other = new Thread(() -> {
                UserInputException ex = assertThrows(UserInputException.class,
                        () -> FileLocks.acquire(lockFile, "the test lock"));
                assertTrue(ex.getMessage().startsWith("the test lock is in use by another thread of this process "
                        + "(waited 1 s"), ex.getMessage());
            });
            other.start();
            other.join();
            assertTrue(System.nanoTime() - start >= 900_000_000L, "waited about a second");
            assertTrue(held.isValid());
        } finally {
            if (before == null) {
                System.clearProperty(FileLocks.WAIT_PROPERTY);
            } else {
                System.setProperty(FileLocks.WAIT_PROPERTY, before);
            }
        }
        try (FileLocks.Held again = FileLocks.acquire(lockFile, "the test lock")) {
            assertTrue(again.isValid(), "released on close, taken again");
        }
        assertFalse(Files.notExists(lockFile), "lock files stay");
    }
}
