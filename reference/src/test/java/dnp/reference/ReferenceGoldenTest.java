package dnp.reference;

import dnp.kernel.Golden;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference against the independent golden values of the kernel's test resources (L = 5, w = 108,
 * periodic, Table I, ω_MW = 93860) and their 32-digit recomputation: IPR, DOS second moment and P_n in
 * both conventions, P_n^GOE and C, K, R at ω = 1 and 5 (bin width 0.5) under si, every entry to 1e-11
 * ({@link Golden#assertAgrees}). K, R and C are also read from the ω spectrum's bin centred on ω.
 */
class ReferenceGoldenTest {

    @TestFactory
    List<DynamicTest> goldenValues() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden.Entry e : Golden.entries()) {
            tests.add(DynamicTest.dynamicTest(e.label(), () -> {
                RealizationResult result = ReferenceModel.compute(e.input());
                Golden.assertAgrees(e, e.valueIn(result), "reference");
                if (e.kind() == Golden.Kind.K || e.kind() == Golden.Kind.R || e.kind() == Golden.Kind.C) {
                    var spectrum = result.spectrum();
                    int bin = (int) Math.round(e.frequency() / e.binWidth());
                    double fromSpectrum = switch (e.kind()) {
                        case K -> spectrum.k()[bin];
                        case R -> spectrum.r()[bin];
                        default -> spectrum.c()[bin];
                    };
                    Golden.assertAgrees(e, fromSpectrum, "reference spectrum");
                }
            }));
        }
        assertEquals(57, tests.size(), "3 cases of 13 numbers under si, 3 of 6 under paper");
        return tests;
    }
}
