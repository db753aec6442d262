package dnp.cli;

import dnp.sweep.SweepStore;
import dnp.sweep.records.RealizationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The moment cache of a KPM sweep: a damaged moment file is named, computed again and replaced; a cache
 * that cannot be written is a warning and the run's results are still written; a damaged manifest is
 * named without the JSON library's internals.
 */
class MomentCacheRecoveryTest {
    @TempDir
    Path dir;

    static List<String> kpm(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--method", "kpm", "--moments", "64", "--sites", "0",
                "--L", "4", "--t", "2,6.5", "--realizations", "1", "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void aDamagedMomentFileIsRecomputedAndAnUnwritableCacheOnlyWarns() throws Exception {
        Path first = dir.resolve("first");
        SweepFolderIntegrityTest.ok(kpm(first));
        Path moments = first.resolve("moments");
        Path file;
        try (var files = Files.list(moments)) {
            file = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        // Another sweep of the same realizations (other ω_n) reads the cache.
        Path second = dir.resolve("second");
        var r = SweepFolderIntegrityTest.ok(kpm(second, "--omega-n", "5", "--moment-cache", moments.toString()));
        assertTrue(r.err().contains("dnp: warning: " + file + ": checksum mismatch (truncated or damaged file); its "
                + "moments are computed again and the file replaced"), r.err());
        assertFalse(BadInputTest.EXCEPTION_NAME.matcher(r.err()).find(), r.err());
        Path fresh = dir.resolve("fresh");
        SweepFolderIntegrityTest.ok(kpm(fresh, "--omega-n", "5"));
        KpmSiteSplitTest.assertSameRecords(SweepStore.readRecords(fresh, RealizationRecord.class),
                SweepStore.readRecords(second, RealizationRecord.class));

        // A cache that cannot be written (here: its parent is a file; for a user, a read-only folder).
        Path blocked = Files.writeString(dir.resolve("a-file"), "x").resolve("moments");
        Path third = dir.resolve("third");
        r = SweepFolderIntegrityTest.ok(kpm(third, "--moment-cache", blocked.toString()));
        assertTrue(r.err().contains("dnp: warning: " + blocked) && r.err().contains(": cannot be written (")
                && r.err().contains("the moments computed now are used, but not kept for a later run"), r.err());
        assertEquals(2, SweepStore.readRecords(third, RealizationRecord.class).size());
    }

    @Test
    void aDamagedManifestIsNamedInPlainWords() throws Exception {
        Path sweep = dir.resolve("sweep");
        SweepFolderIntegrityTest.ok(kpm(sweep));
        Files.writeString(sweep.resolve("manifest.json"), "{\"schema\": \"dnp.manifest/3\", \"parameters\": {,}");
        var r = SweepFolderIntegrityTest.refused(List.of("summarize", sweep.toString()),
                sweep.resolve("manifest.json") + ": not readable JSON (");
        assertFalse(r.err().contains("Feature") || r.err().contains("REDACTED") || r.err().contains("tools.jackson"),
                r.err());
        assertTrue(r.err().contains("(line 1, column "), r.err());
    }
}
