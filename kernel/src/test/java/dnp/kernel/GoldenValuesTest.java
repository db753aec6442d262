package dnp.kernel;

import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.io.Json;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline against values the project did not produce itself (test resources, golden/), every entry to 1e-11. */
public class GoldenValuesTest {
    static final double TOLERANCE = Golden.RELATIVE_TOLERANCE;

    @ParameterizedTest
    @EnumSource(LapackEigenSolver.Driver.class)
    void kernelReproducesTheGoldenL5Values(LapackEigenSolver.Driver driver) {
        EigenSolver solver = new LapackEigenSolver(driver);
        Disorder disorder = Golden.disorder();
        int checked = 0;
        for (Map<String, Object> c : Golden.cases()) {
            Convention convention = Convention.parse((String) c.get("convention"));
            double t = Json.number(c.get("t"));
            double omegaMW = Json.number(c.get("omegaMW"));
            List<Object> polarization = Json.array(c.get("polarization"));
            List<FrequencyPair> pairs = new ArrayList<>();
            for (Object p : polarization) {
                pairs.add(new FrequencyPair(Json.number(Json.object(p).get("omegaN")), omegaMW));
            }
            RealizationInput input = new RealizationInput(Lattice.periodic(5), t, disorder,
                    PhysicalParameters.TABLE_I, pairs, AnalysisOptions.DEFAULTS, convention);
            RealizationResult r = Realization.compute(input, solver);
            String where = convention.label() + " t=" + t + " " + driver;
            assertClose(Json.number(c.get("ipr")), r.ipr(), where + " ipr");
            assertClose(Json.number(c.get("dosSecondMoment")), r.dosSecondMoment(), where + " dosSecondMoment");
            for (int k = 0; k < polarization.size(); k++) {
                Map<String, Object> expected = Json.object(polarization.get(k));
                PairResult actual = r.pairs().get(k);
                assertClose(Json.number(expected.get("Pn")), actual.pn(), where + " Pn ω_n=" + expected.get("omegaN"));
                if (expected.containsKey("PnGOE")) {
                    assertClose(Json.number(expected.get("PnGOE")), actual.pnGoe(), where + " PnGOE ω_n=" + expected.get("omegaN"));
                }
                checked++;
            }
            if (c.containsKey("correlator")) {
                for (Object o : Json.array(c.get("correlator"))) {
                    Map<String, Object> bin = Json.object(o);
                    double omega = Json.number(bin.get("omega"));
                    RealizationInput single = input.withPairs(List.of(new FrequencyPair(omega, omegaMW)))
                            .withAnalysis(AnalysisOptions.DEFAULTS.withCorrelatorBinWidth(Json.number(bin.get("binWidth"))));
                    PairResult p = Realization.compute(single, solver).pairs().get(0);
                    assertClose(Json.number(bin.get("K")), p.correlatorK(), where + " K(" + omega + ")");
                    assertClose(Json.number(bin.get("R")), p.correlatorR(), where + " R(" + omega + ")");
                    assertClose(Json.number(bin.get("C")), p.correlatorC(), where + " C(" + omega + ")");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 24, "golden file had fewer cases than expected: " + checked);
    }

    static void assertClose(double expected, double actual, String what) {
        assertClose(expected, actual, TOLERANCE, what);
    }

    static void assertClose(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(Math.abs(expected), 1e-300);
        assertEquals(expected, actual, tolerance * scale, what + ": relative error " + Math.abs(actual - expected) / scale);
    }
}
