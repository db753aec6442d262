package dnp.cli;

import dnp.kernel.Realization;
import dnp.kernel.model.RealizationInput;
import dnp.cli.options.SweepOptions;
import dnp.cli.slurm.SlurmScripts;
import dnp.kernel.eigen.EigenSolver;
import dnp.kpm.KpmEngine;
import dnp.kpm.KpmEvaluator;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmSettings;
import dnp.kpm.Estimator;
import dnp.kpm.GramMoments;
import dnp.kpm.VectorEngine;
import dnp.kpm.VectorEvaluator;
import dnp.kpm.VectorSettings;
import dnp.sweep.KpmSpec;
import dnp.sweep.MemoryPlan;
import dnp.sweep.records.Method;
import dnp.sweep.Parallelism;
import dnp.sweep.SitePartSweep;
import dnp.sweep.SweepSpec;
import dnp.sweep.SweepStore;
import dnp.sweep.SweepTask;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = {"Write SLURM scripts for a sweep: a job array (one task per shard) and a merge job that runs",
                "dnp summarize once every task succeeded. --submit also submits both.",
                "Requeued or resubmitted tasks resume where they stopped (see README, \"Running on a cluster\").",
                "With --method kpm --site-parts K a task's unit is one K-th of a realization's sites."})
final class SlurmCommand implements Callable<Integer> {
    /** The JVM's own memory (heap, code, metaspace) besides the off-heap matrices, in bytes. */
    static final long JVM_BYTES = 1_500_000_000L;

    @Mixin
    SweepOptions sweep;
    @Option(names = "--tasks", paramLabel = "N", description = "array tasks, i.e. shards (default: min(realizations to compute, 20))")
    Integer tasks;
    @Option(names = "--cpus-per-task", paramLabel = "C", description = "cores per task (default: 1 for L ≤ " + Parallelism.PARALLEL_REALIZATIONS_UP_TO + ", else " + Parallelism.CLUSTER_CORES_FOR_LARGE_LATTICES + ")")
    Integer cpusPerTask;
    @Option(names = "--time", paramLabel = "D-HH:MM:SS", description = "time limit per task (default: estimated from a timed realization)")
    String time;
    @Option(names = "--partition", paramLabel = "P", description = "SLURM partition")
    String partition;
    @Option(names = "--account", paramLabel = "A", description = "SLURM account")
    String account;
    @Option(names = "--submit", description = "submit the array and the merge job now (sbatch must be on PATH)")
    boolean submit;

    @Option(names = "--dry-run", description = "print the scripts that would be written and submitted; write nothing")
    boolean dryRun;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SlurmScripts.check(sweep.out.toAbsolutePath().normalize(), partition, account);
        SweepSpec spec = sweep.spec();
        int largest = spec.largestSize();
        int parts = sweep.siteParts;
        SitePartSweep.check(spec, parts);
        int realizations = spec.tasks().size();
        // Units of work: realizations, or with --site-parts K one K-th of a realization's sites each.
        int total = realizations * parts;
        int shards = tasks != null ? tasks : Math.min(total, 20);
        if (shards < 1 || shards > total) {
            throw new UserInputException("--tasks must be between 1 and the " + total + (parts > 1
                    ? " units (realizations × site parts)" : " realizations") + " of the sweep, got " + shards);
        }
        int cpus = cpusPerTask != null ? cpusPerTask : Parallelism.clusterCoresPerTask(largest);
        if (cpus < 1) {
            throw new UserInputException("--cpus-per-task must be at least 1, got " + cpus);
        }
        // A task is a machine of `cpus` cores running its shard: the same split as a sweep on such a machine.
        Parallelism split = Parallelism.choose(sweep.parallel, sweep.blasThreads, largest, Integer.MAX_VALUE, cpus);
        boolean kpm = spec.model().method() == Method.KPM;
        long megabytes;
        long heapMegabytes = 0;
        if (kpm) {
            // One realization at a time, its arrays in the Java heap: the heap gets what they need plus a
            // quarter and 512 MB, the task that heap, the JVM's own memory and 25% headroom.
            MemoryPlan memory = MemoryPlan.kpm(largest, spec.model().kpm());
            KpmSpec k = spec.model().kpm();
            int n = largest * largest * largest;
            // The vector estimator keeps its recordings and sums off the heap; its heap holds the float Gram matrices.
            double heap = k.estimator() == Estimator.VECTORS ? k.vectorSettings(n, 1).heapBytes() : memory.bytes();
            heapMegabytes = (long) Math.ceil((heap * 1.25 + 512e6) / 1e6);
            megabytes = (long) Math.ceil((heapMegabytes * 1e6 + memory.bytes() - heap + JVM_BYTES) * 1.25 / 1e6);
        } else {
            MemoryPlan memory = MemoryPlan.of(largest, spec.model().driver());
            // Off-heap need of the realizations at once, the JVM's own (heap and code), and 25% headroom.
            megabytes = (long) Math.ceil((memory.bytes() * split.realizations() + JVM_BYTES) * 1.25 / 1e6);
        }
        int perTask = (total + shards - 1) / shards;
        String limit = time != null ? checkTime(time) : kpm ? estimateKpmTime(spec, perTask, parts)
                : estimateTime(spec, perTask, split.realizations());

