package dnp.cli;

import dnp.kernel.Realization;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = {"Write SLURM scripts for a sweep: a job array (one task per shard) and a merge job that runs",
                "dnp summarize once every task succeeded. --submit also submits both.",
                "Requeued or resubmitted tasks resume where they stopped (see README, \"Running on a cluster\")."})
final class SlurmCommand implements Callable<Integer> {
    @Mixin
    SweepOptions sweep;
    @Option(names = "--tasks", paramLabel = "N", description = "array tasks, i.e. shards (default: min(realizations to compute, 20))")
    Integer tasks;
    @Option(names = "--cpus-per-task", paramLabel = "C", description = "cores per task (default: 1 for L ≤ 14, else 4)")
    Integer cpusPerTask;
    @Option(names = "--time", paramLabel = "D-HH:MM:SS", description = "time limit per task (default: estimated from a timed realization)")
    String time;
    @Option(names = "--partition", paramLabel = "P", description = "SLURM partition")
    String partition;
    @Option(names = "--account", paramLabel = "A", description = "SLURM account")
    String account;
    @Option(names = "--submit", description = "submit the array and the merge job now (sbatch must be on PATH)")
    boolean submit;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SweepPlan plan = sweep.plan();
        int largest = plan.largestSize();
        int total = plan.tasks().size();
        int shards = tasks != null ? tasks : Math.min(total, 20);
        if (shards < 1 || shards > total) {
            throw new CliException("--tasks must be between 1 and the " + total + " realizations of the sweep, got " + shards);
        }
        int cpus = cpusPerTask != null ? cpusPerTask : largest <= 14 ? 1 : 4;
        if (cpus < 1) {
            throw new CliException("--cpus-per-task must be at least 1, got " + cpus);
        }
        int parallel = sweep.parallel != null ? sweep.parallel : largest <= 14 ? cpus : 1;
        int blas = sweep.blasThreads != null ? sweep.blasThreads : Math.max(1, cpus / parallel);
        MemoryPlan memory = MemoryPlan.of(largest, plan.model.driverName());
        // Off-heap need of the realizations at once, the JVM's own (heap and code), and 25% headroom.
        long megabytes = (long) Math.ceil((memory.bytes() * parallel + 1_500_000_000L) * 1.25 / 1e6);
        int perTask = (total + shards - 1) / shards;
        String limit = time != null ? checkTime(time) : estimateTime(plan, perTask, parallel);

