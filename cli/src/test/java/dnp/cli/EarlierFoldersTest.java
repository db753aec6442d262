package dnp.cli;

import dnp.sweep.SweepStore;
import dnp.sweep.records.Documents;
import dnp.sweep.records.Method;
import dnp.sweep.records.SealedLine;
import dnp.sweep.records.SweepMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Folders written by an earlier dnp (src/test/resources/earlier, written at commit 9c2c097 by the commands
 * below: manifests whose mode is a sentence, every parameter in the manifest of a spectrum sweep) resume
 * without recomputing anything; and a fresh run of the same small sweeps writes the same lines, member by
 * member, but for timings, provenance and members the earlier version did not have (a drift of the numbers
 * or of the format of a fixed sweep fails here).
 */
class EarlierFoldersTest {
    private static final Path EARLIER = Path.of("src/test/resources/earlier").toAbsolutePath();
    /** Relative agreement asked of every number of a fresh run: BLAS and SIMD widths may round otherwise. */
    private static final double NUMBERS = 1e-9;

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path source = EARLIER.resolve(name);
        Path target = dir.resolve(name);
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    /** Every shard file of a folder (and of its sub-folders), by path, as bytes. */
    private static Map<String, byte[]> shardFiles(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private void resumesWithoutComputing(String name, String... command) throws IOException {
        Path folder = copy(name);
        Map<String, byte[]> before = shardFiles(folder);
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--out", folder.toString(), "-q"));
        SweepFolderIntegrityTest.ok(args);
        Map<String, byte[]> after = shardFiles(folder);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), name + "/" + file + " unchanged"));
    }

    @Test
    void anEarlierDenseTransitionResumes() throws IOException {
        resumesWithoutComputing("transition-dense", "transition", "--L", "4,5", "--ratio", "12,20", "--realizations",
                "3", "--eigenvalues", "dense", "--bootstrap", "20", "--scaling-bootstrap", "0");
        var p = SweepStore.readManifest(dir.resolve("transition-dense/L4")).parameters();
        assertEquals(new SweepMode.DenseGapRatio(), p.mode());
        assertEquals(Method.DENSE, p.method());
        assertEquals(0.2, p.gapFraction());
        assertEquals(null, p.t1n(), "read without the DNP parameters it never used");
        var levels = Documents.tree(Files.readString(dir.resolve("transition-dense/estimate.json"))).get("levels");
        assertEquals(12, levels.get("unrecorded").asInt(), "earlier lines do not say where their levels came from");
        assertEquals(0, levels.get("eigenvalues").size());
    }

    @Test
    void anEarlierLanczosTransitionResumesAndReadsAsLanczos() throws IOException {
        resumesWithoutComputing("transition-lanczos", "transition", "--L", "4,5", "--ratio", "12,20", "--realizations",
                "3", "--eigenvalues", "lanczos", "--energy-window", "3", "--bootstrap", "20", "--scaling-bootstrap", "0");
        var p = SweepStore.readManifest(dir.resolve("transition-lanczos/L5")).parameters();
        assertEquals(new SweepMode.LanczosGapRatio(3), p.mode());
        assertEquals(Method.LANCZOS, p.method(), "the earlier manifest says dense; it is read as what ran");
        // Another window is another sweep: refused, naming the mode.
        var refused = SweepFolderIntegrityTest.execute(List.of("transition", "--L", "4,5", "--ratio", "12,20",
                "--realizations", "3", "--eigenvalues", "lanczos", "--energy-window", "2.5", "--bootstrap", "20",
                "--scaling-bootstrap", "0", "--out", dir.resolve("transition-lanczos").toString(), "-q"));
        assertEquals(Main.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains("(mode: stored gap ratio of the levels with |λ − c| ≤ 3.0 t (Lanczos), "
                + "requested gap ratio of the levels with |λ − c| ≤ 2.5 t (Lanczos))"), refused.err());
    }

    @Test
    void anEarlierMultifractalSweepResumes() throws IOException {
        resumesWithoutComputing("multifractal", "multifractal", "--L", "4,5", "--realizations", "2", "--mu-window",
                "0.5", "--mu-range", "1:1", "--bootstrap", "20");
        var p = SweepStore.readManifest(dir.resolve("multifractal/states-L4")).parameters();
        assertEquals(new SweepMode.CentralStates(17, 48, 4), p.mode());
    }

    @Test
    void earlierSweepsResumeAndAFreshRunWritesTheSameLines() throws IOException {
        String[][] sweeps = {
                {"sweep-dense", "sweep", "--L", "4", "--t", "2,6.5", "--realizations", "2"},
                {"sweep-kpm", "sweep", "--L", "4", "--t", "2,6.5", "--realizations", "2", "--method", "kpm",
                        "--moments", "128"}};
        for (String[] sweep : sweeps) {
            String[] command = java.util.Arrays.copyOfRange(sweep, 1, sweep.length);
            resumesWithoutComputing(sweep[0], command);
            Path fresh = dir.resolve(sweep[0] + "-fresh");
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--out", fresh.toString(), "-q"));
            SweepFolderIntegrityTest.ok(args);
            JsonNode earlierManifest = Documents.tree(Files.readString(EARLIER.resolve(sweep[0]).resolve("manifest.json")));
            JsonNode freshManifest = Documents.tree(Files.readString(fresh.resolve("manifest.json")));
            assertEquals(earlierManifest.get("parameters"), freshManifest.get("parameters"), sweep[0] + " manifest");
            assertEquals(earlierManifest.get("sweepDigest"), freshManifest.get("sweepDigest"), sweep[0] + " digest");
            Map<String, JsonNode> earlier = lines(EARLIER.resolve(sweep[0]));
            Map<String, JsonNode> now = lines(fresh);
            assertEquals(earlier.keySet(), now.keySet());
            for (String key : earlier.keySet()) {
                same(sweep[0] + " " + key, earlier.get(key), now.get(key));
            }
        }
    }

    private static Map<String, JsonNode> lines(Path folder) throws IOException {
        Map<String, JsonNode> lines = new TreeMap<>();
        for (String line : Files.readAllLines(folder.resolve("results/shard-0001-of-0001.jsonl"))) {
            var opened = (SealedLine.Verified) SealedLine.open(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            lines.put(opened.record().get("key").asString(), opened.record());
        }
        return lines;
    }

    /** Member by member: the earlier line's members must all be there with the same value; new members may be added. */
    private static void same(String where, JsonNode earlier, JsonNode now) {
        if (earlier.isObject()) {
            assertTrue(now.isObject(), where);
            for (var member : earlier.properties()) {
                String name = member.getKey();
                if (name.equals("timings") || name.equals("provenance")) {
                    continue;
                }
                if (!now.has(name)) {
                    fail(where + ": member " + name + " is gone");
                }
                same(where + "." + name, member.getValue(), now.get(name));
            }
        } else if (earlier.isArray()) {
            assertEquals(earlier.size(), now.size(), where);
            for (int i = 0; i < earlier.size(); i++) {
                same(where + "[" + i + "]", earlier.get(i), now.get(i));
            }
        } else if (earlier.isNumber() && !earlier.isIntegralNumber()) {
            double a = earlier.asDouble();
            double b = now.asDouble();
            assertTrue(now.isNumber() && Math.abs(a - b) <= NUMBERS * Math.abs(a), where + ": " + a + " then " + b);
        } else {
            assertEquals(earlier, now, where);
        }
    }
}
