package dnp.sweep;

import dnp.kernel.model.Numbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much more memory this process may take, and what limits it: the least of
 * <ul>
 *   <li>the host's MemAvailable ({@code /proc/meminfo});</li>
 *   <li>the memory cgroup of the process, v2 ({@code memory.max}) and v1 ({@code memory.limit_in_bytes}),
 *       of its own cgroup and of every ancestor up to the mount point, less what each already uses
 *       ({@code memory.current} / {@code memory.usage_in_bytes}) apart from the page cache the kernel can
 *       reclaim (the {@code file} / {@code total_cache} entries of {@code memory.stat}): what SLURM's
 *       {@code --mem}, systemd and most login nodes enforce, and what kills a process without a word;</li>
 *   <li>SLURM's allocation, {@code SLURM_MEM_PER_NODE} or {@code SLURM_MEM_PER_CPU} × the task's CPUs
 *       ({@code SLURM_CPUS_PER_TASK}, else {@code SLURM_CPUS_ON_NODE}, else 1), in MiB, less this
 *       process's resident memory (where a cluster does not enforce it through a cgroup, it still
 *       cancels jobs that exceed it).</li>
 * </ul>
 * Files are read under a root folder, so that tests can give fake ones.
 *
 * @param bytes  memory still available to this process
 * @param source what limits it, in words with the numbers ("the cgroup limit (memory.max of …)")
 */
public record MemoryLimits(long bytes, String source) {

    /** v1 reports "no limit" as a page-rounded 2^63 − 1; anything this large is no limit. */
    private static final long UNLIMITED = 1L << 60;
    private static final long MIB = 1024L * 1024;

    /** The limits of this process on this machine. */
    public static MemoryLimits current() {
        return read(Path.of("/"), System.getenv());
    }

    /** The limits as seen through the files under {@code root} and the environment {@code env}. */
    public static MemoryLimits read(Path root, Map<String, String> env) {
        List<MemoryLimits> found = new ArrayList<>();
        Long memAvailable = meminfo(root.resolve("proc/meminfo"), "MemAvailable:");
        if (memAvailable != null) {
            found.add(new MemoryLimits(memAvailable, "MemAvailable of " + root.resolve("proc/meminfo")));
        }
        found.addAll(cgroups(root));
        MemoryLimits slurm = slurm(root, env);
        if (slurm != null) {
            found.add(slurm);
        }
        if (found.isEmpty()) {
            long heap = Runtime.getRuntime().maxMemory();
            return new MemoryLimits(heap, "the JVM's maximum heap (no /proc/meminfo to read)");
        }
        MemoryLimits least = found.getFirst();
        for (MemoryLimits m : found) {
            if (m.bytes() < least.bytes()) {
                least = m;
            }
        }
        return least;
    }

    /** One mounted cgroup hierarchy: its version, where it is mounted, and the root of the mount. */
    private record Mount(int version, Path mountPoint, String root) {}

    private static List<MemoryLimits> cgroups(Path root) {
        List<MemoryLimits> limits = new ArrayList<>();
        List<String> membership = lines(root.resolve("proc/self/cgroup"));
        for (Mount mount : mounts(root)) {
            for (String line : membership) {
                // hierarchy-ID:controller-list:path; v2 has ID 0 and no controllers.
                String[] f = line.split(":", 3);
                if (f.length < 3) {
                    continue;
                }
                boolean match = mount.version() == 2 ? f[0].equals("0") && f[1].isEmpty()
                        : List.of(f[1].split(",")).contains("memory");
                if (match) {
                    limits.addAll(walk(mount, f[2]));
                }
            }
        }
        return limits;
    }

