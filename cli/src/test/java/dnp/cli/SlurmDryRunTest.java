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
        assertTrue(printed.contains(" --method kpm --moments 64 --estimator sites --sites 0 --kernel jackson --site-parts 4 "),
                printed);
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
    /** A folder name with a space, both quotes, a '#' (a comment for sbatch) and a '%' (a pattern for SLURM). */
    static final String AWKWARD = "sl urm/it's #x %j \"q\"";

    /**
     * Scripts for an awkward folder: bash reads every script, every path reaches the commands as it is
     * (the commands replaced by printf, sbatch by a stub), and sbatch's own reading of the #SBATCH lines
     * gives the folder back, with SLURM's %-symbols only where they belong.
     */
    @Test
    void awkwardPathsReachEveryCommandAndDirectiveIntact() throws Exception {
        Path out = dir.resolve(AWKWARD).toAbsolutePath();
        Path slurm = out.resolve("slurm");
        Files.createDirectories(slurm);
        SlurmScripts scripts = new SlurmScripts(out, 2, 1, 1000, "00:10:00", 1, 1, "printf '<%s>\\n'",
                List.of("--L", "4"), "short queue", "lab#1");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("sbatch"), "#!/bin/sh\necho 42\n");
        Files.setPosixFilePermissions(bin.resolve("sbatch"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (var e : scripts.render().entrySet()) {
            Path file = slurm.resolve(e.getKey());
            Files.writeString(file, e.getValue());
            assertEquals("", bash(bin, slurm, "-n", file.toString()), "bash -n " + e.getKey());
        }
        String sweep = bash(bin, slurm, slurm.resolve("sweep.sbatch").toString());
        assertTrue(sweep.contains("<--out>\n<" + out + ">\n<--shard>\n<1/2>\n"), sweep);
        String merge = bash(bin, slurm, slurm.resolve("merge.sbatch").toString());
        assertTrue(merge.contains("<summarize>\n<" + out + ">\n<--out>\n<" + out.resolve("summary") + ">\n"), merge);
        assertEquals("array job 42, merge job 42\n", bash(bin, dir, slurm.resolve("submit.sh").toString()));

        String logs = slurm.resolve("logs").toString().replace("%", "%%");
        assertEquals(List.of("--output=" + logs + "/sweep-%A_%a.out"), directives(scripts, "sweep.sbatch", "--output"));
        assertEquals(List.of("--output=" + logs + "/merge-%j.out"), directives(scripts, "merge.sbatch", "--output"));
        assertEquals(List.of("--partition=short queue"), directives(scripts, "sweep.sbatch", "--partition"));
        assertEquals(List.of("--account=lab#1"), directives(scripts, "merge.sbatch", "--account"));
    }

    /** The printed submit command, pasted into bash, names the script as it is. */
    @Test
    void theSubmitHintRunsAsPrinted() throws Exception {
        Path out = dir.resolve("hint " + AWKWARD).toAbsolutePath();
        String printed = SweepFolderIntegrityTest.ok(List.of("slurm", "--L", "4", "--t", "2", "--realizations", "1",
                "--out", out.toString(), "--time", "00:10:00")).err();
        String hint = printed.lines().filter(l -> l.startsWith("submit with: "))
                .findFirst().orElseThrow().substring("submit with: ".length());
        assertEquals(out.resolve("slurm").resolve("submit.sh").toString(),
                bash(dir, dir, "-c", "set -- " + hint + "; printf '%s' \"$2\""));
    }

    /** Runs bash in {@code cwd} with {@code bin} first on PATH and SLURM's array variables set; returns its output. */
    static String bash(Path bin, Path cwd, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("SLURM_ARRAY_TASK_ID", "0");
        pb.environment().put("SLURM_ARRAY_TASK_COUNT", "2");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    /** The arguments sbatch reads from the #SBATCH lines of a script that start with {@code option}. */
    static List<String> directives(SlurmScripts scripts, String file, String option) {
        List<String> found = new java.util.ArrayList<>();
        for (String line : scripts.render().get(file).lines().toList()) {
            if (line.startsWith("#SBATCH")) {
                String argument = sbatchArgument(line.substring("#SBATCH".length()));
                if (argument.startsWith(option)) {
                    found.add(argument);
                }
            }
        }
        return found;
    }

    /**
     * The first argument of a directive as sbatch 22.05 reads it (src/sbatch/opt.c, _get_argument): white
     * space ends it unless quoted, '…' and "…" group, a backslash takes the next character literally, an
     * unquoted '#' starts a comment; an unmatched quote is an error.
     */
    static String sbatchArgument(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        StringBuilder argument = new StringBuilder();
        char quote = 0;
        boolean escape = false;
        for (; i < line.length() && (quote != 0 || !Character.isWhitespace(line.charAt(i))); i++) {
            char c = line.charAt(i);
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
                continue;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    continue;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                continue;
            } else if (c == '#') {
                break;
            }
            argument.append(c);
        }
        assertEquals(0, quote, "unmatched quote in #SBATCH" + line);
        return argument.toString();
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
