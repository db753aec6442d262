package dnp.cli;

import dnp.kernel.model.Convention;
import dnp.sweep.SweepStore;
import dnp.sweep.records.Documents;
import dnp.sweep.records.Method;
import dnp.sweep.records.RealizationRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --method kpm} end to end: single and sweep documents that validate, moments kept per
 * realization, a rerun that resumes, and a second sweep with other frequencies and convention that
 * is evaluated from the stored moments alone.
 */
class KpmSweepTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void schemas() throws IOException {
        SchemaValidationTest.loadSchemas();
    }

    static void run(String... args) {
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), args), err.toString());
    }

    static Map<Path, FileTime> momentFiles(Path folder) throws IOException {
        Map<Path, FileTime> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.toList()) {
                files.put(f.getFileName(), Files.getLastModifiedTime(f));
            }
        }
        return files;
    }

    @Test
    void singleWithKpmWritesAValidDocument() throws IOException {
        Path out = dir.resolve("single-kpm.json");
        run("single", "--L", "4", "--t", "6.5", "--method", "kpm", "--moments", "256", "--sites", "16",
                "--omega-n", "1,20", "--output", out.toString());
        SchemaValidationTest.assertValidFile("realization.schema.json", out);
        RealizationRecord r = Documents.read(Files.readString(out), RealizationRecord.class);
        assertEquals(Method.KPM, r.method());
        assertEquals(16, r.kpm().sampledSites());
        assertTrue(r.pairs().getFirst().pnError() > 0, "a sampled estimate has an error bar");
        assertTrue(Double.isNaN(r.ipr()), "no IPR from moments");
    }

    @Test
    void kpmSweepStoresMomentsResumesAndReevaluatesFromThem() throws IOException {
        Path first = dir.resolve("kpm-a");
        String[] sweep = {"sweep", "--method", "kpm", "--moments", "128", "--sites", "0", "--L", "4", "--t", "2,6.5",
                "--realizations", "2", "--out", first.toString(), "-q"};
        run(sweep);
        SchemaValidationTest.assertValidLines("realization.schema.json", first);
        Map<Path, FileTime> moments = momentFiles(first.resolve("moments"));
        assertEquals(4, moments.size(), "one moment file per (t, realization)");
        long lines = Files.readAllLines(first.resolve("results").resolve("shard-0001-of-0001.jsonl")).size();
        run(sweep);
        assertEquals(lines, Files.readAllLines(first.resolve("results").resolve("shard-0001-of-0001.jsonl")).size(),
                "resumed: nothing recomputed");
        // Other ω_n, ω_MW and convention from the same moments: no new or rewritten moment file.
        Path second = dir.resolve("kpm-b");
        run("sweep", "--method", "kpm", "--moments", "128", "--sites", "0", "--L", "4", "--t", "2,6.5",
                "--realizations", "2", "--omega-n", "1,5", "--omega-mw", "93870", "--convention", "paper",
                "--moment-cache", first.resolve("moments").toString(), "--out", second.toString(), "-q");
        assertEquals(moments, momentFiles(first.resolve("moments")), "the stored moments were reused");
        assertTrue(Files.notExists(second.resolve("moments")));
        Map<String, RealizationRecord> a = SweepStore.readRecords(first, RealizationRecord.class);
        Map<String, RealizationRecord> b = SweepStore.readRecords(second, RealizationRecord.class);
        assertEquals(a.keySet(), b.keySet());
        for (String key : a.keySet()) {
            assertEquals(List.of(1.0, 5.0), b.get(key).pairs().stream().map(p -> p.omegaN()).toList());
            assertEquals(Convention.PAPER, b.get(key).convention());
            assertNotEquals(a.get(key).pairs().getFirst().pn(), b.get(key).pairs().getFirst().pn());
        }
        run("summarize", second.toString(), "--no-plots");
        SchemaValidationTest.assertValidFile("summary.schema.json", second.resolve("summary").resolve("provenance.json"));
    }
}
