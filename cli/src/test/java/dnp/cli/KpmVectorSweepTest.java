package dnp.cli;

import dnp.kpm.Estimator;
import dnp.sweep.SweepStore;
import dnp.sweep.records.Documents;
import dnp.sweep.records.Manifest;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vector estimator through the command line: the default for {@code --method kpm}, its records and
 * their schema, a sweep divided over shards by {@code --site-parts} (whole groups per part) equal to the
 * undivided one, and a resume with another estimator refused.
 */
class KpmVectorSweepTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() throws IOException {
        SchemaValidationTest.loadSchemas();
    }

    /** A vector-estimator sweep of 2 hoppings × 2 realizations at L = 4, M = 128, default vectors. */
    static String[] sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--method", "kpm", "--moments", "128", "--L", "4", "--t",
                "2,6.5", "--realizations", "2", "--omega-n", "1,20", "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void theDefaultEstimatorIsVectorsAndItsRecordsSaySo() throws IOException {
        Path out = dir.resolve("single.json");
        KpmSiteSplitTest.run("single", "--method", "kpm", "--L", "6", "--t", "6.5", "--moments", "128", "--output",
                out.toString());
        SchemaValidationTest.assertValidFile("realization.schema.json", out);
        RealizationRecord r = Documents.read(Files.readString(out), RealizationRecord.class);
        RealizationRecord.Kpm kpm = r.kpm();
        assertEquals(Estimator.VECTORS, kpm.estimator());
        assertEquals(64, kpm.vectors(), "the default: 16 parts, two pairs each");
        assertEquals(8, kpm.groups());
        assertEquals(8, kpm.errorDegreesOfFreedom());
        assertEquals(216, kpm.sampledSites(), "every site");
        for (PairRecord p : r.pairs()) {
            assertTrue(p.pnError() > 0 && p.kError() > 0 && p.cError() > 0, "errors from the vectors' noise");
        }
        assertTrue(Files.readString(out).contains("\"estimator\" : \"vectors\""), "written as the option's word");
        // --sites alone asks for the site estimator.
        Path sites = dir.resolve("sites.json");
        KpmSiteSplitTest.run("single", "--method", "kpm", "--L", "6", "--t", "6.5", "--moments", "128", "--sites", "40",
                "--output", sites.toString());
        RealizationRecord s = Documents.read(Files.readString(sites), RealizationRecord.class);
        assertEquals(Estimator.SITES, s.kpm().estimator());
        assertEquals(40, s.kpm().sampledSites());
        assertEquals(39, s.kpm().errorDegreesOfFreedom());
    }

    @Test
    void splitOverShardsEqualsTheUnsplitSweep() throws IOException {
        Path whole = dir.resolve("whole");
        Path split = dir.resolve("split");
        KpmSiteSplitTest.run(sweep(whole));
        assertFalse(Files.exists(whole.resolve("moments")), "the vector estimator keeps no moments unless asked");
        KpmSiteSplitTest.run(sweep(split, "--site-parts", "3", "--shard", "1/2"));
        KpmSiteSplitTest.run(sweep(split, "--site-parts", "3", "--shard", "2/2"));
        try (Stream<Path> files = Files.list(split.resolve("moments"))) {
            assertEquals(12, files.filter(p -> p.getFileName().toString().matches("kpmvec-.*-part\\dof3\\.bin")).count(),
                    "one file per (realization, part)");
        }
        Map<String, RealizationRecord> a = SweepStore.readRecords(whole, RealizationRecord.class);
        Map<String, RealizationRecord> b = SweepStore.readRecords(split, RealizationRecord.class);
        KpmSiteSplitTest.assertSameRecords(a, b);
        for (RealizationRecord r : b.values()) {
            assertEquals(Estimator.VECTORS, r.kpm().estimator());
            for (int k = 0; k < r.pairs().size(); k++) {
                assertEquals(a.get(r.key()).pairs().get(k).cError(), r.pairs().get(k).cError(), r.key());
            }
        }
        SchemaValidationTest.assertValidLines("realization.schema.json", split);
        SchemaValidationTest.assertValidFile("manifest.schema.json", split.resolve("manifest.json"));
        Manifest manifest = Documents.read(Files.readString(split.resolve("manifest.json")), Manifest.class);
        assertEquals(Estimator.VECTORS, manifest.parameters().kpmEstimator());
        assertEquals(0, manifest.parameters().kpmVectors(), "the default count, resolved per L in the records");
        KpmSiteSplitTest.run("summarize", split.toString(), "--no-plots");
    }

    @Test
    void aResumeWithAnotherEstimatorIsRefused() throws IOException {
        Path out = dir.resolve("resume");
        KpmSiteSplitTest.run(sweep(out));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), sweep(out, "--estimator", "sites", "--sites", "20"));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("kpmEstimator"), err.toString());
        // Another vector count is another sweep, too.
        err = new StringWriter();
        code = Main.execute(new PrintWriter(err, true), sweep(out, "--vectors", "32"));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("kpmVectors"), err.toString());
        assertNotNull(SweepStore.readManifest(out));
    }
}
