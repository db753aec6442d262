package dnp.cli;

import dnp.cli.slurm.SlurmScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dnp slurm --dry-run} prints every script it would write, and writes nothing. */
class SlurmDryRunTest {
    @TempDir
    Path dir;

    @Test
    void dryRunPrintsTheRenderedScriptsAndWritesNothing() {
        Path out = dir.resolve("sweep");
        String printed = dryRun("slurm", "--L", "4,6", "--t", "2,6.5", "--realizations", "3",
                "--out", out.toString(), "--tasks", "3", "--time", "00:10:00", "--partition", "short", "--dry-run");
        for (String name : SlurmScripts.FILES) {
            assertTrue(printed.contains("# " + out.toAbsolutePath().resolve("slurm").resolve(name)), name);
        }
        assertTrue(printed.contains("#SBATCH --array=0-2"), printed);
        assertTrue(printed.contains("#SBATCH --cpus-per-task=1"), "L ≤ 10: one core per task\n" + printed);
        assertTrue(printed.contains("#SBATCH --partition=short"), printed);
        assertTrue(printed.contains("#SBATCH --time=00:10:00"), printed);
        assertTrue(printed.contains(" sweep --L 4,6 --t 2.0,6.5 --realizations 3 "), printed);
        assertTrue(printed.contains("--shard \"$shard\" --parallel 1 --blas-threads 1\n"), printed);
        assertTrue(printed.contains("--dependency=afterok:${array} merge.sbatch"), printed);
        assertFalse(printed.contains("JAVA_TOOL_OPTIONS"), "the dense route keeps the JVM's default heap");
        assertFalse(printed.contains("{{"), "every placeholder filled:\n" + printed);
        assertFalse(Files.exists(out), "a dry run writes nothing");
    }

    @Test
    void sitePartsMakeOneArrayTaskPerUnitOfWork() {
        Path out = dir.resolve("kpm");
        // 2 hoppings × 3 realizations = 6 realizations in 4 parts each: 24 units, one task each (default
        // min(units, 20) = 20 here, so the count is given).
        String printed = dryRun("slurm", "--L", "4", "--t", "2,6.5", "--realizations", "3",
                "--method", "kpm", "--moments", "64", "--sites", "0", "--site-parts", "4", "--out", out.toString(),
                "--tasks", "24", "--time", "00:10:00", "--dry-run");
        assertTrue(printed.contains("#SBATCH --array=0-23"), printed);
        assertTrue(printed.contains(" --method kpm --moments 64 --sites 0 --kernel jackson --site-parts 4 "), printed);
        assertTrue(printed.contains("--shard \"$shard\""), printed);
        assertTrue(printed.contains(" summarize "), "the merge job summarizes the combined records\n" + printed);
        // KPM keeps its arrays in the Java heap: the task sets it, and asks for no N² matrix.
        assertTrue(printed.contains("export JAVA_TOOL_OPTIONS=\"-Xmx"), printed);
        java.util.regex.Matcher mem = java.util.regex.Pattern.compile("#SBATCH --mem=(\\d+)M").matcher(printed);
        assertTrue(mem.find(), printed);
        assertTrue(Long.parseLong(mem.group(1)) < 4000, "a few GB at most for L = 4: " + mem.group(1));
        assertFalse(Files.exists(out), "a dry run writes nothing");

        // Without --tasks and --time: at most 20 tasks share the 24 units, and the limit comes from a timed probe.
        String defaults = dryRun("slurm", "--L", "4", "--t", "2,6.5", "--realizations", "3",
                "--method", "kpm", "--moments", "64", "--sites", "0", "--site-parts", "4", "--out", out.toString(),
                "--dry-run");
        assertTrue(defaults.contains("#SBATCH --array=0-19"), defaults);
        // The time limit from a timed KPM probe: at least the ten minutes of slack, well below an hour here.
        assertTrue(defaults.contains("#SBATCH --time=0-00:1") || defaults.contains("#SBATCH --time=0-00:2"), defaults);
    }

    @Test
    void largeLatticesGetSeveralCoresAndOneRealizationAtATime() {
        SlurmScripts scripts = new SlurmScripts(dir.resolve("x"), 4, 4, 9000, "1-00:00:00", 1, 4, "dnp",
                List.of("--L", "18"), null, "proj");
        String sweep = scripts.render().get("sweep.sbatch");
        assertTrue(sweep.contains("#SBATCH --cpus-per-task=4\n#SBATCH --mem=9000M\n#SBATCH --time=1-00:00:00\n"
                + "#SBATCH --account=proj\n#SBATCH --array=0-3\n"), sweep);
        assertTrue(sweep.contains("--parallel 1 --blas-threads 4\n"), sweep);
        assertTrue(scripts.render().get("merge.sbatch").contains("#SBATCH --account=proj\n"));
    }
    /** Runs {@code dnp ARGS} (a dry run), asserts exit 0 and returns what it printed. */
    private static String dryRun(String... args) {
        StringWriter err = new StringWriter();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute(new PrintWriter(err, true), args);
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code, err.toString());
        return captured.toString(StandardCharsets.UTF_8);
    }
}
