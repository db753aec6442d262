package dnp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dnp transition} and {@code dnp multifractal} end to end. */
class TransitionTest {
    @TempDir
    Path dir;

    @Test
    void transitionCommandWritesTablesPlotAndEstimate() throws Exception {
        Path out = dir.resolve("tr");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "transition", "--L", "4,6", "--ratio", "10,16,25",
                "--realizations", "6", "--bootstrap", "50", "--out", out.toString(), "-q");
        assertEquals(0, code, err.toString());
        for (String f : List.of("transition.csv", "crossings.csv", "estimate.json", "transition.png", "transition.svg")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(out.resolve("transition.csv"));
        assertEquals(1 + 2 * 3, rows.size());
        assertTrue(rows.get(1).startsWith("4,10.0,10.8,6,"), rows.get(1));
        assertTrue(rows.get(1).endsWith(",lanczos,0"), "the quick preset's Lanczos levels: " + rows.get(1));
        long before = Files.size(out.resolve("L4/results/shard-0001-of-0001.jsonl"));
        assertEquals(0, Main.execute(new PrintWriter(err, true), "transition", "--L", "4,6", "--ratio", "10,16,25",
                "--realizations", "6", "--bootstrap", "50", "--out", out.toString(), "-q"));
        assertEquals(before, Files.size(out.resolve("L4/results/shard-0001-of-0001.jsonl")), "resumed, nothing recomputed");
    }

    /**
     * The Lanczos route gives, record by record, the ⟨r⟩ of the dense eigenvalues in the same energy
     * window; a stored Lanczos sweep does not resume as a dense one.
     */
    @Test
    void lanczosEigenvaluesReproduceTheDenseWindow() throws Exception {
        Path out = dir.resolve("lanczos");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "transition", "--L", "5,6", "--ratio", "12,20",
                "--realizations", "3", "--eigenvalues", "lanczos", "--energy-window", "3", "--bootstrap", "20",
                "--scaling-bootstrap", "0", "--out", out.toString(), "-q");
        assertEquals(0, code, err.toString());
        int checked = 0;
        for (int size : new int[]{5, 6}) {
            var records = dnp.sweep.SweepStore.readRecords(out.resolve("L" + size),
                    dnp.sweep.records.SpectrumLines.GapRatioLine.class);
            assertEquals(6, records.size());
            for (var rec : records.values()) {
                var lattice = dnp.kernel.model.Lattice.periodic(size);
                var disorder = dnp.kernel.model.Disorder.box(lattice.sites(), 108, 1, rec.realization());
                double centre = 0;
                for (int i = 0; i < lattice.sites(); i++) {
                    centre += disorder.at(i) / lattice.sites();
                }
                double[] all;
                try (var m = dnp.kernel.model.AndersonHamiltonian.build(lattice, rec.t(), disorder)) {
                    all = new dnp.kernel.eigen.LapackEigenSolver(dnp.kernel.eigen.LapackEigenSolver.Routine.DSYEVD)
                            .eigenvalues(m);
                }
                double lower = centre - 3 * rec.t();
                double upper = centre + 3 * rec.t();
                double[] window = java.util.Arrays.stream(all).filter(v -> v >= lower && v <= upper).toArray();
                var expected = dnp.kernel.physics.SpectralStatistics.gapRatioOfAll(window);
                assertEquals(expected.count(), rec.gapRatioCount(), rec.key());
                assertEquals(expected.mean(), rec.gapRatio(), 1e-8, rec.key());
                assertEquals(dnp.sweep.records.EigenStage.LANCZOS, rec.eigenvalues(), "the line says what ran");
                assertEquals(null, rec.lanczosFallback(), "no window fell back to dense eigenvalues");
                checked++;
            }
        }
        assertEquals(12, checked);
        var levels = dnp.sweep.records.Documents.tree(Files.readString(out.resolve("estimate.json"))).get("levels");
        assertEquals(12, levels.get("lines").asInt());
        assertEquals(0, levels.get("windowsFromDense").asInt());
        assertEquals("lanczos", levels.get("eigenvalues").get(0).asString());
        assertTrue(Files.readAllLines(out.resolve("transition.csv")).get(1).endsWith(",lanczos,0"),
                "per point: the routine and the windows from dense eigenvalues");
        var manifest = dnp.sweep.SweepStore.readManifest(out.resolve("L5")).parameters();
        assertEquals(new dnp.sweep.records.SweepMode.LanczosGapRatio(3), manifest.mode());
        assertEquals(dnp.sweep.records.Method.LANCZOS, manifest.method(), "the manifest says what ran");
        assertEquals(null, manifest.omegaN(), "no DNP parameters in a sweep of levels");
        assertEquals(null, manifest.gapFraction(), "the window, not a central fraction, selects the levels");
        var written = dnp.sweep.records.Documents.tree(Files.readString(out.resolve("L5/manifest.json"))).get("parameters");
        assertEquals("lanczos", written.get("method").asString());
        assertEquals(3.0, written.get("mode").get("energyWindow").asDouble());
        assertFalse(written.has("t1n") || written.has("convention"), written.toString());
        int refused = Main.execute(new PrintWriter(err, true), "transition", "--L", "5,6", "--ratio", "12,20",
                "--realizations", "3", "--bootstrap", "20", "--scaling-bootstrap", "0", "--out", out.toString(), "-q");
        assertEquals(2, refused, "a dense run must not resume a Lanczos sweep");
        assertEquals(2, Main.execute(new PrintWriter(err, true), "transition", "--eigenvalues", "dense",
                "--energy-window", "2", "--dry-run"), "--energy-window with dense eigenvalues");
        assertEquals(2, Main.execute(new PrintWriter(err, true), "transition", "--gap-fraction", "0.3", "--dry-run"),
                "--gap-fraction with Lanczos eigenvalues");
    }

    @Test
    void multifractalCommandFitsBothExponents() throws Exception {
        Path out = dir.resolve("mf");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "multifractal", "--L", "4,5,6,7", "--realizations", "3",
                "--mu-window", "0.5", "--mu-range", "1:1", "--bootstrap", "20", "--out", out.toString(), "-q");
        assertEquals(0, code, err.toString());
        var fits = dnp.sweep.records.Documents.read(Files.readString(out.resolve("fits.json")),
                dnp.sweep.records.MultifractalFits.class);
        assertEquals(List.of("mean", "typical"), fits.d2().stream().map(d -> d.average()).toList());
        for (var d : fits.d2()) {
            assertTrue(d.d2() > 0 && d.d2() < 3, "D_2 between 0 and d = 3: " + d.d2());
            assertEquals(3, d.localSlopes().size(), "one local slope per pair of successive sizes");
            assertEquals(3, d.corrected().size(), "one corrected fit per default y");
            assertEquals(1, d.corrected().getFirst().dof(), "four sizes, three parameters");
        }
        assertTrue(Double.isFinite(fits.mu().mu()), "μ fitted at the largest size");
        assertEquals(7, fits.mu().size());
        assertEquals(4, fits.muBySize().size());
        for (String f : List.of("ipr.csv", "d2.csv", "correlator.csv", "mu-range.csv", "ipr-scaling.png",
                "correlator-tc.svg")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        // 4 sizes × 5 lower × 4 upper ends of the range, plus the header.
        assertEquals(1 + 4 * 5 * 4, Files.readAllLines(out.resolve("mu-range.csv")).size());
    }

    @Test
    void multifractalRejectsAWindowWiderThanThePairWindow() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "multifractal", "--window", "0.3", "--mu-window", "0.2",
                "--out", dir.resolve("bad").toString(), "-q");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--mu-window"), err.toString());
    }
}
