package dnp.sweep;

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
}
