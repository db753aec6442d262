package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A realization's sample divided into parts: the parts cover it exactly, and their moment files add up to the whole. */
class SitePartsTest {
    @TempDir
    Path dir;

    private static final KpmSettings SAMPLED = new KpmSettings(96, 23, DampingKernel.JACKSON, 8, 1, 5);

    @Test
    void partsAreDisjointContiguousSlicesOfTheSampleInOrder() {
        RealizationInput input = Dense.input(4, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        for (KpmSettings settings : new KpmSettings[]{SAMPLED, KpmSettings.allSites(96).withThreads(1)}) {
            KpmEngine.Columns whole = KpmEngine.columns(input, settings);
            int s = SiteParts.siteCount(input, settings);
            assertEquals(whole.sites().length, s);
            for (int parts : new int[]{1, 2, 3, 7, s}) {
                int[] sites = new int[0];
                int[] vectors = new int[0];
                int smallest = Integer.MAX_VALUE;
                int largest = 0;
                for (int p = 0; p < parts; p++) {
                    KpmEngine.Columns c = SiteParts.part(input, settings, p, parts);
                    assertTrue(c.sites().length >= 1, "every part holds a site");
                    smallest = Math.min(smallest, c.sites().length);
                    largest = Math.max(largest, c.sites().length);
                    sites = IntStream.concat(Arrays.stream(sites), Arrays.stream(c.sites())).toArray();
                    vectors = IntStream.concat(Arrays.stream(vectors), Arrays.stream(c.traceIds())).toArray();
                }
                assertTrue(largest - smallest <= 1, "balanced: " + smallest + " to " + largest + " sites");
                assertArrayEquals(whole.sites(), sites, "the parts in order are the sample");
                assertArrayEquals(whole.traceIds(), vectors, "the parts in order are the trace vectors");
            }
            assertThrows(IllegalArgumentException.class, () -> SiteParts.part(input, settings, 0, s + 1));
            assertThrows(IllegalArgumentException.class, () -> SiteParts.part(input, settings, 3, 3));
        }
    }

    @Test
    void theSumOfThePartsFilesEqualsTheWhole() throws IOException {
        RealizationInput input = Dense.input(5, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        for (KpmSettings settings : new KpmSettings[]{SAMPLED, KpmSettings.allSites(80).withThreads(1)}) {
            MomentStore store = new MomentStore(dir.resolve(settings.allSitesRequested() ? "all" : "sampled"));
            KpmMoments whole = KpmEngine.compute(input, settings);
            int parts = 3;
            for (int p = 0; p < parts; p++) {
                store.loadPart(input, settings, p, parts);
                assertTrue(store.hasPart(input, settings, p, parts));
            }
            KpmMoments sum = store.readParts(input, settings, parts);
            // Each column is computed by the same arithmetic whatever block it shares: the sums are bit-identical.
            assertArrayEquals(whole.siteIndex(), sum.siteIndex());
            assertArrayEquals(whole.traceIds(), sum.traceIds());
            assertArrayEquals(whole.siteMoments(), sum.siteMoments());
            assertArrayEquals(whole.traceMoments(), sum.traceMoments());
            assertArrayEquals(whole.pairMoments(), sum.pairMoments());
            KpmObservables a = KpmEvaluator.evaluate(whole, input);
            KpmObservables b = KpmEvaluator.evaluate(sum, input);
            assertEquals(a.pairs().get(0).pn(), b.pairs().get(0).pn(), 0.0);
            assertEquals(a.pairs().get(0).pnError(), b.pairs().get(0).pnError(), 0.0);
            assertArrayEquals(a.dos(), b.dos());

            // A file under another part's name, or a missing part, is refused.
            Path second = store.partFileFor(input, settings, 1, parts);
            Path third = store.partFileFor(input, settings, 2, parts);
            Files.copy(second, third, StandardCopyOption.REPLACE_EXISTING);
            IOException ex = assertThrows(IOException.class, () -> store.readParts(input, settings, parts));
            assertTrue(ex.getMessage().contains("not part 3 of 3"), ex.getMessage());
            Files.delete(third);
            assertThrows(java.nio.file.NoSuchFileException.class, () -> store.readParts(input, settings, parts));
        }
    }
}
