package dnp.cli;

import dnp.sweep.SweepStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A sharded sweep on a real single-node SLURM cluster, through the scripts {@code dnp slurm}
 * generates: the merged summary must equal an unsharded local run, and a requeued task must not
 * duplicate anything; a KPM sweep whose realizations are split over sites into parts shared by the
 * tasks must give the records of an unsplit local run. Needs root and Debian's slurm-wlm and munge (.ci/run installs them); where
 * they are missing the test is skipped and says why.
 */
class SlurmIntegrationTest {
    @TempDir
    Path dir;

    static boolean onPath(String command) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }

    static boolean isRoot() {
        try {
            return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        } catch (IOException ex) {
            return false;
        }
    }

    String run(Map<String, String> env, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + output);
        return output;
    }

    void waitForEmptyQueue(Map<String, String> env, Path cluster) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            if (run(env, 30, "squeue", "-h").isBlank()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("jobs still queued after 10 minutes:\n" + run(env, 30, "squeue")
                + Files.readString(cluster.resolve("slurmctld.log")));
    }

    @Test
    void shardedSweepOnSlurmEqualsTheLocalRunAndRequeueDuplicatesNothing() throws Exception {
        assumeTrue(isRoot() && onPath("slurmctld") && onPath("slurmd") && onPath("sbatch") && onPath("munged"),
                "SLURM integration test skipped: it needs root and Debian's slurm-wlm and munge packages "
                        + "(apt-get install slurm-wlm munge; .ci/run installs them)");
        Path script = Path.of("src/test/resources/slurm/cluster.sh").toAbsolutePath();
        Path cluster = dir.resolve("cluster");
        Files.createDirectories(cluster);
        Map<String, String> env = Map.of("SLURM_CONF", cluster.resolve("slurm.conf").toString());
        run(Map.of(), 120, "bash", script.toString(), "start", cluster.toString());
        try {
            // Scripts for a folder with a space, quotes, '#' and '%': bash reads them, and sbatch accepts them.
            Path awkward = dir.resolve(SlurmDryRunTest.AWKWARD);
            StringWriter awkwardErr = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(awkwardErr, true), "slurm", "--out", awkward.toString(), "--L", "4",
                    "--t", "2", "--realizations", "2", "--tasks", "2", "--time", "00:10:00"), awkwardErr.toString());
            for (String name : List.of("sweep.sbatch", "merge.sbatch", "submit.sh")) {
                run(env, 30, "bash", "-n", awkward.resolve("slurm").resolve(name).toString());
            }
            for (String name : List.of("sweep.sbatch", "merge.sbatch")) {
                run(env, 60, "sbatch", "--test-only", awkward.resolve("slurm").resolve(name).toString());
            }

            Path out = dir.resolve("sweep");
            List<String> sweep = List.of("--L", "4,5", "--t", "1,6.5", "--realizations", "2", "--omega-n", "1,20");
            List<String> slurm = new ArrayList<>(List.of("slurm", "--out", out.toString(), "--tasks", "4"));
            slurm.addAll(sweep);
            StringWriter err = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(err, true), slurm.toArray(String[]::new)), err.toString());
            String sbatch = Files.readString(out.resolve("slurm/sweep.sbatch"));
            assertTrue(sbatch.contains("#SBATCH --array=0-3"), sbatch);
            assertTrue(sbatch.contains("--shard \"$shard\""), sbatch);
            assertTrue(Files.readString(out.resolve("slurm/submit.sh")).contains("--dependency=afterok:"));

            String submitted = run(env, 60, "bash", out.resolve("slurm/submit.sh").toString());
            assertTrue(submitted.startsWith("array job "), submitted);
            String arrayJob = submitted.split(" ")[2].replace(",", "");
            waitForEmptyQueue(env, cluster);
            assertTrue(Files.exists(out.resolve("summary/polarization.csv")),
                    "the merge job did not run: " + logs(out));

            Path local = dir.resolve("local");
            List<String> localSweep = new ArrayList<>(List.of("sweep", "--out", local.toString(), "-q"));
            localSweep.addAll(sweep);
            assertEquals(0, Main.execute(new PrintWriter(new StringWriter(), true), localSweep.toArray(String[]::new)));
            assertEquals(SweepEndToEndTest.results(local), SweepEndToEndTest.results(out));
            assertEquals(0, Main.execute(new PrintWriter(new StringWriter(), true), "summarize", local.toString(),
                    "--no-plots"));
            for (String table : List.of("polarization.csv", "statistics.csv", "correlator.csv")) {
                assertEquals(Files.readString(local.resolve("summary").resolve(table)),
                        Files.readString(out.resolve("summary").resolve(table)), table);
            }

            // Requeue one finished array task: it must find its shard done and add nothing.
            long lines = countLines(out);
            run(env, 30, "scontrol", "requeue", arrayJob + "_1");
            // SLURM holds a requeued job back for a while (BeginTime); let it start now.
            ProcessBuilder release = new ProcessBuilder("scontrol", "update", "JobId=" + arrayJob + "_1", "StartTime=now")
                    .redirectErrorStream(true);
            release.environment().putAll(env);
            release.start().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
            waitForEmptyQueue(env, cluster);
            assertEquals(lines, countLines(out), "requeue duplicated results");
            String requeuedLog = Files.readString(out.resolve("slurm/logs/sweep-" + arrayJob + "_1.out"));
            assertTrue(requeuedLog.contains("shard 2/4: 0 computed, 2 already done"), "the requeued task did not "
                    + "run again and skip its finished work:\n" + requeuedLog);
            assertEquals(8, SweepStore.readRecords(out, dnp.sweep.records.RealizationRecord.class).size());

            // KPM with each realization's sites in 3 parts: the 3 tasks share the 12 (realization, part) units,
            // every realization has one part in each task, and whichever finishes last writes its record.
            Path kpm = dir.resolve("kpm");
            List<String> kpmSweep = List.of("--L", "4", "--t", "1,6.5", "--realizations", "2", "--omega-n", "1,20",
                    "--method", "kpm", "--moments", "128", "--sites", "20");
            List<String> kpmSlurm = new ArrayList<>(List.of("slurm", "--out", kpm.toString(), "--tasks", "3",
                    "--site-parts", "3"));
            kpmSlurm.addAll(kpmSweep);
            assertEquals(0, Main.execute(new PrintWriter(err, true), kpmSlurm.toArray(String[]::new)), err.toString());
            String kpmSbatch = Files.readString(kpm.resolve("slurm/sweep.sbatch"));
            assertTrue(kpmSbatch.contains("#SBATCH --array=0-2") && kpmSbatch.contains("--site-parts 3"), kpmSbatch);
            run(env, 60, "bash", kpm.resolve("slurm/submit.sh").toString());
            waitForEmptyQueue(env, cluster);
            assertTrue(Files.exists(kpm.resolve("summary/polarization.csv")), "the merge job did not run: " + logs(kpm));
            assertEquals(4, countLines(kpm), "each realization written once: " + logs(kpm));
            Path kpmLocal = dir.resolve("kpm-local");
            // The tasks (one cpu each) run BLAS on one thread; so does the reference, since a dgemm's sums
            // depend on how many threads share it (1e-12 apart between one and two threads).
            assertTrue(kpmSbatch.contains("--blas-threads 1"), kpmSbatch);
            List<String> kpmLocalSweep = new ArrayList<>(List.of("sweep", "--out", kpmLocal.toString(), "-q",
                    "--blas-threads", "1"));
            kpmLocalSweep.addAll(kpmSweep);
            assertEquals(0, Main.execute(new PrintWriter(new StringWriter(), true), kpmLocalSweep.toArray(String[]::new)));
            KpmSiteSplitTest.assertSameRecords(
                    SweepStore.readRecords(kpmLocal, dnp.sweep.records.RealizationRecord.class),
                    SweepStore.readRecords(kpm, dnp.sweep.records.RealizationRecord.class));
        } finally {
            run(Map.of(), 120, "bash", script.toString(), "stop", cluster.toString());
        }
    }

    static long countLines(Path sweep) throws IOException {
        long n = 0;
        try (var files = Files.list(sweep.resolve("results"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                n += Files.readAllLines(f).size();
            }
        }
        return n;
    }

    static String logs(Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(out.resolve("slurm/logs"))) {
            for (Path f : files.sorted().toList()) {
                sb.append("== ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return sb.toString();
    }
}