        Path out = sweep.out.toAbsolutePath().normalize();
        SlurmScripts scripts = new SlurmScripts(out, shards, cpus, megabytes, heapMegabytes, limit,
                split.realizations(), split.blasThreads(), launcher(), SweepOptions.arguments(spec, parts), partition,
                account);
        String units = parts > 1 ? String.format(Locale.ROOT, "%d realizations in %d site parts each: %d units",
                realizations, parts, total) : total + " realizations";
        String summary = String.format(Locale.ROOT, "dnp slurm: %s in %d array tasks (%d each at most), "
                + "%d cpu(s) and %d MB per task, time limit %s", units, shards, perTask, cpus, megabytes, limit);
        if (dryRun) {
            for (Map.Entry<String, String> e : scripts.render().entrySet()) {
                System.out.println("# " + scripts.folder().resolve(e.getKey()));
                System.out.print(e.getValue());
                System.out.println();
            }
            System.err.println(summary + "; dry run: nothing written or submitted");
            return 0;
        }
        // Writes the manifest now: the tasks then only ever find it, and a mistake shows here, not in the queue.
        SweepStore.prepareFolder(out, spec.parameters().withSiteParts(parts));
        scripts.write();
        System.err.println(summary + "; scripts in " + scripts.folder());
        Path submitScript = scripts.folder().resolve("submit.sh");
        if (submit) {
            Process p = new ProcessBuilder("bash", submitScript.toString()).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                throw new UserInputException("submitting with sbatch failed (exit " + code + ")");
            }
        } else {
            System.err.println("submit with: bash " + SlurmScripts.quote(submitScript.toString()));
        }
        return 0;
    }

    /**
     * Times one realization of the sweep (at the largest L, or at L = 12 scaled by N³ beyond) and
     * allows twice the expected time plus ten minutes.
     */
    private static String estimateTime(SweepSpec spec, int perTask, int parallel) {
        int size = spec.largestSize();
        int probe = Math.min(size, 12);
        double t = spec.hoppings().get(spec.hoppings().size() / 2);
        RealizationInput input = spec.withSizes(List.of(probe)).input(new SweepTask(0, probe, t, 0));
        EigenSolver solver = spec.model().solver();
        Realization.compute(input, solver); // warm up
        long start = System.nanoTime();
        Realization.compute(input, solver);
        double seconds = (System.nanoTime() - start) * 1e-9 * Math.pow((double) size / probe, 9);
        return limit(2 * seconds * Math.ceil((double) perTask / parallel) + 600);
    }

    /**
     * KPM: times one realization's moments at L = min(L, 12) with the sweep's M — the site estimator's
     * for up to 32 sampled sites and 16 trace vectors, the vector estimator's for the sweep's vectors — and
     * one evaluation of its frequency pairs from them; scales the moments by N (a Chebyshev step and a
     * Gram matrix cost the same per site) and, for sites, both by the number of start vectors, and allows
     * twice the expected time plus ten minutes for a task of {@code units} units: each unit one K-th of a
     * realization's moments and at most one evaluation.
     */
    private static String estimateKpmTime(SweepSpec spec, int units, int parts) {
        int size = spec.largestSize();
        int probe = Math.min(size, 12);
        double t = spec.hoppings().get(spec.hoppings().size() / 2);
        RealizationInput input = spec.withSizes(List.of(probe)).input(new SweepTask(0, probe, t, 0));
        KpmSpec kpm = spec.model().kpm();
        int n = size * size * size;
        if (kpm.estimator() == Estimator.VECTORS) {
            // The recursion (R vectors × M steps × N sites) and the Gram matrices (2N·M²) scale with N at the
            // sweep's R and M; the evaluation does not depend on N.
            VectorSettings target = kpm.vectorSettings(n, 1);
            VectorSettings probeSettings = new VectorSettings(kpm.moments(),
                    Math.min(target.vectors(), 4 * input.sites()), target.groups(), kpm.kernel(), 1);
            VectorEngine.compute(input, probeSettings); // warm up
            long begin = System.nanoTime();
            GramMoments gram = VectorEngine.compute(input, probeSettings);
            double engineSeconds = (System.nanoTime() - begin) * 1e-9 * target.vectors() / probeSettings.vectors();
            VectorEvaluator.evaluate(gram, input); // warm up
            begin = System.nanoTime();
            VectorEvaluator.evaluate(gram, input);
            double evaluation = (System.nanoTime() - begin) * 1e-9;
            return limit(2 * units * (engineSeconds * n / input.sites() / parts + evaluation) + 600);
        }
        KpmSettings probeSettings = new KpmSpec(kpm.moments(), 32, kpm.kernel()).settings(input.sites(), 1);
        KpmEngine.compute(input, probeSettings); // warm up
        long start = System.nanoTime();
        KpmMoments moments = KpmEngine.compute(input, probeSettings);
        double momentSeconds = (System.nanoTime() - start) * 1e-9;
        KpmEvaluator.evaluate(moments, input); // warm up
        start = System.nanoTime();
        KpmEvaluator.evaluate(moments, input);
        double evaluateSeconds = (System.nanoTime() - start) * 1e-9;
        double columns = (double) kpm.settings(n, 1).columns(n) / probeSettings.columns(input.sites());
        double realization = momentSeconds * columns * n / input.sites();
        return limit(2 * units * (realization / parts + evaluateSeconds * columns) + 600);
    }

    /** Seconds as a SLURM time limit D-HH:MM:SS, rounded up. */
    private static String limit(double seconds) {
        long s = (long) Math.ceil(seconds);
        return String.format(Locale.ROOT, "%d-%02d:%02d:%02d", s / 86400, s % 86400 / 3600, s % 3600 / 60, s % 60);
    }

    private static String checkTime(String text) {
        if (!text.matches("(\\d+-)?\\d{1,2}:\\d{2}:\\d{2}|\\d+")) {
            throw new UserInputException("--time '" + text + "' must be D-HH:MM:SS, HH:MM:SS or minutes");
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
                    return SlurmScripts.quote(script.toString());
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException ignored) {
            // fall through to the explicit command
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dnp.cli.Main"));
        return SlurmScripts.quote(cmd);
    }
}
