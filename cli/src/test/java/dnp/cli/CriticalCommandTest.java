package dnp.cli;

import dnp.sweep.SweepStore;
import dnp.sweep.records.CriticalScalingRecord;
import dnp.sweep.records.Documents;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dnp critical} end to end on tiny lattices: valid documents, C at t_c equal to K̄/R̄ of the
 * realization lines, the realizations each part used, and a rerun that computes nothing.
 */
class CriticalCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void schemas() throws IOException {
        SchemaValidationTest.loadSchemas();
    }

    static final String[] COMMAND = {"critical", "--L", "6,8", "--realizations", "3,2", "--scan-realizations", "2,1",
            "--t", "4.5,5.5,6.5,8,9", "--moments", "256", "--sites", "32", "--omega-n-log", "4:40:6", "--bin-width", "0.5",
            "--fit-omega", "0:40", "-q", "--out"};

    static String[] command(Path out) {
        String[] args = java.util.Arrays.copyOf(COMMAND, COMMAND.length + 1);
        args[COMMAND.length] = out.toString();
        return args;
    }

    @Test
    void writesValidRecordsThatAgreeWithTheRealizationLinesAndResumes() throws IOException {
        Path out = dir.resolve("critical");
        KpmSweepTest.run(command(out));
        SchemaValidationTest.assertValidFile("critical-scaling.schema.json", out.resolve("critical.json"));
        for (String folder : List.of("L6", "L6-tc", "L8", "L8-tc")) {
            SchemaValidationTest.assertValidLines("realization.schema.json", out.resolve(folder));
        }
        CriticalScalingRecord doc = Documents.read(Files.readString(out.resolve("critical.json")),
                CriticalScalingRecord.class);
        assertEquals(6.5, doc.sizes().get(0).tNearest(), "the grid's t closest to 108/16.53");
        assertEquals(3, doc.sizes().get(0).realizations());
        assertEquals(2, doc.sizes().get(0).scanRealizations());
        for (CriticalScalingRecord.Size s : doc.sizes()) {
            assertNotNull(s.mu(), "μ fitted at L = " + s.size());
            assertTrue(s.mu().range()[0] >= s.floor(), "the fit starts at or above the floor");
            assertEquals(s.floor(), s.fitWindow()[0]);
            assertEquals(40, s.fitWindow()[1]);
            assertTrue(s.mu().interval()[0] <= s.mu().value() && s.mu().value() <= s.mu().interval()[1]);
        }
        // Three realizations at t_c: μ's correlated error is the jackknife over them; two (site estimator) give none.
        assertEquals("realizations", doc.sizes().get(0).mu().correlated().by());
        assertEquals(2, doc.sizes().get(0).mu().correlated().dof());
        assertEquals(null, doc.sizes().get(1).mu().correlated());

        // C at t_c is K̄/R̄ of the lines at t = 6.5 (both folders), averaged first.
        List<RealizationRecord> atTc = new ArrayList<>();
        for (String folder : List.of("L8", "L8-tc")) {
            SweepStore.readRecords(out.resolve(folder), RealizationRecord.class).values().stream()
                    .filter(r -> r.t() == 6.5).forEach(atTc::add);
        }
        assertEquals(2, atTc.size());
        List<String> rows = Files.readAllLines(out.resolve("critical.csv"));
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (!f[0].equals("8")) {
                continue;
            }
            double omega = Double.parseDouble(f[3]);
            double k = 0;
            double r = 0;
            for (RealizationRecord rec : atTc) {
                PairRecord p = rec.pairs().stream().filter(q -> q.omegaN() == omega).findFirst().orElseThrow();
                k += p.k() / atTc.size();
                r += p.r() / atTc.size();
            }
            assertEquals("2", f[4], "realizations");
            assertEquals(k / r, Double.parseDouble(f[8]), 1e-12 * k / r, "C at ω_n = " + omega);
            checked++;
        }
        assertEquals(6, checked, "one row per ω_n");
        // The scan of L = 6 uses its first two realizations at every t; one peak row per (scanned L, ω_n).
        List<String> scan = Files.readAllLines(out.resolve("scan.csv"));
        assertEquals(1 + 5 * 6 * 2, scan.size(), "5 t × 6 ω_n × 2 sizes");
        assertTrue(scan.stream().skip(1).filter(l -> l.startsWith("6,")).allMatch(l -> l.split(",")[4].equals("2")));
        assertEquals(1 + 6 * 2, Files.readAllLines(out.resolve("peaks.csv")).size());
        for (String plot : List.of("critical-tc.png", "critical-t-L6.svg", "critical-t-L8.png", "peak-width.png")) {
            assertTrue(Files.size(out.resolve(plot)) > 1000, plot);
        }

        // A rerun computes nothing: no moment file is rewritten and the outputs are the same.
        Map<Path, FileTime> moments = KpmSweepTest.momentFiles(out.resolve("moments"));
        assertEquals(2 * 5 + 1 + 1 * 5 + 1, moments.size(), "L = 6: 2 × 5 t + 1 at t_c; L = 8: 5 t + 1 at t_c");
        String csv = Files.readString(out.resolve("critical.csv"));
        KpmSweepTest.run(command(out));
        assertEquals(moments, KpmSweepTest.momentFiles(out.resolve("moments")));
        assertEquals(csv, Files.readString(out.resolve("critical.csv")));
    }

    @Test
    void theVectorEstimatorGivesErrorsThatKeepTheCorrelationsBetweenOmegas() throws IOException {
        Path out = dir.resolve("critical-vectors");
        KpmSweepTest.run("critical", "--L", "6", "--realizations", "1", "--scan-realizations", "1", "--t",
                "4.5,5.5,6.5,8,9", "--moments", "256", "--vectors", "32", "--omega-n-log", "4:40:6", "--bin-width", "0.5",
                "--fit-omega", "0:40", "-q", "--out", out.toString());
        SchemaValidationTest.assertValidFile("critical-scaling.schema.json", out.resolve("critical.json"));
        CriticalScalingRecord doc = Documents.read(Files.readString(out.resolve("critical.json")),
                CriticalScalingRecord.class);
        assertEquals(dnp.kpm.Estimator.VECTORS, doc.kpm().estimator());
        CriticalScalingRecord.Fit mu = doc.sizes().getFirst().mu();
        assertNotNull(mu.correlated(), "one realization with the vectors' per-group noise");
        assertEquals("vector-groups", mu.correlated().by());
        assertEquals(8, mu.correlated().dof(), "one realization × 8 groups");
        assertTrue(mu.correlated().error() > 0);
        double[] ci = mu.correlated().interval();
        assertTrue(ci[0] < mu.value() && mu.value() < ci[1]);
        for (RealizationRecord r : SweepStore.readRecords(out.resolve("L6"), RealizationRecord.class).values()) {
            for (PairRecord p : r.pairs()) {
                double sum = 0;
                for (double term : p.kErrorTerms()) {
                    sum += term * term;
                }
                assertEquals(p.kError(), Math.sqrt(sum), 1e-12 * p.kError(), "the terms make up KError");
            }
        }
    }
}
