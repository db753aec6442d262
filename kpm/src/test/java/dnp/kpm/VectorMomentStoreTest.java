package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vector estimator's moment files: round trip, parts, and files that must be refused. */
class VectorMomentStoreTest {
    @TempDir
    Path dir;

    static final VectorSettings SETTINGS = new VectorSettings(48, 32, 4, DampingKernel.JACKSON, 1);

    static void assertSame(GramMoments a, GramMoments b) {
        assertArrayEquals(a.heldGroups(), b.heldGroups());
        assertArrayEquals(a.groupSites(), b.groupSites());
        for (int k = 0; k < a.heldGroups().length; k++) {
            for (int pair = 0; pair < 2; pair++) {
                assertArrayEquals(a.gram()[k][pair], b.gram()[k][pair]);
            }
            assertArrayEquals(a.traces()[k], b.traces()[k]);
        }
        assertEquals(a.scale(), b.scale());
        assertEquals(a.shift(), b.shift());
    }

    @Test
    void loadComputesOnceThenReads() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        VectorMomentStore store = new VectorMomentStore(dir);
        GramMoments first = store.load(input, SETTINGS);
        assertTrue(Files.exists(store.fileFor(input, SETTINGS)));
        GramMoments again = store.load(input, SETTINGS);
        assertSame(first, again);
        KpmObservables a = VectorEvaluator.evaluate(first, input);
        KpmObservables b = VectorEvaluator.evaluate(again, input);
        assertEquals(a.pairs().getFirst().pn(), b.pairs().getFirst().pn(), "the same numbers from the file");
    }

    @Test
    void partsJoinToTheWholeRealization() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.OPEN, 3.0, Convention.SI);
        VectorMomentStore store = new VectorMomentStore(dir);
        for (int p = 0; p < 3; p++) {
            store.loadPart(input, SETTINGS, p, 3);
            assertTrue(store.hasPart(input, SETTINGS, p, 3));
        }
        assertSame(VectorEngine.compute(input, SETTINGS), store.readParts(input, SETTINGS, 3));
        assertArrayEquals(new int[] {1}, VectorMomentStore.groupsOfPart(4, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> VectorMomentStore.groupsOfPart(4, 0, 5));
    }

    @Test
    void damagedOrForeignFilesAreRefused() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        VectorMomentStore store = new VectorMomentStore(dir);
        store.load(input, SETTINGS);
        Path file = store.fileFor(input, SETTINGS);
        // Another t reads the same file: refused by its header.
        RealizationInput other = Dense.input(5, BoundaryCondition.PERIODIC, 7.0, Convention.SI);
        IOException header = assertThrows(IOException.class,
                () -> VectorMomentStore.read(file, other, SETTINGS, VectorEngine.allGroups(4)));
        assertTrue(header.getMessage().contains("t = 6.5"), header.getMessage());
        // One flipped bit in a Gram entry: refused by the checksum.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            long at = ch.size() / 2;
            ch.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 4));
            one.rewind();
            ch.write(one, at);
        }
        IOException crc = assertThrows(IOException.class,
                () -> VectorMomentStore.read(file, input, SETTINGS, VectorEngine.allGroups(4)));
        assertTrue(crc.getMessage().contains("checksum"), crc.getMessage());
        // Truncated.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        assertThrows(MomentStore.DamagedFileException.class,
                () -> VectorMomentStore.read(file, input, SETTINGS, VectorEngine.allGroups(4)));
        // A strict store refuses it; a recovering one says so, computes it again and replaces the file.
        assertThrows(MomentStore.DamagedFileException.class, () -> store.load(input, SETTINGS));
        java.util.List<String> warnings = new java.util.ArrayList<>();
        GramMoments recovered = new VectorMomentStore(dir, warnings::add).load(input, SETTINGS);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains(file.getFileName().toString()) && warnings.getFirst().contains("again"),
                warnings.getFirst());
        assertSame(recovered, VectorMomentStore.read(file, input, SETTINGS, VectorEngine.allGroups(4)));
    }
}