        Path out = sweep.out.toAbsolutePath().normalize();
        Path slurm = out.resolve("slurm");
        Files.createDirectories(slurm.resolve("logs"));
        // Writes the manifest now: the tasks then only ever find it, and a mistake shows here, not in the queue.
        try (SweepStore ignored = SweepStore.open(out, plan.parameters(), 1, shards)) {
            // opened and closed: manifest written or checked
        }
        String dnp = launcher();
        List<String> args = sweep.arguments();
        String sweepScript = header("dnp-sweep", cpus, megabytes, limit)
                + "#SBATCH --array=0-" + (shards - 1) + "\n"
                + "#SBATCH --output=" + slurm.resolve("logs") + "/sweep-%A_%a.out\n"
                + "#SBATCH --requeue\n"
                + "set -euo pipefail\n"
                + "export DNP_NO_BUILD=1\n"
                + "# Shard I/N of the sweep; a requeued or resubmitted task skips what is already in " + out + ".\n"
                + "shard=\"$((SLURM_ARRAY_TASK_ID + 1))/${SLURM_ARRAY_TASK_COUNT}\"\n"
                + dnp + " sweep " + quote(args) + " --out " + quote(out.toString()) + " --shard \"$shard\" --parallel "
                + parallel + " --blas-threads " + blas + " --quiet\n";
        String mergeScript = header("dnp-merge", 1, 2000, "00:30:00")
                + "#SBATCH --output=" + slurm.resolve("logs") + "/merge-%j.out\n"
                + "set -euo pipefail\n"
                + "export DNP_NO_BUILD=1\n"
                + dnp + " summarize " + quote(out.toString()) + " --out " + quote(out.resolve("summary").toString())
                + " --force\n";
        String submitScript = "#!/usr/bin/env bash\n"
                + "# Submits the sweep's job array, then the merge job, which runs once every array task succeeded.\n"
                + "set -euo pipefail\n"
                + "cd " + quote(slurm.toString()) + "\n"
                + "array=$(sbatch --parsable sweep.sbatch)\n"
                + "array=${array%%;*}\n"
                + "merge=$(sbatch --parsable --dependency=afterok:${array} merge.sbatch)\n"
                + "echo \"array job ${array}, merge job ${merge%%;*}\"\n";
        write(slurm.resolve("sweep.sbatch"), sweepScript);
        write(slurm.resolve("merge.sbatch"), mergeScript);
        write(slurm.resolve("submit.sh"), submitScript);
        System.err.printf(Locale.ROOT, "dnp slurm: %d realizations in %d array tasks (%d each at most), %d cpu(s) and %d MB per "
                        + "task, time limit %s; scripts in %s%n", total, shards, perTask, cpus, megabytes, limit, slurm);
        if (submit) {
            Process p = new ProcessBuilder("bash", slurm.resolve("submit.sh").toString()).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                throw new CliException("submitting with sbatch failed (exit " + code + ")");
            }
        } else {
            System.err.println("submit with: bash " + slurm.resolve("submit.sh"));
        }
        return 0;
    }

    private String header(String name, int cpus, long megabytes, String limit) {
        StringBuilder sb = new StringBuilder("#!/usr/bin/env bash\n");
        sb.append("#SBATCH --job-name=").append(name).append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        sb.append("#SBATCH --mem=").append(megabytes).append("M\n");
        sb.append("#SBATCH --time=").append(limit).append('\n');
        if (partition != null) {
            sb.append("#SBATCH --partition=").append(partition).append('\n');
        }
        if (account != null) {
            sb.append("#SBATCH --account=").append(account).append('\n');
        }
        return sb.toString();
    }

    /**
     * Times one realization of the sweep (at the largest L, or at L = 12 scaled by N³ beyond) and
     * allows twice the expected time plus ten minutes.
     */
    private static String estimateTime(SweepPlan plan, int perTask, int parallel) {
        int size = plan.largestSize();
        int probe = Math.min(size, 12);
        Lattice lattice = new Lattice(probe, plan.model.boundary());
        double t = plan.hoppings.get(plan.hoppings.size() / 2);
        RealizationInput input = new RealizationInput(lattice, t,
                Disorder.box(lattice.sites(), plan.model.width, plan.seed, 0), plan.model.physics(), plan.model.pairs(),
                plan.model.analysis(), plan.model.convention());
        Realization.compute(input, plan.model.solver()); // warm up
        long start = System.nanoTime();
        Realization.compute(input, plan.model.solver());
        double seconds = (System.nanoTime() - start) * 1e-9 * Math.pow((double) size / probe, 9);
        double total = 2 * seconds * Math.ceil((double) perTask / parallel) + 600;
        long s = (long) Math.ceil(total);
        return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", s / 86400, s % 86400 / 3600, s % 3600 / 60, s % 60);
    }

    private static String checkTime(String text) {
        if (!text.matches("(\\d+-)?\\d{1,2}:\\d{2}:\\d{2}|\\d+")) {
            throw new CliException("--time '" + text + "' must be D-HH:MM:SS, HH:MM:SS or minutes");
        }
        return text;
    }

    /** How the job scripts start dnp: the launcher beside this jar, or this JVM's command line. */
    static String launcher() {
        String override = System.getProperty("dnp.launcher");
        if (override != null) {
            return override;
        }
        try {
            Path code = Path.of(SlurmCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (code.getFileName().toString().equals("dnp.jar")) {
                Path script = code.getParent().getParent().getParent().resolve("dnp");
                if (Files.isExecutable(script)) {
                    return quote(script.toString());
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException ignored) {
            // fall through to the explicit command
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dnp.cli.Main"));
        return quote(cmd);
    }

    static String quote(List<String> words) {
        return String.join(" ", words.stream().map(SlurmCommand::quote).toList());
    }

    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:,=+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
