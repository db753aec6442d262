package dnp.reference;

import dnp.kernel.Golden;
import dnp.kernel.io.Json;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference against the independent golden values of the kernel's test resources (L = 5, w = 108,
 * periodic, Table I, ω_MW = 93860): IPR, DOS second moment and P_n in both conventions, P_n^GOE and
 * C, K, R at ω = 1 and 5 (bin width 0.5) under si, every entry to 1e-11 relative.
 */
class ReferenceGoldenTest {

    private static final double TOLERANCE = Golden.RELATIVE_TOLERANCE;
    private static final int SIZE = 5;
    private static final double WIDTH = 108.0;

    @TestFactory
    List<DynamicTest> goldenValues() {
        Lattice lattice = Lattice.periodic(SIZE);
        Disorder disorder = Golden.disorder();

        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> expected : Golden.cases()) {
            Convention convention = Convention.parse((String) expected.get("convention"));
            double hopping = Json.number(expected.get("t"));
            double omegaMW = Json.number(expected.get("omegaMW"));
            assertEquals(SIZE, (int) Json.number(expected.get("L")));
            assertEquals(WIDTH, Json.number(expected.get("w")));

            List<Object> polarization = Json.array(expected.get("polarization"));
            List<FrequencyPair> pairs = new ArrayList<>();
            for (Object p : polarization) {
                pairs.add(new FrequencyPair(Json.number(Json.object(p).get("omegaN")), omegaMW));
            }
            RealizationInput input = new RealizationInput(lattice, hopping, disorder, PhysicalParameters.TABLE_I,
                    pairs, AnalysisOptions.DEFAULTS, convention);
            RealizationResult result = ReferenceModel.compute(input);
            String label = convention.label() + " t=" + hopping + " ";

            tests.add(check(label + "ipr", Json.number(expected.get("ipr")), result.ipr(), TOLERANCE));
            tests.add(check(label + "dosSecondMoment", Json.number(expected.get("dosSecondMoment")),
                    result.dosSecondMoment(), TOLERANCE));
            for (int i = 0; i < polarization.size(); i++) {
                Map<String, Object> p = Json.object(polarization.get(i));
                PairResult pair = result.pairs().get(i);
                double omegaN = Json.number(p.get("omegaN"));
                String at = label + "ωn=" + omegaN + " ";
                tests.add(check(at + "Pn", Json.number(p.get("Pn")), pair.pn(), TOLERANCE));
                if (p.containsKey("PnGOE")) {
                    tests.add(check(at + "PnGOE", Json.number(p.get("PnGOE")), pair.pnGoe(), TOLERANCE));
                }
            }
            if (expected.containsKey("correlator")) {
                for (Object c : Json.array(expected.get("correlator"))) {
                    tests.addAll(correlatorChecks(label, Json.object(c), input));
                }
            }
        }
        assertEquals(75, tests.size(), "3 entries of 20 values under si, 3 of 5 under paper");
        return tests;
    }

    /** K, R, C at ω from a pair with ω_n = ω and from the spectrum bin centred on ω. */
    private static List<DynamicTest> correlatorChecks(String label, Map<String, Object> expected,
                                                      RealizationInput base) {
        double omega = Json.number(expected.get("omega"));
        double width = Json.number(expected.get("binWidth"));
        RealizationInput input = base.withPairs(List.of(new FrequencyPair(omega, 93860)))
                .withAnalysis(base.analysis().withCorrelatorBinWidth(width));
        RealizationResult result = ReferenceModel.compute(input);
        PairResult pair = result.pairs().getFirst();
        CorrelatorSpectrum spectrum = result.spectrum();
        int bin = (int) Math.round(omega / width);
        String at = label + "ω=" + omega + " ";
        double k = Json.number(expected.get("K"));
        double r = Json.number(expected.get("R"));
        double c = Json.number(expected.get("C"));
        return List.of(
                check(at + "K", k, pair.correlatorK(), TOLERANCE),
                check(at + "R", r, pair.correlatorR(), TOLERANCE),
                check(at + "C", c, pair.correlatorC(), TOLERANCE),
                check(at + "K spectrum", k, spectrum.k()[bin], TOLERANCE),
                check(at + "R spectrum", r, spectrum.r()[bin], TOLERANCE),
                check(at + "C spectrum", c, spectrum.c()[bin], TOLERANCE));
    }

    private static DynamicTest check(String name, double expected, double actual, double tolerance) {
        return DynamicTest.dynamicTest(name, () -> {
            double relative = Math.abs(actual - expected) / Math.abs(expected);
            assertTrue(relative <= tolerance, name + ": expected " + expected + ", got " + actual
                    + ", relative error " + relative + " > " + tolerance);
        });
    }
}
