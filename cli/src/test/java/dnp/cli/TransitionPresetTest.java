package dnp.cli;

import dnp.sweep.TransitionPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dnp transition --preset}: each preset resolves to the sweeps it documents, and options override it. */
class TransitionPresetTest {
    @TempDir
    Path dir;

    private static TransitionCommand.Plan plan(String... args) {
        TransitionCommand command = new TransitionCommand();
        CommandLine cli = new CommandLine(command);
        dnp.cli.options.Converters.register(cli);
        cli.parseArgs(args);
        return command.plan();
    }

    @Test
    void thePrecisePresetIsTheDocumentedSweep() {
        var plan = plan("--preset", "precise");
        assertEquals(TransitionPreset.PRECISE, plan.preset());
        assertEquals(TransitionPreset.PRECISE.sizes(), plan.sizes());
        assertEquals(TransitionPreset.PRECISE.ratios(), plan.ratios());
        assertEquals(TransitionPreset.PRECISE.gapFraction(), plan.gapFraction());
        for (int i = 0; i < plan.sizes().size(); i++) {
            int size = plan.sizes().get(i);
            int r = plan.realizations().get(i);
            double perRealization = plan.gapFraction() * size * size * size;
            // Enough realizations for the preset's gap ratios per point, and not one more than needed.
            assertTrue(r * perRealization >= plan.levels(), "L = " + size);
            assertTrue((r - 1) * perRealization < plan.levels() || r == TransitionPreset.MIN_REALIZATIONS,
                    "L = " + size);
        }
        assertEquals(TransitionPreset.PRECISE.diagonalizations(), plan.diagonalizations());
        assertTrue(plan.ratios().getFirst() < 16.53 && 16.53 < plan.ratios().getLast(), "the grid brackets w/t_c");
    }

    @Test
    void theQuickPresetIsTheDefaultAndOptionsOverrideAPreset() {
        assertEquals(TransitionPreset.QUICK, plan().preset());
        assertEquals(TransitionPreset.QUICK.sizes(), plan().sizes());
        var mixed = plan("--preset", "precise", "--L", "6,8", "--levels", "1000", "--eigenvalues", "dense",
                "--gap-fraction", "0.5");
        assertEquals(List.of(6, 8), mixed.sizes());
        assertEquals(TransitionPreset.PRECISE.ratios(), mixed.ratios(), "what is not given comes from the preset");
        assertEquals(List.of(10, 10), mixed.realizations(), "at least ten realizations: 1000 / (0.5 · 216) → 10");
        assertEquals(List.of(7, 7), plan("--L", "6,8", "--realizations", "7").realizations());
    }

    /** The dry run's counts follow --realizations: no preset target of gap ratios where it does not apply. */
    @Test
    void theDryRunCountsTheRealizationsGiven() {
        List<String> given = plan("--L", "8,12", "--realizations", "5").describe();
        assertFalse(given.getFirst().contains("40000"), given.getFirst());
        assertTrue(given.getFirst().endsWith("--realizations fixed per point"), given.getFirst());
        // 5 realizations × about 20% of 512 levels.
        assertTrue(given.get(1).startsWith("L = 8: N = 512, 5 realizations × 9 w/t = 45 spectra"), given.get(1));
        assertTrue(given.get(1).endsWith("about 510 gap ratios per point"), given.get(1));
        List<String> derived = plan("--L", "8,12").describe();
        assertTrue(derived.getFirst().endsWith("about 40000 gap ratios per point"), derived.getFirst());
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() {
        Path out = dir.resolve("tc");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "transition", "--preset", "precise", "--dry-run", "--out",
                out.toString());
        assertEquals(0, code, err.toString());
        assertFalse(Files.exists(out), "a dry run writes nothing");
        assertEquals(2, Main.execute(new PrintWriter(err, true), "transition", "--preset", "exact", "--dry-run"));
        assertTrue(err.toString().contains("--preset"), err.toString());
    }

    @Test
    void shardsShareAFolderAndTheUnshardedRunOnlyAnalyses() throws Exception {
        Path out = dir.resolve("sharded");
        StringWriter err = new StringWriter();
        String[] common = {"transition", "--L", "4,5", "--ratio", "10,16,25", "--realizations", "6", "--bootstrap",
                "20", "--scaling-bootstrap", "0", "--out", out.toString(), "-q"};
        for (String shard : List.of("1/2", "2/2")) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
                    java.util.stream.Stream.of("--shard", shard)).toArray(String[]::new);
            assertEquals(0, Main.execute(new PrintWriter(err, true), args), err.toString());
        }
        assertFalse(Files.exists(out.resolve("estimate.json")), "a shard does not analyse");
        long lines = 0;
        for (String f : List.of("shard-0001-of-0002.jsonl", "shard-0002-of-0002.jsonl")) {
            lines += Files.readAllLines(out.resolve("L4/results/" + f)).size();
        }
        assertEquals(6 * 3, lines, "the two shards hold every realization of L = 4 once");
        assertEquals(0, Main.execute(new PrintWriter(err, true), common), err.toString());
        assertTrue(Files.exists(out.resolve("estimate.json")));
        Path unsharded = out.resolve("L4/results/shard-0001-of-0001.jsonl");
        assertTrue(!Files.exists(unsharded) || Files.readAllLines(unsharded).isEmpty(), "nothing recomputed");
    }
}
