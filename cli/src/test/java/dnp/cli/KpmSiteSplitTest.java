package dnp.cli;

import dnp.sweep.SweepStore;
import dnp.sweep.records.Documents;
import dnp.sweep.records.Manifest;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RatePartsRecord;
import dnp.sweep.records.RealizationRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --site-parts K}: a KPM sweep whose realizations are divided over sites into parts that shards
 * share. Split and unsplit runs give the same records; a missing part is recomputed alone; parts left
 * without a record are combined by the next run; concurrent shards write each record once.
 */
class KpmSiteSplitTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() throws IOException {
        SchemaValidationTest.loadSchemas();
    }

    static void run(String... args) {
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), args), String.join(" ", args) + ": " + err);
    }

    /** A KPM sweep of 2 hoppings × 2 realizations at L = 4 (4 realizations), with extra options. */
    static String[] sweep(Path out, String convention, String sites, String... extra) {
        return sweepAt(out, convention, sites, "1,20", "93860,93880", extra);
    }

    /** The same with the given ω_n and ω_MW lists. */
    static String[] sweepAt(Path out, String convention, String sites, String omegaN, String omegaMW, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--method", "kpm", "--moments", "128", "--sites", sites,
                "--L", "4", "--t", "2,6.5", "--realizations", "2", "--omega-n", omegaN, "--omega-mw", omegaMW,
                "--convention", convention, "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static long lines(Path sweep) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(sweep.resolve("results"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                n += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
            }
        }
        return n;
    }

    static List<Path> partFiles(Path sweep) throws IOException {
        try (Stream<Path> files = Files.list(sweep.resolve("moments"))) {
            return files.filter(p -> p.getFileName().toString().matches("kpm-.*-part\\d+of\\d+\\.bin")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "convention {0}, --sites {1}, --site-parts {2}")
    @CsvSource({"si, 20, 3", "paper, 20, 3", "si, 0, 4", "paper, 0, 5"})
    void splitOverShardsEqualsTheUnsplitSweep(String convention, String sites, int parts) throws IOException {
        Path whole = dir.resolve("whole");
        Path split = dir.resolve("split");
        run(sweep(whole, convention, sites));
        run(sweep(split, convention, sites, "--site-parts", String.valueOf(parts), "--shard", "1/2"));
        run(sweep(split, convention, sites, "--site-parts", String.valueOf(parts), "--shard", "2/2"));

        assertEquals(4L * parts, partFiles(split).size(), "one file per (realization, part)");
        assertEquals(4, lines(split), "each realization written exactly once");
        assertSameRecords(SweepStore.readRecords(whole, RealizationRecord.class),
                SweepStore.readRecords(split, RealizationRecord.class));
        SchemaValidationTest.assertValidLines("realization.schema.json", split);
        SchemaValidationTest.assertValidFile("manifest.schema.json", split.resolve("manifest.json"));
        Manifest manifest = Documents.read(Files.readString(split.resolve("manifest.json")), Manifest.class);
        assertEquals(parts, manifest.parameters().kpmSiteParts());

        // Rerunning both shards finds everything done and writes nothing.
        run(sweep(split, convention, sites, "--site-parts", String.valueOf(parts), "--shard", "1/2"));
        run(sweep(split, convention, sites, "--site-parts", String.valueOf(parts), "--shard", "2/2"));
        assertEquals(4, lines(split));
        // The summary merges the folder like any other.
        run("summarize", split.toString(), "--no-plots");
        SchemaValidationTest.assertValidFile("summary.schema.json", split.resolve("summary").resolve("provenance.json"));
    }

    @Test
    void aMissingPartIsRecomputedAloneAndLeftoverPartsAreCombinedOnRerun() throws IOException {
        Path split = dir.resolve("resume");
        String[] first = sweep(split, "si", "20", "--site-parts", "3", "--shard", "1/2");
        String[] second = sweep(split, "si", "20", "--site-parts", "3", "--shard", "2/2");
        run(first);
        // Units u = 3·task + part; shard 1/2 holds the even ones: 6 of the 12 parts, no realization complete.
        List<Path> parts = partFiles(split);
        assertEquals(6, parts.size());
        assertEquals(0, lines(split));
        Path lost = parts.get(2);
        byte[] lostBytes = Files.readAllBytes(lost);
        Files.delete(lost);
        FileTime old = FileTime.fromMillis(946_684_800_000L); // 2000-01-01: marks the files a rerun must not touch
        for (Path p : partFiles(split)) {
            Files.setLastModifiedTime(p, old);
        }
        run(first);
        assertEquals(parts, partFiles(split), "the missing part is back");
        assertArrayEquals(lostBytes, Files.readAllBytes(lost), "recomputed to the same bytes");
        for (Path p : parts) {
            assertEquals(p.equals(lost), !Files.getLastModifiedTime(p).equals(old), p + ": only the missing part is rewritten");
        }

        run(second);
        assertEquals(12, partFiles(split).size());
        Map<String, RealizationRecord> records = SweepStore.readRecords(split, RealizationRecord.class);
        assertEquals(4, records.size());

        // A task killed after writing a realization's last part but before its record: the parts are there,
        // the records not. A rerun of a shard holding a part of each realization combines them, computing nothing.
        try (Stream<Path> files = Files.list(split.resolve("results"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                Files.delete(f);
            }
        }
        for (Path p : partFiles(split)) {
            Files.setLastModifiedTime(p, old);
        }
        run(second);
        for (Path p : partFiles(split)) {
            assertEquals(old, Files.getLastModifiedTime(p), p + " not recomputed");
        }
        assertEquals(4, lines(split));
        assertSameRecords(records, SweepStore.readRecords(split, RealizationRecord.class));
    }

    @Test
    void anotherSweepEvaluatesOtherFrequenciesFromTheStoredParts() throws IOException {
        Path first = dir.resolve("first");
        run(sweep(first, "si", "20", "--site-parts", "2"));
        List<Path> parts = partFiles(first);
        FileTime old = FileTime.fromMillis(946_684_800_000L);
        for (Path p : parts) {
            Files.setLastModifiedTime(p, old);
        }
        Path second = dir.resolve("second");
        Path whole = dir.resolve("second-whole");
        run(sweepAt(second, "paper", "20", "5", "93870", "--site-parts", "2", "--moment-cache",
                first.resolve("moments").toString()));
        run(sweepAt(whole, "paper", "20", "5", "93870"));
        for (Path p : parts) {
            assertEquals(old, Files.getLastModifiedTime(p), p + " read, not rewritten");
        }
        assertTrue(Files.notExists(second.resolve("moments")), "nothing computed");
        assertSameRecords(SweepStore.readRecords(whole, RealizationRecord.class),
                SweepStore.readRecords(second, RealizationRecord.class));
    }

    @Test
    void concurrentShardsFinishingOneRealizationWriteItsRecordOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                Path split = dir.resolve("concurrent-" + attempt);
                // K = 2 and 2 shards: every realization has one part in each shard, which both may finish last.
                List<Future<?>> runs = new ArrayList<>();
                for (String shard : List.of("1/2", "2/2")) {
                    runs.add(pool.submit(() -> run(sweep(split, "si", "0", "--site-parts", "2", "--shard", shard))));
                }
                for (Future<?> f : runs) {
                    f.get();
                }
                assertEquals(4, lines(split), "attempt " + attempt + ": one line per realization");
                assertEquals(4, SweepStore.readRecords(split, RealizationRecord.class).size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Same keys, and every value the evaluation produces within 1e-12 relative (the same sums, perhaps in another order). */
    static void assertSameRecords(Map<String, RealizationRecord> expected, Map<String, RealizationRecord> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            RealizationRecord a = expected.get(key);
            RealizationRecord b = actual.get(key);
            assertEquals(a.kpm().sampledSites(), b.kpm().sampledSites(), key);
            assertEquals(a.convention(), b.convention(), key);
            assertEquals(a.pairs().size(), b.pairs().size(), key);
            for (int k = 0; k < a.pairs().size(); k++) {
                PairRecord p = a.pairs().get(k);
                PairRecord q = b.pairs().get(k);
                String what = key + " pair " + k;
                close(p.pn(), q.pn(), what + " Pn");
                close(p.pnGoe(), q.pnGoe(), what + " PnGOE");
                close(p.pnError(), q.pnError(), what + " PnError");
                close(p.pnGoeError(), q.pnGoeError(), what + " PnGOEError");
                close(p.kError(), q.kError(), what + " KError");
                close(p.numerator(), q.numerator(), what + " numerator");
                close(p.denominator(), q.denominator(), what + " denominator");
                close(p.k(), q.k(), what + " K");
                close(p.r(), q.r(), what + " R");
                close(p.c(), q.c(), what + " C");
                for (RatePartsRecord[] r : new RatePartsRecord[][]{{p.emit(), q.emit()}, {p.abs(), q.abs()},
                        {p.goeEmit(), q.goeEmit()}, {p.goeAbs(), q.goeAbs()}}) {
                    close(r[0].iss(), r[1].iss(), what + " iss");
                    close(r[0].pl(), r[1].pl(), what + " pl");
                    close(r[0].leakage(), r[1].leakage(), what + " leakage");
                }
            }
            close(a.dos().density(), b.dos().density(), key + " DOS");
            close(a.correlatorK(), b.correlatorK(), key + " K(ω)");
            close(a.correlatorR(), b.correlatorR(), key + " R(ω)");
        }
    }

    static void close(double[] a, double[] b, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            close(a[i], b[i], what + "[" + i + "]");
        }
    }

    static void close(Double a, Double b, String what) {
        if (a == null || b == null) {
            assertEquals(a, b, what);
            return;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            assertEquals(Double.isNaN(a), Double.isNaN(b), what);
            return;
        }
        assertTrue(Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)), what + ": " + a + " vs " + b);
    }
}
