package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.RealizationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moment files: bit-identical round trip, refusal of other requests and of damaged files, addition of parts. */
class MomentStoreTest {
    @TempDir
    Path dir;

    private static final KpmSettings SAMPLED = new KpmSettings(96, 40, DampingKernel.JACKSON, 8, 1, 3);

    @Test
    void roundTripIsBitIdentical() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.OPEN, 6.5, Convention.SI);
        KpmMoments m = KpmEngine.compute(input, SAMPLED);
        MomentStore store = new MomentStore(dir);
        Path file = store.fileFor(input, SAMPLED);
        MomentStore.write(file, input, m);
        KpmMoments back = MomentStore.read(file, input, SAMPLED);
        assertSame(m, back);
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
    }

    @Test
    void refusesAnotherRequestOrADamagedFile() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        Path file = dir.resolve("m.bin");
        MomentStore.write(file, input, KpmEngine.compute(input, SAMPLED));
        RealizationInput otherT = new RealizationInput(input.lattice(), 7.0, input.disorder(), input.physics(),
                input.pairs(), input.analysis(), input.convention());
        Disorder d = input.disorder();
        RealizationInput otherRealization = new RealizationInput(input.lattice(), input.hopping(),
                Disorder.box(d.sites(), d.width(), d.seed(), d.realization() + 1), input.physics(), input.pairs(),
                input.analysis(), input.convention());
        RealizationInput otherSize = Dense.input(4, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        RealizationInput otherBoundary = Dense.input(5, BoundaryCondition.OPEN, 6.5, Convention.SI);
        assertRefused(file, otherT, SAMPLED, "t");
        assertRefused(file, otherRealization, SAMPLED, "realization");
        assertRefused(file, otherSize, SAMPLED, "L");
        assertRefused(file, otherBoundary, SAMPLED, "boundary");
        assertRefused(file, input, new KpmSettings(64, 40, DampingKernel.JACKSON, 8, 1, 3), "M");
        assertRefused(file, input, new KpmSettings(96, 41, DampingKernel.JACKSON, 8, 1, 3), "sites");
        assertRefused(file, input, KpmSettings.allSites(96), "sites");
        // Same seed and realization but other Δ values (a disorder read from elsewhere): the checksum tells.
        double[] values = d.values();
        values[7] += 1e-9;
        RealizationInput otherValues = new RealizationInput(input.lattice(), input.hopping(),
                Disorder.of(values, d.width(), "test"), input.physics(), input.pairs(), input.analysis(),
                input.convention());
        assertThrows(IOException.class, () -> MomentStore.read(file, otherValues, SAMPLED));

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Path damaged = dir.resolve("damaged.bin");
        Files.write(damaged, bytes);
        IOException ex = assertThrows(IOException.class, () -> MomentStore.read(damaged, input, SAMPLED));
        assertTrue(ex.getMessage().contains("checksum"), ex.getMessage());
        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(file), 200));
        assertThrows(IOException.class, () -> MomentStore.read(truncated, input, SAMPLED));
    }

    @Test
    void twoFilesOfDisjointSitesAdd() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        KpmSettings settings = KpmSettings.allSites(80).withThreads(1);
        int n = input.sites();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        KpmMoments whole = KpmEngine.compute(input, settings);
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        MomentStore.write(a, input, KpmEngine.compute(input, settings, Arrays.copyOfRange(all, 0, 61), new int[0]));
        MomentStore.write(b, input, KpmEngine.compute(input, settings, Arrays.copyOfRange(all, 61, n), new int[0]));
        KpmMoments sum = MomentStore.readAndAdd(input, 80, a, b);
        assertTrue(sum.allSites());
        assertArrayEquals(whole.siteIndex(), sum.siteIndex());
        assertArrayEquals(whole.siteMoments(), sum.siteMoments());
        // Evaluating from the files equals evaluating the moments computed in one go.
        KpmPairResult p = KpmEvaluator.evaluate(whole, input).pairs().get(0);
        KpmPairResult q = KpmEvaluator.evaluate(sum, input).pairs().get(0);
        assertEquals(p.pn(), q.pn(), 0.0);
        assertEquals(p.pnGoe(), q.pnGoe(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> MomentStore.readAndAdd(input, 80, a, a), "overlapping sites");
    }

    @Test
    void loadComputesOnceThenReadsAndEvaluatesNewFrequencies() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        MomentStore store = new MomentStore(dir.resolve("cache"));
        KpmMoments first = store.load(input, SAMPLED);
        assertTrue(Files.exists(store.fileFor(input, SAMPLED)));
        KpmMoments second = store.load(input, SAMPLED);
        assertSame(first, second);
        RealizationInput other = input.withPairs(List.of(new FrequencyPair(7, input.pairs().get(0).omegaMW() + 30)));
        assertEquals(KpmEvaluator.evaluate(first, other).pairs().get(0).pn(),
                KpmEvaluator.evaluate(second, other, DampingKernel.JACKSON).pairs().get(0).pn(), 0.0);
    }

    /** A recovering store computes a damaged file again and replaces it; one it cannot write it only does not keep. */
    @Test
    void aRecoveringStoreReplacesADamagedFileAndGoesOnWhereItCannotWrite() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        List<String> warnings = new java.util.ArrayList<>();
        MomentStore store = new MomentStore(dir.resolve("cache"), warnings::add);
        KpmMoments first = store.load(input, SAMPLED);
        Path file = store.fileFor(input, SAMPLED);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 4;
        Files.write(file, bytes);
        assertThrows(MomentStore.DamagedFileException.class, () -> new MomentStore(dir.resolve("cache")).load(input, SAMPLED),
                "a strict store refuses it");
        assertSame(first, store.load(input, SAMPLED));
        assertEquals(List.of(file + ": checksum mismatch (truncated or damaged file); its moments are computed again "
                + "and the file replaced"), warnings);
        assertSame(first, MomentStore.read(file, input, SAMPLED));

        // A cache folder that cannot be created (its parent is a file): the moments are still returned.
        warnings.clear();
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x").resolve("cache");
        MomentStore readOnly = new MomentStore(blocked, warnings::add);
        assertSame(first, readOnly.load(input, SAMPLED));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith(readOnly.fileFor(input, SAMPLED) + ": cannot be written (")
                && warnings.getFirst().endsWith("the moments computed now are used, but not kept for a later run"),
                warnings.getFirst());
        assertThrows(IOException.class, () -> new MomentStore(blocked).load(input, SAMPLED), "a strict store throws");
    }

    private static void assertRefused(Path file, RealizationInput input, KpmSettings settings, String what) {
        IOException ex = assertThrows(IOException.class, () -> MomentStore.read(file, input, settings), what);
        assertTrue(ex.getMessage().contains(what), ex.getMessage());
    }

    private static void assertSame(KpmMoments a, KpmMoments b) {
        assertEquals(a.sites(), b.sites());
        assertEquals(Double.doubleToRawLongBits(a.scale()), Double.doubleToRawLongBits(b.scale()));
        assertEquals(Double.doubleToRawLongBits(a.shift()), Double.doubleToRawLongBits(b.shift()));
        assertEquals(a.moments(), b.moments());
        assertEquals(a.kernel(), b.kernel());
        assertArrayEquals(a.siteIndex(), b.siteIndex());
        assertArrayEquals(a.traceIds(), b.traceIds());
        assertArrayEquals(a.siteMoments(), b.siteMoments());
        assertArrayEquals(a.traceMoments(), b.traceMoments());
        assertEquals(a.seed(), b.seed());
        assertEquals(a.realization(), b.realization());
    }
}
