package dnp.kernel;

import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline against values the project did not produce itself (test resources, golden/):
 * every entry to 1e-11 relative of its 32-digit recomputation, and of the golden value wherever that
 * value is itself accurate to 1e-11 ({@link Golden#assertAgrees}).
 */
public class GoldenValuesTest {

    @ParameterizedTest
    @EnumSource(LapackEigenSolver.Routine.class)
    void kernelReproducesEveryGoldenEntry(LapackEigenSolver.Routine driver) {
        EigenSolver solver = new LapackEigenSolver(driver);
        int checked = Golden.assertAllAgree(input -> Realization.compute(input, solver), "kernel " + driver);
        assertEquals(57, checked, "entries in the golden file");
    }

    /**
     * The golden file and its 32-digit recomputation agree on every entry but the three at t = 20,
     * ω_n = 1, where the golden's own rounding (up to 7e-11) shows: this test fails, and the README
     * of golden/ needs updating, when a new golden file changes that.
     */
    @Test
    void theGoldenFileIsAccurateExceptWhereItsReadmeSays() {
        List<String> inaccurate = Golden.entries().stream().filter(e -> !e.goldenIsAccurate())
                .map(Golden.Entry::label).toList();
        assertEquals(List.of("si t=20.0 PN ω=1.0", "si t=20.0 PN_GOE ω=1.0", "paper t=20.0 PN ω=1.0"), inaccurate);
        for (Golden.Entry e : Golden.entries()) {
            assertTrue(Golden.relative(e.golden(), e.highPrecision()) < 1e-10, e.label());
        }
    }
}
