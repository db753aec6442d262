package dnp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real process in a memory cgroup limited to 2 GB (as SLURM's --mem sets one): dnp single --L 26
 * (7.6 GB with dsyevd) is refused with both numbers and the limit, before anything is allocated,
 * instead of being killed without a word. Needs a memory cgroup this process may create (cgroup v1's
 * memory controller, or v2 with the memory controller delegated); elsewhere skipped with the reason.
 */
class CgroupLimitTest {
    @TempDir
    Path dir;

    static final long LIMIT = 2_000_000_000L;

    /** A new child of this process's memory cgroup with a limit, or null and the reason in {@code why[0]}. */
    static Path limitedCgroup(String[] why) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] f = line.split(":", 3);
                Path parent = null;
                String limitFile = null;
                if (List.of(f[1].split(",")).contains("memory")) {
                    parent = Path.of("/sys/fs/cgroup/memory" + f[2]);
                    limitFile = "memory.limit_in_bytes";
                } else if (f[0].equals("0") && f[1].isEmpty() && Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
                    parent = Path.of("/sys/fs/cgroup" + f[2]);
                    if (!Files.readString(parent.resolve("cgroup.subtree_control")).contains("memory")) {
                        why[0] = "cgroup v2 without the memory controller delegated to " + parent;
                        continue;
                    }
                    limitFile = "memory.max";
                }
                if (parent == null) {
                    continue;
                }
                if (!Files.isWritable(parent)) {
                    why[0] = parent + " is not writable";
                    continue;
                }
                Path child = parent.resolve("dnp-test-" + ProcessHandle.current().pid());
                try {
                    Files.createDirectory(child);
                    Files.writeString(child.resolve(limitFile), Long.toString(LIMIT));
                    return child;
                } catch (IOException ex) {
                    why[0] = "cannot create a limited cgroup under " + parent + ": " + ex.getMessage();
                    Files.deleteIfExists(child);
                }
            }
        } catch (IOException | RuntimeException ex) {
            why[0] = "no memory cgroup to read: " + ex.getMessage();
        }
        if (why[0] == null) {
            why[0] = "this process is in no memory cgroup";
        }
        return null;
    }

    @Test
    void aRunOverItsCgroupLimitIsRefusedWithTheNumbers() throws Exception {
        String[] why = new String[1];
        Path cgroup = limitedCgroup(why);
        assumeTrue(cgroup != null, "cgroup-limited run skipped: " + why[0]);
        try {
            // The shell enters the cgroup, then becomes the JVM: the whole dnp process runs under the limit.
            SweepFolderIntegrityTest.Finished run = SweepFolderIntegrityTest.runWrapped(List.of("sh", "-c",
                    "echo $$ > \"$0\" && exec \"$@\"", cgroup.resolve("cgroup.procs").toString()), dir.resolve("log"),
                    List.of("single", "--L", "26"));
            assertEquals(Main.BAD_INPUT, run.code(), run.output());
            assertTrue(run.last().startsWith("dnp: L = 26 needs about 7.56 GB for 1 realization(s) at once")
                    && run.last().contains("is available: the cgroup limit (")
                    && run.last().contains(cgroup + ": 2.00 GB"), run.output());
        } finally {
            Files.deleteIfExists(cgroup); // rmdir of an empty cgroup
        }
    }
}
