package dnp.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The guide ξ = A|t − t_c|^(−ν) of the localization figure (FigureData.criticalLaw). */
class CriticalLawTest {

    /** Points that follow the law exactly give back its amplitude; points outside the fit range do not count. */
    @Test
    void recoversTheAmplitudeOfExactPoints() {
        double tc = 6.5;
        double amplitude = 2.7;
        double[] t = {1, 3.5, 4, 5, 5.5, 6.4, 10};
        double[] xi = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            xi[i] = amplitude * Math.pow(Math.abs(t[i] - tc), -Literature.CRITICAL_NU);
        }
        xi[0] = 1000; // t < t_c/2: outside the range, must not move A
        xi[5] = 1000; // t > 0.85 t_c: outside the range
        double[][] curve = FigureData.criticalLaw(new FigureData.Series(t, xi, new double[t.length]), tc, 10);
        for (int k = 0; k < curve[0].length; k++) {
            assertEquals(amplitude * Math.pow(tc - curve[0][k], -Literature.CRITICAL_NU), curve[1][k],
                    1e-12 * curve[1][k]);
        }
        assertEquals(tc / 4, curve[0][0], 1e-15);
        assertEquals(2 * 10, curve[1][curve[1].length - 1], 1e-9, "the curve ends where it reaches 2L");
    }

    /** No point in t_c/2 ≤ t ≤ 0.85 t_c with ξ < L: no guide. */
    @Test
    void noQualifyingPointGivesNoCurve() {
        double[] t = {1, 6.4, 9};
        double[] xi = {0.3, 50, 2};
        assertNull(FigureData.criticalLaw(new FigureData.Series(t, xi, new double[3]), 6.5, 10));
    }
}
