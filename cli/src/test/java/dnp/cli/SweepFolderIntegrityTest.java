package dnp.cli;

import dnp.sweep.SweepStore;
import dnp.sweep.records.Documents;
import dnp.sweep.records.Manifest;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.records.SealedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep folder loses and mislabels nothing: two runs of one sweep at once (real processes, one of
 * them stopped while it holds the lock), a deleted or foreign manifest, a stray file in results/, a
 * changed digit, a flipped bit and invalid UTF-8 in a line, and folders of the previous format.
 */
class SweepFolderIntegrityTest {
    @TempDir
    Path dir;

    /** A small sweep: L = 5, 12 hoppings, 3 realizations (36 realizations, a few seconds). */
    static List<String> sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--L", "5", "--t", "1:12:1", "--realizations", "3",
                "--omega-n", "20", "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return args;
    }

    /** What an in-process run printed on its error writer and on System.err (warnings), and its exit code. */
    record Result(int code, String err) {}

    static Result execute(List<String> args) {
        StringWriter err = new StringWriter();
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute(new PrintWriter(err, true), args.toArray(String[]::new));
        } finally {
            System.setErr(stderr);
        }
        return new Result(code, captured.toString(StandardCharsets.UTF_8) + err);
    }

    static Result ok(List<String> args) {
        Result r = execute(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    static Result refused(List<String> args, String fragment) {
        Result r = execute(args);
        assertEquals(Main.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("dnp: ") && last.contains(fragment), "'" + fragment + "' in: " + r.err());
        assertFalse(BadInputTest.EXCEPTION_NAME.matcher(r.err()).find(), r.err());
        return r;
    }

    static String summary(Path sweep) throws IOException {
        Path out = sweep.resolveSibling(sweep.getFileName() + "-summary");
        ok(List.of("summarize", sweep.toString(), "--out", out.toString(), "--no-plots", "--force"));
        return Files.readString(out.resolve("polarization.csv")) + Files.readString(out.resolve("statistics.csv"));
    }

    Path reference() throws IOException {
        Path reference = dir.resolve("reference");
        if (!Files.exists(reference)) {
            ok(sweep(reference));
        }
        return reference;
    }

    static Path shardFile(Path sweep) {
        return sweep.resolve("results").resolve("shard-0001-of-0001.jsonl");
    }

    static Process start(Path log, String... javaOptionsAndArgs) throws IOException {
        List<String> command = new ArrayList<>(SweepEndToEndTest.javaCommand());
        // JVM options go before the main class.
        int main = command.indexOf("dnp.cli.Main");
        List<String> options = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (String a : javaOptionsAndArgs) {
            (a.startsWith("-D") ? options : args).add(a);
        }
        command.addAll(main, options);
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A finished subprocess: its exit code and everything it printed. */
    record Finished(int code, String output) {
        String last() {
            return output.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    /** Runs dnp {@code args} in a new JVM behind {@code wrapper} (a shell that sets limits, then execs it). */
    static Finished runWrapped(List<String> wrapper, Path log, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(SweepEndToEndTest.javaCommand(args.toArray(String[]::new)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
        return new Finished(p.exitValue(), Files.readString(log));
    }

    /** Polls until {@code condition} is false, {@code p} has ended, or a minute has passed. */
    static void awaitWhile(Process p, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline && condition.call()) {
            Thread.sleep(10);
        }
    }

    static void signal(Process p, String signal) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
    }

    static boolean holdsLock(Path sweep, Process p) throws IOException {
        Path lock = sweep.resolve("results").resolve("shard-0001-of-0001.lock");
        return Files.exists(lock) && Files.readString(lock).contains("pid " + p.pid() + " ");
    }

    @Test
    void twoRunsOfOneSweepAtOnceEndEqualToAnUninterruptedRun() throws Exception {
        Path race = dir.resolve("race");
        Process first = start(dir.resolve("first.log"), sweep(race, "--parallel", "2", "--blas-threads", "1")
                .toArray(String[]::new));
        awaitWhile(first, () -> !holdsLock(race, first));
        Process second = start(dir.resolve("second.log"), sweep(race).toArray(String[]::new));
        assertTrue(first.waitFor(120, TimeUnit.SECONDS) && second.waitFor(120, TimeUnit.SECONDS));
        String logs = Files.readString(dir.resolve("first.log")) + Files.readString(dir.resolve("second.log"));
        assertEquals(0, first.exitValue(), logs);
        assertEquals(0, second.exitValue(), logs);
        assertEquals(36, Files.readAllLines(shardFile(race)).size(), "each realization once:\n" + logs);
        assertEquals(SweepEndToEndTest.results(reference()), SweepEndToEndTest.results(race));
        assertEquals(summary(reference()), summary(race));
    }

    @Test
    void aSecondRunRefusesWhileTheFirstIsStoppedHoldingTheLock() throws Exception {
        Path stopped = dir.resolve("stopped");
        Process first = start(dir.resolve("first.log"), sweep(stopped, "--parallel", "1", "--blas-threads", "1")
                .toArray(String[]::new));
        awaitWhile(first, () -> !holdsLock(stopped, first) || !Files.exists(shardFile(stopped))
                || Files.size(shardFile(stopped)) == 0);
        signal(first, "STOP");
        try {
            assertTrue(first.isAlive(), "stopped before it finished: " + Files.readString(dir.resolve("first.log")));
            // -Ddnp.lockWaitSeconds=2: the second run waits 2 s for the lock instead of 60.
            Process waiting = start(dir.resolve("second.log"), concat("-Ddnp.lockWaitSeconds=2", sweep(stopped)));
            assertTrue(waiting.waitFor(60, TimeUnit.SECONDS));
            String log = Files.readString(dir.resolve("second.log"));
            assertEquals(Main.BAD_INPUT, waiting.exitValue(), log);
            String last = log.strip().lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(last.startsWith("dnp: shard 1/1 of " + stopped + " is in use by another dnp run (pid "
                    + first.pid()) && last.contains("waited 2 s"), log);
        } finally {
            signal(first, "CONT");
        }
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
        assertEquals(36, Files.readAllLines(shardFile(stopped)).size());
        assertEquals(summary(reference()), summary(stopped));
    }

    static String[] concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    @Test
    void resultsWithoutTheirManifestOrWithAnotherSweepsManifestAreRefused() throws IOException {
        Path w50 = dir.resolve("w50");
        ok(sweep(w50, "--w", "50"));
        Files.delete(w50.resolve("manifest.json"));
        refused(sweep(w50), "has results (results/shard-0001-of-0001.jsonl) but no manifest.json");
        refused(List.of("summarize", w50.toString()), "no manifest.json");
        // Another sweep's manifest in its place: every line names the sweep it was computed for.
        Files.copy(reference().resolve("manifest.json"), w50.resolve("manifest.json"));
        refused(sweep(w50), shardFile(w50) + ":1: a record of another sweep");
        refused(List.of("summarize", w50.toString()), shardFile(w50) + ":1: a record of another sweep");
    }

    @Test
    void aFileInResultsThatTheSweepDidNotWriteIsRefusedByName() throws IOException {
        Path other = dir.resolve("other");
        ok(sweep(other, "--w", "50"));
        Path sweep = dir.resolve("stray");
        ok(sweep(sweep));
        Path stray = sweep.resolve("results").resolve("old.jsonl");
        Files.copy(shardFile(other), stray);
        refused(sweep(sweep), stray + ": not a file this sweep wrote");
        refused(List.of("summarize", sweep.toString()), stray + ": not a file this sweep wrote");
        // Under a shard file's name it is still another sweep's: refused by file and line.
        Files.move(stray, sweep.resolve("results").resolve("shard-0001-of-0002.jsonl"));
        refused(List.of("summarize", sweep.toString()), "shard-0001-of-0002.jsonl:1: a record of another sweep");
    }

    @Test
    void aChangedDigitAFlippedBitAndInvalidUtf8AreNamedMovedOutAndRecomputed() throws IOException {
        Path sweep = dir.resolve("altered");
        ok(sweep(sweep));
        Path file = shardFile(sweep);
        List<byte[]> lines = lines(Files.readAllBytes(file));
        // Line 2: one digit of P_n changed; line 3: one bit of the key flipped (t=2.0 -> t=6.0); line 4: a byte 0xFF.
        byte[] digit = lines.get(1);
        int pn = indexOf(digit, "\"Pn\":0.") + 7;
        digit[pn] = (byte) (digit[pn] == '1' ? '2' : '1');
        byte[] bit = lines.get(2);
        int t = indexOf(bit, "t=");
        assertTrue(t > 0);
        bit[t + 2] ^= 0x04;
        lines.get(3)[40] = (byte) 0xFF;
        write(file, lines);

        String where = file + ":2: damaged line (checksum mismatch";
        refused(List.of("summarize", sweep.toString()), where);
        Result resumed = ok(sweep(sweep));
        for (int n = 2; n <= 4; n++) {
            assertTrue(resumed.err().contains("dnp: warning: " + file + ":" + n + ": damaged line (checksum mismatch")
                    && resumed.err().contains("moved to " + sweep.resolve("rejected")
                    .resolve("shard-0001-of-0001.jsonl")), resumed.err());
        }
        assertTrue(resumed.err().contains("3 computed, 33 already done"), resumed.err());
        assertEquals(3, Files.readAllLines(sweep.resolve("rejected").resolve("shard-0001-of-0001.jsonl"),
                StandardCharsets.ISO_8859_1).size(), "the rejected lines are kept, outside results/");
        assertEquals(SweepEndToEndTest.results(reference()), SweepEndToEndTest.results(sweep));
        assertEquals(summary(reference()), summary(sweep));
    }

    @Test
    void anUnfinishedSweepIsSummarizedWithAWarning() throws IOException {
        Path sweep = dir.resolve("unfinished");
        ok(sweep(sweep, "--shard", "1/3"));
        Result r = ok(List.of("summarize", sweep.toString(), "--no-plots"));
        assertTrue(r.err().contains("dnp: warning: 12 of 36 realizations of the sweep are finished"), r.err());
    }

    /**
     * A folder of the previous version (manifest dnp.manifest/2, lines without digest and checksum)
     * summarizes and resumes with a warning that its lines are unverified; a resume appends verified lines.
     */
    @Test
    void aFolderOfThePreviousFormatResumesAndSummarizesWithAWarning() throws IOException {
        Path old = dir.resolve("old");
        ok(sweep(old));
        ObjectNode manifest = (ObjectNode) Documents.tree(Files.readString(old.resolve("manifest.json")));
        manifest.put("schema", Manifest.PREVIOUS);
        manifest.remove("sweepDigest");
        Files.writeString(old.resolve("manifest.json"), Documents.pretty(manifest));
        List<byte[]> unsealed = new ArrayList<>();
        for (byte[] line : lines(Files.readAllBytes(shardFile(old)))) {
            var opened = (SealedLine.Verified) SealedLine.open(line);
            unsealed.add(Documents.line(opened.record()).getBytes(StandardCharsets.UTF_8));
        }
        write(shardFile(old), unsealed.subList(0, 30)); // six realizations to compute on resume

        // (a warning is printed once per process: the copy has its own path)
        Path copy = dir.resolve("old-copy");
        Files.createDirectories(copy.resolve("results"));
        Files.copy(old.resolve("manifest.json"), copy.resolve("manifest.json"));
        Files.copy(shardFile(old), shardFile(copy));
        Result summarized = ok(List.of("summarize", copy.toString(), "--no-plots"));
        assertTrue(summarized.err().contains("dnp: warning: " + copy + " was written by an earlier dnp (dnp.manifest/2): "
                + "30 of its lines carry no checksum and are used unverified"), summarized.err());
        Result resumed = ok(sweep(old));
        assertTrue(resumed.err().contains("6 computed, 30 already done") && resumed.err().contains("dnp: warning: "
                + old + " was written by an earlier dnp"), resumed.err());
        List<byte[]> after = lines(Files.readAllBytes(shardFile(old)));
        assertEquals(36, after.size());
        assertTrue(SealedLine.open(after.get(35)) instanceof SealedLine.Verified, "new lines carry a checksum");
        assertEquals(Manifest.PREVIOUS, Documents.tree(Files.readString(old.resolve("manifest.json")))
                .get("schema").asString(), "the manifest is not rewritten");
        assertEquals(summary(reference()), summary(old));
    }

    @Test
    void theManifestIsReadableByEveryoneAndNoTemporaryFileStays() throws IOException {
        Path sweep = reference();
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(sweep.resolve("manifest.json"))));
        try (var files = Files.list(sweep)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        Manifest m = SweepStore.readManifest(sweep);
        assertEquals(Manifest.SCHEMA, m.schema());
        assertEquals(Manifest.digest(m.parameters()), m.sweepDigest());
        assertEquals(36, SweepStore.readRecords(sweep, RealizationRecord.class).size());
    }

    /** A manifest that cannot be written (here: a file-size limit, as a full disk) leaves no temporary file. */
    @Test
    void aFailedManifestWriteLeavesNoTemporaryFile() throws Exception {
        Path sweep = dir.resolve("full");
        Finished run = runWrapped(List.of("bash", "-c", "ulimit -f 1; exec \"$@\"", "bash"), dir.resolve("full.log"),
                sweep(sweep));
        assertEquals(Main.FAILURE, run.code(), run.output());
        assertTrue(run.last().startsWith("dnp: " + sweep.resolve("manifest.json") + ": cannot be written (File too large"),
                run.output());
        try (var files = Files.list(sweep)) {
            assertEquals(List.of(sweep.resolve("results")), files.toList(), "no manifest, no temporary file");
        }
        ok(List.of("sweep", "--L", "3", "--t", "1", "--realizations", "1", "--out", sweep.toString(), "-q"));
    }

    static List<byte[]> lines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    static void write(Path file, List<byte[]> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        Files.write(file, out.toByteArray());
    }

    static int indexOf(byte[] line, String text) {
        return new String(line, StandardCharsets.ISO_8859_1).indexOf(text);
    }
}
