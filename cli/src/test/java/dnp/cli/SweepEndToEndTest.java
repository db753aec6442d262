package dnp.cli;

import dnp.sweep.SweepStore;
import dnp.sweep.records.Documents;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.records.SealedLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
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

/** The command line end to end on small lattices (L = 4–6), as a user would run it. */
class SweepEndToEndTest {
    @TempDir
    Path dir;

    static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), args);
        assertEquals(0, code, "dnp " + String.join(" ", args) + " failed: " + err);
        return code;
    }

    static String[] sweepArgs(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--L", "4,5", "--t", "1,6.5,20", "--realizations", "3",
                "--omega-n", "1,20", "--omega-mw", "93860,93880", "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** key → the record without its provenance (dates differ between runs). */
    static Map<String, String> results(Path sweep) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        SweepStore.readRecords(sweep, RealizationRecord.class).forEach((key, record) -> {
            assertTrue(record.timings().total() >= 0);
            ObjectNode copy = (ObjectNode) Documents.tree(record);
            copy.remove("provenance");
            copy.remove("timings");
            out.put(key, copy.toString());
        });
        return out;
    }

    @Test
    void singlePrintsTheDocumentedJson() throws IOException {
        Path out = dir.resolve("single.json");
        run("single", "--L", "4", "--t", "6.5", "--omega-n", "1,20", "--omega-mw", "93860,93870", "--output", out.toString());
        JsonNode doc = Documents.tree(Files.readString(out));
        for (String key : List.of("schema", "L", "N", "t", "w", "ipr", "dosSecondMoment", "gapRatio", "pairs",
                "correlator", "timings", "provenance")) {
            assertTrue(doc.has(key), key);
        }
        assertTrue(doc.get("N").isIntegralNumber(), "N is a JSON integer");
        assertEquals(64, doc.get("N").asInt());
        JsonNode pairs = doc.get("pairs");
        assertEquals(4, pairs.size());
        JsonNode first = pairs.get(0);
        for (String key : List.of("omegaN", "omegaMW", "Pn", "PnGOE", "emit", "abs", "K", "R", "C")) {
            assertTrue(first.has(key), key);
        }
        assertTrue(first.get("emit").has("leakage"));
        assertEquals(1.0, doc.get("correlator").get(2).get("omega").asDouble());
        assertTrue(doc.get("provenance").get("lapackeProvider").asString().contains("OpenBLAS"));
        assertTrue(doc.get("provenance").get("commandLine").toString().contains("--omega-mw"));
        RealizationRecord typed = Documents.read(Files.readString(out), RealizationRecord.class);
        assertEquals(4, typed.size());
    }

    @Test
    void shardsMergedEqualTheUnshardedRunAndParallelEqualsSerial() throws IOException {
        Path whole = dir.resolve("whole");
        run(sweepArgs(whole, "--parallel", "1", "--blas-threads", "1"));
        Path shared = dir.resolve("shared");
        for (int i = 1; i <= 3; i++) {
            run(sweepArgs(shared, "--shard", i + "/3", "--parallel", "2", "--blas-threads", "1"));
        }
        Path separate1 = dir.resolve("separate1");
        Path separate2 = dir.resolve("separate2");
        run(sweepArgs(separate1, "--shard", "1/2", "--parallel", "1", "--blas-threads", "1"));
        run(sweepArgs(separate2, "--shard", "2/2", "--parallel", "1", "--blas-threads", "1"));
        Map<String, String> expected = results(whole);
        assertEquals(2 * 3 * 3, expected.size());
        assertEquals(expected, results(shared), "three shards in one folder, two realizations at a time");

        run("summarize", whole.toString(), "--out", dir.resolve("sum-whole").toString(), "--no-plots");
        run("summarize", separate1.toString(), separate2.toString(), "--out", dir.resolve("sum-merged").toString(),
                "--no-plots");
        for (String table : List.of("polarization.csv", "statistics.csv", "correlator.csv", "dos.csv")) {
            assertEquals(Files.readString(dir.resolve("sum-whole").resolve(table)),
                    Files.readString(dir.resolve("sum-merged").resolve(table)), table);
        }
        List<String> lines = Files.readAllLines(dir.resolve("sum-whole").resolve("polarization.csv"));
        assertTrue(lines.getFirst().startsWith("L,t,omegaN,omegaMW,convention,realizations,Pn_mean,Pn_std,Pn_sem"));
        assertEquals(1 + 2 * 3 * 4, lines.size(), "one row per L, t and pair");
        assertTrue(lines.get(1).startsWith("4,1.0,1.0,93860.0,si,3,"), lines.get(1));
    }

    @Test
    void rerunSkipsFinishedWork() throws IOException {
        Path out = dir.resolve("again");
        run(sweepArgs(out));
        long before = Files.size(out.resolve("results").resolve("shard-0001-of-0001.jsonl"));
        run(sweepArgs(out));
        assertEquals(before, Files.size(out.resolve("results").resolve("shard-0001-of-0001.jsonl")));
    }

    @Test
    void resumeAfterKillNineEqualsAnUninterruptedRun() throws Exception {
        Path reference = dir.resolve("uninterrupted");
        Path killed = dir.resolve("killed");
        String[] args = {"sweep", "--L", "8", "--t", "1:20:1", "--realizations", "2", "--out", killed.toString(),
                "--parallel", "1", "--blas-threads", "1"};
        Path results = killed.resolve("results").resolve("shard-0001-of-0001.jsonl");
        // stderr goes to a file, as in a batch job: progress comes as plain lines (here after every realization).
        ProcessBuilder builder = new ProcessBuilder(javaCommand(args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile());
        builder.environment().put("DNP_PROGRESS_SECONDS", "0");
        Process p = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()
                && (!Files.exists(results) || Files.readAllLines(results).size() < 3)) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the sweep finished before it could be killed: " + Files.readString(dir.resolve("killed.log")));
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, possibly mid-line
        p.waitFor();
        String log = Files.readString(dir.resolve("killed.log"));
        assertTrue(log.lines().anyMatch(l -> l.matches("dnp: \\d+/\\d+ realizations, .*ETA.*")),
                "progress lines in the log:\n" + log);
        int partial = SweepStore.readRecords(killed, RealizationRecord.class).size();
        assertTrue(partial >= 3 && partial < 40, "killed after " + partial + " realizations");
        run(args);
        String[] same = args.clone();
        same[8] = reference.toString();
        run(same);
        assertEquals(results(reference), results(killed));
        for (String line : Files.readAllLines(results)) {
            // every line whole and verified
            var opened = SealedLine.open(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(opened instanceof SealedLine.Verified, line);
            Documents.read(((SealedLine.Verified) opened).record(), RealizationRecord.class);
        }
    }

    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dnp.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void figureThreeQuickWritesPngSvgAndCsv() throws IOException {
        Path out = dir.resolve("fig3");
        run("figure", "3", "--L", "4", "--realizations", "2", "--out", out.toString(), "-q");
        assertTrue(Files.size(out.resolve("fig3.png")) > 1000);
        assertTrue(Files.readString(out.resolve("fig3.svg")).contains("<svg"));
        assertTrue(Files.readString(out.resolve("tables").resolve("polarization.csv")).startsWith("L,t,"));
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, Main.execute(new PrintWriter(err, true), "figure", "3", "--L", "4",
                "--realizations", "2", "--out", out.toString(), "-q"), "refuses to overwrite without --force");
        run("figure", "3", "--L", "4", "--realizations", "2", "--out", out.toString(), "-q", "--force");
    }

    /**
     * The Eq. 24 check at L = 4: its PNG, and Eq. 24 in the table as a finite positive number (thermal
     * direction) at every t; the Eq. 29 check at L = 4 writes its three panels.
     */
    @Test
    void approximationChecksWriteTheirPanelsAndColumns() throws IOException {
        Path eq24 = dir.resolve("eq24");
        run("figure", "eq24", "--L", "4", "--realizations", "2", "--out", eq24.toString(), "-q");
        assertTrue(Files.size(eq24.resolve("eq24.png")) > 1000);
        List<String> lines = Files.readAllLines(eq24.resolve("tables").resolve("polarization.csv"));
        List<String> header = List.of(lines.getFirst().split(","));
        int column = header.indexOf("PnEq24_mean");
        assertTrue(column > 0, "PnEq24_mean in " + header);
        for (String line : lines.subList(1, lines.size())) {
            double v = Double.parseDouble(line.split(",")[column]);
            assertTrue(v > 0 && Double.isFinite(v), "Eq. 24 in " + line);
        }
        Path eq29 = dir.resolve("eq29");
        run("figure", "eq29", "--realizations", "1", "--out", eq29.toString(), "-q", "--L", "4");
        for (String panel : List.of("eq29.png", "eq29-L.png", "eq29-R.png")) {
            assertTrue(Files.size(eq29.resolve(panel)) > 1000, panel);
        }
        // The ω_MW profile of ε: its table carries ε and T_B, mean ε = mean P_n / P_n^thermal (one ω_n).
        Path profile = dir.resolve("profile");
        run("figure", "profile", "--L", "4", "--realizations", "2", "--out", profile.toString(), "-q");
        assertTrue(Files.size(profile.resolve("profile.png")) > 1000);
        lines = Files.readAllLines(profile.resolve("tables").resolve("polarization.csv"));
        header = List.of(lines.getFirst().split(","));
        assertEquals(1 + 3 * 49, lines.size(), "three hoppings, 49 ω_MW");
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            double pn = Double.parseDouble(v[header.indexOf("Pn_mean")]);
            double thermal = Double.parseDouble(v[header.indexOf("PnThermal")]);
            double epsilon = Double.parseDouble(v[header.indexOf("enhancement_mean")]);
            double buildUp = Double.parseDouble(v[header.indexOf("buildUpTime_mean")]);
            assertEquals(pn, epsilon * thermal, 1e-12 * Math.abs(pn), "ε·P_n^thermal = P_n in " + line);
            assertTrue(buildUp > 0 && buildUp <= dnp.kernel.model.PhysicalParameters.TABLE_I.t1n() * (1 + 1e-12), "0 < T_B ≤ T_1n in " + line);
        }
    }
}
