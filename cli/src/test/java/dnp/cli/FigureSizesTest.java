package dnp.cli;

import dnp.sweep.records.Documents;
import dnp.sweep.records.RealizationRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dnp figure sizes} on a tiny grid (dense L = 4, KPM L = 6, two hoppings, one realization):
 * one sweep per size, the figure, a table row per (L, t) whose values are those of {@code dnp single}
 * for the same realization, and a rerun that resumes.
 */
class FigureSizesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void schemas() throws IOException {
        SchemaValidationTest.loadSchemas();
    }

    static String[] tiny(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("figure", "sizes", "--L", "4,6", "--dense-up-to", "4", "--t",
                "2,6.5", "--realizations", "1", "--moments", "200", "--sites", "64", "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The record of {@code dnp single} for (L, t), seed 1, realization 0, with the given method options. */
    static RealizationRecord single(int size, double t, String... method) throws IOException {
        Path out = dir.resolve("single-" + size + "-" + t + ".json");
        List<String> args = new ArrayList<>(List.of("single", "--L", Integer.toString(size), "--t", Double.toString(t),
                "--seed", "1", "--realization", "0", "--omega-n", "20,1", "--output", out.toString(), "--force"));
        args.addAll(List.of(method));
        KpmSweepTest.run(args.toArray(String[]::new));
        return Documents.read(Files.readString(out), RealizationRecord.class);
    }

    @Test
    void tinyFigureWritesOneSweepPerSizeTheFigureAndOneRowPerSizeAndHopping() throws IOException {
        Path out = dir.resolve("sizes");
        KpmSweepTest.run(tiny(out));
        for (String size : List.of("L4", "L6")) {
            SchemaValidationTest.assertValidLines("realization.schema.json", out.resolve(size));
            SchemaValidationTest.assertValidFile("summary.schema.json",
                    out.resolve("tables").resolve(size).resolve("provenance.json"));
        }
        BufferedImage png = ImageIO.read(out.resolve("sizes.png").toFile());
        assertEquals(1800, png.getWidth(), "two panels side by side");
        assertEquals(600, png.getHeight());
        String svg = Files.readString(out.resolve("sizes.svg"));
        for (String text : List.of("L = 4 (dense)", "L = 6 (KPM, M = 200, S = 64)", "C(ω_n = 1)", "t_c",
                "nuclear polarization P_n")) {
            assertTrue(svg.contains(text), text + " in the SVG");
        }

        List<String> lines = Files.readAllLines(out.resolve("tables").resolve("sizes.csv"));
        List<String> header = List.of(lines.getFirst().split(","));
        assertEquals(List.of("L", "method", "kpm_moments", "kpm_sites", "kpm_estimator", "kpm_vectors", "t"),
                header.subList(0, 7));
        assertEquals(5, lines.size(), "header and one row per (L, t)");
        int pn = header.indexOf("Pn_mean");
        int c = header.indexOf("C_of_means");
        int k = header.indexOf("K_mean");
        List<String[]> rows = lines.subList(1, 5).stream().map(l -> l.split(",")).toList();
        assertEquals(List.of("4,dense,,,,,2.0", "4,dense,,,,,6.5", "6,kpm,200,64,sites,,2.0", "6,kpm,200,64,sites,,6.5"),
                rows.stream().map(r -> String.join(",", List.of(r).subList(0, 7))).toList());
        // One realization: the table holds exactly the values of dnp single for it, by either method.
        for (String[] row : rows) {
            int size = Integer.parseInt(row[0]);
            double t = Double.parseDouble(row[header.indexOf("t")]);
            RealizationRecord r = size == 4 ? single(4, t)
                    : single(6, t, "--method", "kpm", "--moments", "200", "--sites", "64");
            assertEquals(20.0, r.pairs().get(0).omegaN());
            // Same realization, same code; only the thread count (and so the order of BLAS sums) may differ.
            assertClose(r.pairs().get(0).pn(), Double.parseDouble(row[pn]), "P_n at L = " + size + ", t = " + t);
            assertClose(r.pairs().get(1).k(), Double.parseDouble(row[k]), "K(ω_n = 1) at L = " + size + ", t = " + t);
            assertClose(r.pairs().get(1).k() / r.pairs().get(1).r(), Double.parseDouble(row[c]),
                    "C(ω_n = 1) at L = " + size + ", t = " + t);
        }
        assertTrue(Files.readString(out.resolve("tables").resolve("README.txt")).contains("sizes.csv"));

        // A rerun refuses to overwrite without --force; with it, it resumes and recomputes nothing.
        StringWriter err = new StringWriter();
        assertEquals(Main.BAD_INPUT, Main.execute(new PrintWriter(err, true), tiny(out)), err.toString());
        String before = Files.readString(out.resolve("L6").resolve("results").resolve("shard-0001-of-0001.jsonl"));
        StringWriter again = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(again, true), tiny(out, "--force")), again.toString());
        assertEquals(before, Files.readString(out.resolve("L6").resolve("results").resolve("shard-0001-of-0001.jsonl")));
        assertEquals(lines, Files.readAllLines(out.resolve("tables").resolve("sizes.csv")));
    }

    static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(expected) && expected != 0, what + " is a finite, non-zero number: " + expected);
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    @Test
    void otherConventionReusesTheKpmMoments() throws IOException {
        Path si = dir.resolve("sizes-si");
        Path paper = dir.resolve("sizes-paper");
        KpmSweepTest.run(tiny(si));
        var moments = KpmSweepTest.momentFiles(si.resolve("moments"));
        assertEquals(2, moments.size(), "one moment file per KPM (t, realization)");
        KpmSweepTest.run(tiny(paper, "--convention", "paper", "--moment-cache", si.resolve("moments").toString()));
        assertEquals(moments, KpmSweepTest.momentFiles(si.resolve("moments")), "no moment file added or rewritten");
        assertTrue(Files.notExists(paper.resolve("moments")));
        List<String> lines = Files.readAllLines(paper.resolve("tables").resolve("sizes.csv"));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",paper,")), "convention column");
    }
}