    /** The memory controller's mounts, from mountinfo: fields before " - ", then the type and the super options. */
    private static List<Mount> mounts(Path root) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines(root.resolve("proc/self/mountinfo"))) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            if (before.length < 5 || after.length < 1) {
                continue;
            }
            Path mountPoint = root.resolve(unescape(before[4]).substring(1));
            if (after[0].equals("cgroup2")) {
                mounts.add(new Mount(2, mountPoint, unescape(before[3])));
            } else if (after[0].equals("cgroup") && after.length >= 3 && List.of(after[2].split(",")).contains("memory")) {
                mounts.add(new Mount(1, mountPoint, unescape(before[3])));
            }
        }
        return mounts;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    /** The headroom at the process's cgroup and at each ancestor up to the mount point. */
    private static List<MemoryLimits> walk(Mount mount, String cgroupPath) {
        String relative = cgroupPath.startsWith(mount.root()) ? cgroupPath.substring(mount.root().length()) : cgroupPath;
        relative = relative.replaceFirst("^/+", "");
        Path dir = relative.isEmpty() ? mount.mountPoint() : mount.mountPoint().resolve(relative);
        if (!Files.isDirectory(dir)) {
            // A cgroup namespace shows the process at the root of its view.
            dir = mount.mountPoint();
        }
        String limitFile = mount.version() == 2 ? "memory.max" : "memory.limit_in_bytes";
        String usageFile = mount.version() == 2 ? "memory.current" : "memory.usage_in_bytes";
        String cacheEntry = mount.version() == 2 ? "file" : "total_cache";
        List<MemoryLimits> limits = new ArrayList<>();
        for (Path d = dir; d != null && d.startsWith(mount.mountPoint()); d = d.getParent()) {
            Long limit = number(d.resolve(limitFile));
            if (limit != null && limit < UNLIMITED) {
                long used = orZero(number(d.resolve(usageFile)));
                long cache = orZero(statEntry(d.resolve("memory.stat"), cacheEntry));
                long inUse = Math.max(0, used - cache);
                limits.add(new MemoryLimits(Math.max(0, limit - inUse), String.format(Locale.ROOT,
                        "the cgroup limit (%s of %s: %s, %s in use)", limitFile, d, MemoryPlan.gib(limit),
                        MemoryPlan.gib(inUse))));
            }
            if (d.equals(mount.mountPoint())) {
                break;
            }
        }
        return limits;
    }

    private static MemoryLimits slurm(Path root, Map<String, String> env) {
        String perNode = env.get("SLURM_MEM_PER_NODE");
        String perCpu = env.get("SLURM_MEM_PER_CPU");
        long mib;
        String what;
        try {
            if (perNode != null && !perNode.isBlank()) {
                mib = Numbers.parseLong(perNode);
                what = "SLURM_MEM_PER_NODE = " + mib + " MiB";
            } else if (perCpu != null && !perCpu.isBlank()) {
                String cpusText = env.getOrDefault("SLURM_CPUS_PER_TASK", env.getOrDefault("SLURM_CPUS_ON_NODE", "1"));
                long cpus = Numbers.parseLong(cpusText);
                mib = Numbers.parseLong(perCpu) * Math.max(1, cpus);
                what = "SLURM_MEM_PER_CPU = " + perCpu + " MiB × " + cpus + " CPUs";
            } else {
                return null;
            }
        } catch (NumberFormatException ex) {
            return null; // not SLURM's format: SLURM sets whole MiB; a hand-set variable is not its allocation
        }
        if (mib <= 0 || mib > UNLIMITED / MIB) {
            return null; // 0 means "all the node's memory"
        }
        long resident = orZero(meminfo(root.resolve("proc/self/status"), "VmRSS:"));
        return new MemoryLimits(Math.max(0, mib * MIB - resident), String.format(Locale.ROOT,
                "SLURM's allocation (%s: %s, %s resident in this process)", what, MemoryPlan.gib(mib * MIB),
                MemoryPlan.gib(resident)));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** A "Key:   123 kB" entry of /proc/meminfo or /proc/self/status, in bytes. */
    private static Long meminfo(Path file, String key) {
        for (String line : lines(file)) {
            if (line.startsWith(key)) {
                String[] f = line.substring(key.length()).strip().split("\\s+");
                try {
                    long value = Numbers.parseLong(f[0]);
                    return f.length > 1 && f[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                } catch (NumberFormatException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A file holding one number ("max" is none). */
    private static Long number(Path file) {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            return null;
        }
        try {
            return Numbers.parseLong(lines.getFirst());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** A "key value" entry of a cgroup's memory.stat. */
    private static Long statEntry(Path file, String key) {
        for (String line : lines(file)) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals(key)) {
                try {
                    return Numbers.parseLong(f[1]);
                } catch (NumberFormatException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException ex) {
            return List.of(); // not on this system (no cgroup, not Linux): no limit from it
        }
    }
}
