package dnp.sweep;

import dnp.sweep.records.Driver;
import dnp.kpm.DampingKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory plan stays right where N² bytes no longer fit in a 64-bit integer. */
class MemoryPlanTest {

    @ParameterizedTest
    @ValueSource(ints = {1000, 2000})
    void hugeLatticesNeedHugeButPositiveMemory(int size) {
        double n = Math.pow(size, 3);
        for (Driver driver : Driver.values()) {
            MemoryPlan plan = MemoryPlan.of(size, driver);
            assertTrue(Double.isFinite(plan.bytes()) && plan.bytes() >= 8 * n * n, driver + ": " + plan);
            assertFalse(plan.breakdown().contains("-"), "no negative sizes: " + plan.breakdown());
        }
        // dsyevd: the N² matrix plus 2N² + 6N + 1 doubles of workspace, plus the blocks.
        assertEquals(8 * n * n + 8 * (1 + 6 * n + 2 * n * n) + 8 * n * 1024, MemoryPlan.of(size, Driver.DSYEVD).bytes(),
                1e-12 * MemoryPlan.of(size, Driver.DSYEVD).bytes());
        UserInputException e = assertThrows(UserInputException.class, () -> MemoryPlan.check(size, Driver.DSYEVR, 1));
        assertTrue(e.getMessage().contains("L = " + size + " needs about"), e.getMessage());
        assertFalse(e.getMessage().matches(".*-\\d.*"), "no negative numbers: " + e.getMessage());
    }

    @Test
    void kpmNeedsNoMatrixAndScalesWithTheStartVectors() {
        KpmSpec sampled = new KpmSpec(3000, 256, DampingKernel.JACKSON);
        // L = 64 sampled: well under a GB (the dense route would need the 2.2 TB matrix and more).
        assertTrue(MemoryPlan.kpm(64, sampled).bytes() < 1e9, MemoryPlan.kpm(64, sampled).breakdown());
        assertTrue(MemoryPlan.of(64, Driver.DSYEVD).bytes() > 1e12);
        // All sites: every term grows with N (the stencil blocks' one extra row of B aside, 1e-6 of the total here).
        KpmSpec all = new KpmSpec(512, 0, DampingKernel.JACKSON);
        double ratio = MemoryPlan.kpm(20, all).bytes() / MemoryPlan.kpm(16, all).bytes();
        assertEquals(Math.pow(20.0 / 16, 3), ratio, 1e-5 * ratio);
        assertTrue(MemoryPlan.kpm(16, all).bytes() > MemoryPlan.kpm(16, new KpmSpec(512, 256, DampingKernel.JACKSON)).bytes());
    }
}
