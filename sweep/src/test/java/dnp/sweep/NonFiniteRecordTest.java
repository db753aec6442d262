package dnp.sweep;

import dnp.sweep.records.SweepLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record whose P_n is not finite is an error of the run: it is never written (as a null or otherwise). */
class NonFiniteRecordTest {
    @TempDir
    Path dir;

    record Line(String key, double pn) implements SweepLine {
        @Override
        public String nonFinite() {
            return Double.isFinite(pn) ? null : "P_n at (ω_n, ω_MW) = (20.0, 93860.0)";
        }
    }

    @Test
    void aNonFiniteObservableIsRefusedAndNothingIsAppended() throws Exception {
        var spec = new SweepSpec(java.util.List.of(3), java.util.List.of(1.0), 1, 0, 1, ModelSpec.DEFAULTS);
        try (SweepStore store = SweepStore.open(dir, spec.parameters(), 1, 1)) {
            store.append(new Line("L=3 t=1.0 r=0", 0.25));
            ComputationException ex = assertThrows(ComputationException.class,
                    () -> store.append(new Line("L=3 t=1.0 r=1", Double.NaN)));
            assertEquals("realization L=3 t=1.0 r=1: P_n at (ω_n, ω_MW) = (20.0, 93860.0) is not a finite number (the "
                    + "parameters lie where the model's arithmetic overflows); nothing was written for it", ex.getMessage());
            assertEquals(1, Files.readAllLines(store.file()).size());
            assertTrue(store.finishedKeys().contains("L=3 t=1.0 r=0"));
        }
    }
}
