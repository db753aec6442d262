package dnp.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example of the README's "Using the kernel from Java" runs, and the README shows it as it is here. */
class ReadmeExampleTest {

    /** The README's example, line for line (between the markers). */
    static double example() {
        // example-start
        var input = dnp.kernel.model.RealizationInput.defaults(6, 6.5, 42, 0); // L = 6, t = 6.5, seed 42, realization 0
        var result = dnp.kernel.Realization.compute(input);                    // one diagonalization, every observable
        var pair = result.pairs().getFirst();                                  // (ω_n, ω_MW) = (20, 93860)
        System.out.printf("P_n = %.4f, P_n(GOE) = %.4f, IPR = %.4f, C(ω_n) = %.3f%n",
                pair.pn(), pair.pnGoe(), result.ipr(), pair.correlatorC());
        // example-end
        return pair.pn();
    }

    @Test
    void theExampleRunsAndTheReadmeQuotesIt() throws IOException {
        double pn = example();
        assertTrue(Double.isFinite(pn) && Math.abs(pn) < 1, "a polarization in (−1, 1): " + pn);
        String source = Files.readString(Path.of("src/test/java/dnp/kernel/ReadmeExampleTest.java"));
        String code = source.substring(source.indexOf("// example-start") + "// example-start".length(),
                source.indexOf("        // example-end")).strip();
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String line : code.lines().toList()) {
            assertTrue(readme.contains(line.strip()), "README.md lacks the example line: " + line.strip());
        }
    }
}
