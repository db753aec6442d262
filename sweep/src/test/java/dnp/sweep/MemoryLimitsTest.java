package dnp.sweep;

import dnp.sweep.records.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory limits of a process, read from fake /proc and /sys trees and a fake SLURM environment. */
class MemoryLimitsTest {
    @TempDir
    Path root;

    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    void host(long memAvailable) throws IOException {
        write("proc/meminfo", "MemTotal:       65536000 kB\nMemAvailable:   " + memAvailable / 1024 + " kB\n");
        write("proc/self/status", "Name:\tjava\nVmRSS:\t  204800 kB\n");
    }

    @Test
    void withoutLimitsMemAvailableCounts() throws IOException {
        host(16 * GIB);
        MemoryLimits m = MemoryLimits.read(root, Map.of());
        assertEquals(16 * GIB, m.bytes());
        assertTrue(m.source().startsWith("MemAvailable of "), m.source());
    }

    @Test
    void cgroupV2LimitLessWhatIsInUseApartFromPageCache() throws IOException {
        host(16 * GIB);
        write("proc/self/mountinfo", "30 22 0:27 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw\n");
        write("proc/self/cgroup", "0::/user.slice/job\n");
        write("sys/fs/cgroup/user.slice/memory.max", "max\n");
        write("sys/fs/cgroup/user.slice/job/memory.max", 2 * GIB + "\n");
        write("sys/fs/cgroup/user.slice/job/memory.current", 512 * MIB + "\n");
        write("sys/fs/cgroup/user.slice/job/memory.stat", "anon 268435456\nfile 268435456\n");
        MemoryLimits m = MemoryLimits.read(root, Map.of());
        assertEquals(2 * GIB - 256 * MIB, m.bytes());
        assertTrue(m.source().startsWith("the cgroup limit (memory.max of " + root.resolve("sys/fs/cgroup/user.slice/job")
                + ": 2.15 GB, 0.27 GB in use)"), m.source());
        // An ancestor's smaller limit is the one that counts.
        write("sys/fs/cgroup/user.slice/memory.max", GIB + "\n");
        write("sys/fs/cgroup/user.slice/memory.current", "0\n");
        assertEquals(GIB, MemoryLimits.read(root, Map.of()).bytes());
    }

    @Test
    void cgroupV1LimitAndItsUnlimitedValue() throws IOException {
        host(16 * GIB);
        write("proc/self/mountinfo", "34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
                + "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n");
        write("proc/self/cgroup", "5:cpu:/\n4:memory:/slurm/uid_0/job_5\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
        write("sys/fs/cgroup/memory/slurm/uid_0/job_5/memory.limit_in_bytes", 3 * GIB + "\n");
        write("sys/fs/cgroup/memory/slurm/uid_0/job_5/memory.usage_in_bytes", GIB + "\n");
        write("sys/fs/cgroup/memory/slurm/uid_0/job_5/memory.stat", "cache 1\ntotal_cache " + 512 * MIB + "\n");
        MemoryLimits m = MemoryLimits.read(root, Map.of());
        assertEquals(3 * GIB - 512 * MIB, m.bytes());
        assertTrue(m.source().contains("memory.limit_in_bytes of " + root.resolve("sys/fs/cgroup/memory/slurm/uid_0/job_5")),
                m.source());
        write("sys/fs/cgroup/memory/slurm/uid_0/job_5/memory.limit_in_bytes", "9223372036854771712\n");
        assertEquals(16 * GIB, MemoryLimits.read(root, Map.of()).bytes(), "v1's 'no limit' is no limit");
    }

    @Test
    void slurmAllocationPerNodeOrPerCpu() throws IOException {
        host(16 * GIB);
        MemoryLimits node = MemoryLimits.read(root, Map.of("SLURM_MEM_PER_NODE", "2000"));
        assertEquals(2000 * MIB - 200 * MIB, node.bytes(), "less this process's resident memory");
        assertTrue(node.source().startsWith("SLURM's allocation (SLURM_MEM_PER_NODE = 2000 MiB: 2.10 GB, 0.21 GB resident"),
                node.source());
        MemoryLimits cpu = MemoryLimits.read(root, Map.of("SLURM_MEM_PER_CPU", "1000", "SLURM_CPUS_PER_TASK", "4",
                "SLURM_CPUS_ON_NODE", "64"));
        assertEquals(4000 * MIB - 200 * MIB, cpu.bytes());
        assertEquals(16 * GIB, MemoryLimits.read(root, Map.of("SLURM_MEM_PER_NODE", "0")).bytes(), "0: the whole node");
    }

    @Test
    void theRefusalGivesBothNumbersAndTheLimit() throws IOException {
        host(16 * GIB);
        write("proc/self/mountinfo", "30 22 0:27 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw\n");
        write("proc/self/cgroup", "0::/\n");
        write("sys/fs/cgroup/memory.max", 2 * GIB + "\n");
        MemoryLimits limits = MemoryLimits.read(root, Map.of());
        UserInputException ex = assertThrows(UserInputException.class, () -> MemoryPlan.check(26, Driver.DSYEVD, 1, limits));
        assertTrue(ex.getMessage().startsWith("L = 26 needs about 7.56 GB for 1 realization(s) at once (")
                && ex.getMessage().contains("but only 2.15 GB is available: the cgroup limit (memory.max of "
                + root.resolve("sys/fs/cgroup")), ex.getMessage());
        MemoryPlan.check(12, Driver.DSYEVD, 1, limits); // fits
    }
}
