package dnp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every wrong flag or value: one line on stderr naming the problem, a non-zero exit, no stack trace. */
class BadInputTest {
    /** A Java exception or error class name, simple or qualified. */
    static final java.util.regex.Pattern EXCEPTION_NAME =
            java.util.regex.Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.");
    /** A stack frame: "at pkg.Class.method(File.java:12)". */
    static final java.util.regex.Pattern STACK_FRAME = java.util.regex.Pattern.compile("at [\\w.$]+\\([\\w.]+:\\d+\\)");

    @TempDir
    static Path dir;

    record Case(String expectedFragment, List<String> args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Case bad(String fragment, String... args) {
        return new Case(fragment, List.of(args));
    }

    static Stream<Case> cases() throws IOException {
        Path existing = Files.writeString(dir.resolve("exists.json"), "{}");
        Path shortDisorder = Files.writeString(dir.resolve("short.txt"), "1\n2\n");
        Path nanDisorder = Files.writeString(dir.resolve("nan.txt"), "1\nNaN\n");
        Path hugeDisorder = Files.writeString(dir.resolve("huge.txt"), "1\n1e308\n");
        Path suffixDisorder = Files.writeString(dir.resolve("suffix.txt"), "1\n1.5d\n");
        Path hexDisorder = Files.writeString(dir.resolve("hex.txt"), "0x1p3\n");
        Path latin1Disorder = Files.write(dir.resolve("latin1.txt"), new byte[]{'1', '\n', (byte) 0xB5, '2', '\n'});
        Path other = dir.resolve("other-sweep");
        Path other50 = dir.resolve("other-sweep-w50");
        Path seeded = dir.resolve("seeded");
        Path split = dir.resolve("split-sweep");
        List<Case> cases = new ArrayList<>(List.of(
                bad("Unknown option", "single", "--frobnicate"),
                bad("Unmatched argument", "nonsense-command"),
                bad("--L", "single", "--L", "abc"),
                bad("periodic", "single", "--L", "2"),
                bad("at least 1", "single", "--L", "0", "--bc", "open"),
                bad("hopping t", "single", "--L", "3", "--t", "-1"),
                bad("Invalid value for option '--t': 'NaN' is not a decimal number", "single", "--L", "3", "--t", "NaN"),
                bad("'Infinity' is not a decimal number", "single", "--L", "3", "--t", "Infinity"),
                bad("'1.5d' is not a decimal number", "single", "--L", "3", "--t", "1.5d"),
                bad("'0x1p3' is not a decimal number", "single", "--L", "3", "--t", "0x1p3"),
                bad("'1e400' is too large", "single", "--L", "3", "--t", "1e400"),
                bad("hopping t must be from 0 to 1e7 2π·MHz, got 1.00000e+308", "single", "--L", "3", "--t", "1e308"),
                bad("--w (disorder width w) must be from 0 to 1e7 2π·MHz, got 1.00000e+308", "single", "--L", "3",
                        "--w", "1e308"),
                bad("ω_n (omega-n) must be above 0 and at most 1e7 2π·MHz, got 1.00000e+10", "single", "--L", "3",
                        "--omega-n", "1e10"),
                bad("'2x' is not a decimal number", "single", "--L", "3", "--omega-n", "1,2x"),
                bad("T_1e (t1e) must be from 1e-12 to 1e9 s", "single", "--L", "3", "--t1e", "1e-300"),
                bad("'0x10' is not a whole number", "single", "--L", "3", "--realization", "0x10"),
                bad("'3.0' is not a whole number", "single", "--L", "3.0"),
                bad("--moments must be from 2 to 1000000, got 2000000000", "single", "--L", "3", "--method", "kpm",
                        "--moments", "2000000000"),
                bad("more than a Java array holds", "single", "--L", "30", "--method", "kpm", "--sites", "0",
                        "--moments", "1000000"),
                bad("--vectors must be a multiple of 4, at least 8", "single", "--L", "4", "--method", "kpm",
                        "--vectors", "10"),
                bad("--vectors applies to --estimator vectors", "single", "--L", "4", "--method", "kpm",
                        "--estimator", "sites", "--vectors", "16"),
                bad("--sites applies to --estimator sites", "single", "--L", "4", "--method", "kpm",
                        "--estimator", "vectors", "--sites", "16"),
                bad("--estimator", "single", "--L", "4", "--method", "kpm", "--estimator", "bundles"),
                bad("--estimator vectors takes at most 20000 moments", "single", "--L", "4", "--method", "kpm",
                        "--moments", "30000"),
                bad("--vectors 1024 asks for 256 parts of a lattice of 64 sites", "single", "--L", "4", "--method",
                        "kpm", "--vectors", "1024"),
                bad("use more --vectors (smaller parts)", "single", "--L", "40", "--method", "kpm", "--vectors", "8",
                        "--moments", "20000"),
                bad("huge.txt:2: Δ must be from -1e7 to 1e7 2π·MHz, got 1.00000e+308", "single", "--L", "3",
                        "--disorder", hugeDisorder.toString()),
                bad("suffix.txt:2: '1.5d' is not a decimal number", "single", "--L", "3", "--disorder",
                        suffixDisorder.toString()),
                bad("hex.txt:1: '0x1p3' is not a decimal number", "single", "--L", "3", "--disorder",
                        hexDisorder.toString()),
                bad("latin1.txt:2: not valid UTF-8", "single", "--L", "3", "--disorder", latin1Disorder.toString()),
                bad("--first-realization 2147483647 with --realizations 2 reaches realization index 2147483648", "sweep",
                        "--t", "1", "--L", "3", "--first-realization", "2147483647", "--realizations", "2", "--out",
                        dir.resolve("r1").toString()),
                bad("2147483647 realizations: one sweep holds at most 1000000", "sweep", "--t", "1", "--L", "3",
                        "--realizations", "2147483647", "--shard", "1/1000000000", "--out", dir.resolve("r2").toString()),
                bad("100000000 realizations: one sweep holds at most 1000000", "sweep", "--t", "1", "--L", "3",
                        "--realizations", "100000000", "--out", dir.resolve("r3").toString()),
                bad("--moments must be from 2 to 1000000", "sweep", "--t", "1", "--L", "3", "--method", "kpm",
                        "--moments", "2000000000", "--out", dir.resolve("r4").toString()),
                bad("'1/0' must be I/N with 1 ≤ I ≤ N", "sweep", "--t", "1", "--L", "3", "--shard", "1/0", "--out",
                        dir.resolve("r5").toString()),
                bad("hopping t must be from 0 to 1e7", "sweep", "--t", "1,1e308", "--L", "3", "--out",
                        dir.resolve("r6").toString()),
                bad("disorder width", "single", "--L", "3", "--w", "-5"),
                bad("convention", "single", "--L", "3", "--convention", "cgs"),
                bad("Invalid value for option '--bc': expected periodic or open, got 'twisted'", "single", "--L", "3", "--bc",
                        "twisted"),
                bad("--driver", "single", "--L", "3", "--driver", "magma"),
                bad("ω_n", "single", "--L", "3", "--omega-n", "0"),
                bad("Invalid value for option '--omega-mw' (LIST): 'Infinity' is not a decimal number", "single", "--L", "3",
                        "--omega-mw", "Infinity"),
                bad("T_2n", "single", "--L", "3", "--t2n", "-1e-5"),
                bad("T_bath", "single", "--L", "3", "--bath-temperature", "0"),
                bad("N_n/N_e", "single", "--L", "3", "--nuclear-ratio", "0"),
                bad("bin width", "single", "--L", "3", "--bin-width", "0"),
                bad("energy bins", "single", "--L", "3", "--energy-bins", "0"),
                bad("realization", "single", "--L", "3", "--realization", "-2"),
                bad("short.txt:2: 2 values", "single", "--L", "3", "--disorder", shortDisorder.toString()),
                bad("nan.txt:2", "single", "--L", "3", "--disorder", nanDisorder.toString()),
                bad("no such file", "single", "--L", "3", "--disorder", dir.resolve("missing.txt").toString()),
                bad("--force", "single", "--L", "3", "--output", existing.toString()),
                bad("needs about", "single", "--L", "200"),
                bad("--shard", "sweep", "--t", "1", "--out", dir.resolve("s1").toString(), "--shard", "3/2"),
                bad("--shard", "sweep", "--t", "1", "--out", dir.resolve("s2").toString(), "--shard", "x"),
                bad("start:stop:step", "sweep", "--t", "1:5", "--out", dir.resolve("s3").toString()),
                bad("step > 0", "sweep", "--t", "5:1:1", "--out", dir.resolve("s4").toString()),
                bad("Invalid value for option '--t': 'two' is not a decimal number", "sweep", "--t", "1,two", "--out", dir.resolve("s5").toString()),
                bad("--realizations", "sweep", "--t", "1", "--realizations", "0", "--out", dir.resolve("s6").toString()),
                bad("lattice size", "sweep", "--t", "1", "--L", "4.5", "--out", dir.resolve("s7").toString()),
                bad("Missing required option", "sweep", "--t", "1"),
                bad("not a sweep folder", "summarize", dir.toString()),
                bad("not one of the paper's figures", "figure", "9"),
                bad("figure eq29 needs the dense method", "figure", "eq29", "--method", "kpm", "--out",
                        dir.resolve("eq29").toString()),
                bad("nor 'sizes'", "figure", "large"),
                bad("--sites 300 is more than the N = 216 sites of L = 6", "figure", "sizes", "--L", "4,6",
                        "--dense-up-to", "4", "--sites", "300", "--out", dir.resolve("f1").toString()),
                bad("drop --method", "figure", "sizes", "--method", "kpm", "--out", dir.resolve("f2").toString()),
                bad("--dense-up-to must be 0 or more", "figure", "sizes", "--dense-up-to", "-1", "--out",
                        dir.resolve("f3").toString()),
                bad("--L takes one size for figure 3", "figure", "3", "--L", "4,6", "--out", dir.resolve("f4").toString()),
                bad("--t applies to figure sizes only", "figure", "3", "--t", "2", "--out", dir.resolve("f5").toString()),
                bad("--L: a size appears twice", "figure", "sizes", "--L", "4,4", "--out", dir.resolve("f6").toString()),
                bad("other parameters", "sweep", "--t", "1", "--L", "3", "--realizations", "1", "--w", "50",
                        "--out", other.toString(), "-q"),
                bad("seed: stored 9007199254740992, requested 9007199254740993", "sweep", "--t", "1", "--L", "3",
                        "--realizations", "1", "--seed", "9007199254740993", "--out", seeded.toString(), "-q"),
                bad("--out /proc/nope: cannot create the folder (no such file or directory)", "sweep", "--t", "1",
                        "--L", "3", "--out", "/proc/nope", "-q"),
                bad("--L needs at least two sizes", "transition", "--L", "4", "--out", dir.resolve("tr").toString()),
                bad("too large for ω_n", "eth", "--L", "4", "--omega-n", "1", "--line-width", "0.5", "--out",
                        dir.resolve("eth").toString()),
                bad("'--line-shape' (LIST): expected gaussian or lorentzian, got 'voigt'", "eth", "--L", "4", "--line-shape", "voigt", "--out", dir.resolve("eth").toString()),
                bad("kpm", "eth", "--L", "4", "--method", "kpm", "--out", dir.resolve("eth").toString()),
                bad("--L: 4 appears twice", "sweep", "--L", "4,4", "--t", "5", "--out", dir.resolve("s8").toString()),
                bad("--t: 5.0 appears twice", "sweep", "--L", "4", "--t", "5,5", "--out", dir.resolve("s9").toString()),
                bad("--parallel must be at least 1, got 0", "sweep", "--t", "1", "--L", "3", "--parallel", "0",
                        "--out", dir.resolve("s10").toString()),
                bad("--blas-threads must be at least 1, got 0", "sweep", "--t", "1", "--L", "3", "--blas-threads", "0",
                        "--out", dir.resolve("s11").toString()),
                bad("cannot be merged (w: " + other + ": 108.0, " + other50 + ": 50.0)", "summarize", other.toString(),
                        other50.toString(), "--out", dir.resolve("merged").toString()),
                bad("did you mean sweep", "swep", "--t", "1"),
                bad("--realizations needs one value or one per L (3), got 2", "critical", "--L", "4,6,8",
                        "--realizations", "2,2", "--out", dir.resolve("c1").toString()),
                bad("--scan-realizations 2 exceeds --realizations 1 at L = 6", "critical", "--L", "6",
                        "--realizations", "1", "--scan-realizations", "2", "--out", dir.resolve("c2").toString()),
                bad("'--omega-n-log': '1:0.1:5' must be LO:HI:N with 0 < LO < HI", "critical", "--L", "6",
                        "--realizations", "1", "--scan-realizations", "0", "--omega-n-log", "1:0.1:5", "--out",
                        dir.resolve("c3").toString()),
                bad("'--omega-n' (LIST): '0.1:10:13' is not a value: --omega-n is a comma-separated list; for N values "
                        + "log-spaced from LO to HI use --omega-n-log LO:HI:N", "critical", "--L", "6", "--omega-n",
                        "0.1:10:13", "--out", dir.resolve("c3").toString()),
                bad("--omega-n and --omega-n-log both give ω_n", "critical", "--L", "6", "--realizations", "1",
                        "--scan-realizations", "0", "--omega-n", "1,2", "--omega-n-log", "1:2:3", "--out",
                        dir.resolve("c3").toString()),
                bad("'--bc': expected periodic or open, got 'helical'", "critical", "--bc", "helical", "--out",
                        dir.resolve("c3").toString()),
                bad("'--realizations' (LIST): '1.5' is not a whole number", "critical", "--realizations", "1.5",
                        "--out", dir.resolve("c3").toString()),
                bad("'--preset': expected quick or precise, got 'fast'", "transition", "--preset", "fast",
                        "--dry-run"),
                bad("'--eigenvalues': expected dense or lanczos, got 'arnoldi'", "transition", "--eigenvalues",
                        "arnoldi", "--dry-run"),
                bad("'--ratio': '16:12:1' needs step > 0 and stop ≥ start", "transition", "--ratio", "16:12:1",
                        "--dry-run"),
                bad("'--mu-range': '4:-1' must be A:B with A > 0 and B > 0", "multifractal", "--mu-range", "4:-1",
                        "--out", dir.resolve("mf").toString()),
                bad("'--correction-exponent': 'y' is not a decimal number", "multifractal",
                        "--correction-exponent", "1,y", "--out", dir.resolve("mf").toString()),
                bad("'--method': expected dense or kpm, got 'lanczos'", "single", "--method", "lanczos"),
                bad("'--convention': expected si or paper, got 'cgs'", "figure", "3", "--convention", "cgs"),
                bad("--bin-width must be positive and below twice the smallest ω_n", "critical", "--L", "6",
                        "--realizations", "1", "--scan-realizations", "0", "--bin-width", "0.5",
                        "--out", dir.resolve("c4").toString()),
                bad("Invalid value for option '--fit-omega': '5:1' must be LO:HI with 0 ≤ LO < HI", "critical", "--L", "6", "--realizations", "1",
                        "--scan-realizations", "0", "--fit-omega", "5:1", "--out", dir.resolve("c5").toString()),
                bad("--min-points must be at least 3", "critical", "--L", "6", "--realizations", "1",
                        "--scan-realizations", "0", "--min-points", "2", "--out", dir.resolve("c6").toString()),
                bad("--method dense needs at least 2 --realizations", "critical", "--L", "6", "--realizations", "1",
                        "--scan-realizations", "0", "--method", "dense", "--out", dir.resolve("c7").toString()),
                bad("--t: hopping must be positive", "critical", "--L", "6", "--realizations", "1",
                        "--scan-realizations", "0", "--t", "0,1", "--out", dir.resolve("c8").toString()),
                bad("--time", "slurm", "--t", "1", "--L", "3", "--out", dir.resolve("s12").toString(), "--time", "soon"),
                bad("contains a control character (a newline or tab), which a SLURM script cannot carry", "slurm", "--t",
                        "1", "--L", "3", "--out", dir.resolve("new\nline").toString(), "--dry-run"),
                bad("contains a backslash, which makes SLURM take a log file name literally", "slurm", "--t", "1", "--L",
                        "3", "--out", dir.resolve("back\\slash").toString(), "--dry-run"),
                bad("--partition 'a", "slurm", "--t", "1", "--L", "3", "--out", dir.resolve("s20").toString(),
                        "--partition", "a\tb", "--dry-run"),
                bad("--tasks", "slurm", "--t", "1", "--L", "3", "--out", dir.resolve("s13").toString(), "--tasks", "0"),
                bad("--site-parts must be at least 1, got 0", "sweep", "--t", "1", "--L", "3", "--method", "kpm",
                        "--site-parts", "0", "--out", dir.resolve("s14").toString()),
                bad("--site-parts 28 exceeds the 27 sites of a realization at L = 3", "sweep", "--t", "1", "--L", "3",
                        "--method", "kpm", "--sites", "0", "--site-parts", "28", "--out", dir.resolve("s15").toString()),
                bad("--site-parts 11 exceeds the 10 sampled sites (--sites) of a realization at L = 3", "slurm", "--t",
                        "1", "--L", "3,4", "--method", "kpm", "--sites", "10", "--site-parts", "11", "--out",
                        dir.resolve("s16").toString(), "--dry-run"),
                bad("--site-parts needs --method kpm", "sweep", "--t", "1", "--L", "3", "--site-parts", "2", "--out",
                        dir.resolve("s17").toString()),
                bad("--site-parts needs --method kpm", "slurm", "--t", "1", "--L", "3", "--site-parts", "2", "--out",
                        dir.resolve("s18").toString(), "--dry-run"),
                bad("--tasks must be between 1 and the 4 units (realizations × site parts)", "slurm", "--t", "1", "--L",
                        "3", "--realizations", "2", "--method", "kpm", "--sites", "0", "--site-parts", "2", "--tasks", "5",
                        "--out", dir.resolve("s19").toString(), "--dry-run"),
                bad("run with --site-parts 2, requested 3: resume it with the same --site-parts", "sweep", "--t", "1",
                        "--L", "3", "--realizations", "1", "--method", "kpm", "--moments", "32", "--sites", "0",
                        "--site-parts", "3", "--out", split.toString(), "-q"),
                bad("run with --site-parts 2, requested 1", "sweep", "--t", "1", "--L", "3", "--realizations", "1",
                        "--method", "kpm", "--moments", "32", "--sites", "0", "--out", split.toString(), "-q")));
        // Folders holding sweeps with w = 108, w = 50 and a 64-bit seed.
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), "sweep", "--t", "1", "--L", "3",
                "--realizations", "1", "--out", other.toString(), "-q"));
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), "sweep", "--t", "1", "--L", "3",
                "--realizations", "1", "--w", "50", "--out", other50.toString(), "-q"));
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), "sweep", "--t", "1", "--L", "3",
                "--realizations", "1", "--seed", "9007199254740992", "--out", seeded.toString(), "-q"));
        // A KPM sweep whose realizations were divided into 2 site parts.
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), "sweep", "--t", "1", "--L", "3",
                "--realizations", "1", "--method", "kpm", "--moments", "32", "--sites", "0", "--site-parts", "2",
                "--out", split.toString(), "-q"));
        return cases.stream();
    }

    /** Refusals come before any work: nothing is written, and a huge count takes no memory first. */
    @Test
    void refusalsWriteNothingAndAllocateNothing() {
        Path folder = dir.resolve("refused");
        long start = System.nanoTime();
        for (String[] args : List.of(
                new String[]{"--L", "3", "--parallel", "0"},
                new String[]{"--L", "3", "--blas-threads", "0"},
                new String[]{"--L", "3", "--realizations", "100000000"},
                new String[]{"--L", "3", "--first-realization", "2147483647", "--realizations", "2"},
                new String[]{"--L", "3", "--method", "kpm", "--moments", "2000000000"},
                new String[]{"--L", "200"})) {
            List<String> line = new ArrayList<>(List.of("sweep", "--t", "1", "--out", folder.toString(), "-q"));
            line.addAll(List.of(args));
            StringWriter err = new StringWriter();
            assertEquals(Main.BAD_INPUT, Main.execute(new PrintWriter(err, true), line.toArray(String[]::new)), err.toString());
            assertFalse(Files.exists(folder), String.join(" ", args) + " wrote " + folder);
        }
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused at once");
    }

    /** A byte-order mark (what some editors write first) is not part of the first value. */
    @Test
    void aDisorderFileWithAByteOrderMarkReadsAsWithout() throws IOException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 27; i++) {
            values.append(i % 5 - 2.5).append('\n');
        }
        Path plain = Files.writeString(dir.resolve("plain.txt"), values);
        Path bom = Files.writeString(dir.resolve("bom.txt"), "\uFEFF" + values);
        Path a = dir.resolve("plain.json");
        Path b = dir.resolve("bom.json");
        for (Path[] run : new Path[][]{{plain, a}, {bom, b}}) {
            StringWriter err = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(err, true), "single", "--L", "3", "--disorder",
                    run[0].toString(), "--output", run[1].toString()), err.toString());
        }
        var first = dnp.sweep.records.Documents.tree(Files.readString(a)).get("pairs");
        assertEquals(first, dnp.sweep.records.Documents.tree(Files.readString(b)).get("pairs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineErrorAndNonZeroExit(Case c) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), c.args().toArray(String[]::new));
        String text = err.toString().strip();
        assertEquals(Main.BAD_INPUT, code, "exit code for " + c + ": " + err);
        assertEquals(1, text.lines().count(), "one line for " + c + ", got:\n" + text);
        assertTrue(text.startsWith("dnp: "), text);
        assertTrue(text.contains(c.expectedFragment()), "'" + text + "' should name '" + c.expectedFragment() + "'");
        assertFalse(EXCEPTION_NAME.matcher(text).find(), "no exception class name: " + text);
        assertFalse(text.contains("\tat ") || STACK_FRAME.matcher(text).find(), "no stack frame: " + text);
    }
}
