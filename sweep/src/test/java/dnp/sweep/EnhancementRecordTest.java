package dnp.sweep;

import dnp.kernel.Realization;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kpm.DampingKernel;
import dnp.kpm.Estimator;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ε and T_B in the records of both methods (dense; KPM with the site and the vector estimator), checked
 * against the record's own P_n and its reported rate parts with the constants written out here, not
 * through ModelUnits (docs/model.md#enhancement-and-build-up-time).
 */
class EnhancementRecordTest {
    private static final PhysicalParameters P = PhysicalParameters.TABLE_I;
    private static final List<FrequencyPair> PAIRS = List.of(new FrequencyPair(20, 93860), new FrequencyPair(1, 93860),
            new FrequencyPair(5, 93880), new FrequencyPair(20, 93800));

    static RealizationInput input(int size, Convention convention) {
        Lattice lattice = new Lattice(size, BoundaryCondition.PERIODIC);
        return new RealizationInput(lattice, 6.5, Disorder.box(lattice.sites(), 108, 7, 0), P, PAIRS,
                AnalysisOptions.DEFAULTS, convention);
    }

    /**
     * The checks on one record: ε·P_n^thermal = P_n; P_n^thermal = tanh(ħω_n/(2k_B T)) with ω_n in 2π·MHz;
     * T_B·(W₊ + W₋) = 1 with W₊ + W₋ = (emit + abs)/N_n of the reported parts, in s⁻¹ (under paper, Eq. 22's
     * parts times 2A_0²T_2n, T_2n in μs).
     */
    static void check(RealizationRecord r, Convention convention) {
        assertEquals(PAIRS.size(), r.pairs().size());
        double nuclei = P.nuclearRatio() * r.sites();
        for (PairRecord p : r.pairs()) {
            String at = "ω_n = " + p.omegaN() + ", ω_MW = " + p.omegaMW() + ", " + convention;
            assertNotNull(p.enhancement(), "enhancement at " + at);
            double thermal = Math.tanh(1.054571817e-34 * p.omegaN() * 2 * Math.PI * 1e6
                    / (2 * 1.380649e-23 * P.bathTemperature()));
            assertEquals(thermal, p.pnThermal(), 1e-9 * thermal, "P_n^thermal at " + at);
            assertEquals(p.pn(), p.enhancement() * p.pnThermal(), 1e-13 * Math.abs(p.pn()), "ε·P_n^thermal = P_n at " + at);
            double total = p.emit().total() + p.abs().total();
            double perSecond = switch (convention) {
                case SI -> total / nuclei * 2 * Math.PI * 1e6;
                case PAPER -> 2 * P.a0() * P.a0() * (P.t2n() * 1e6) * total / nuclei * 1e6;
            };
            assertEquals(1, p.buildUpTime() * perSecond, 1e-12, "T_B (W₊ + W₋) = 1 at " + at);
            assertTrue(p.buildUpTime() > 0 && p.buildUpTime() <= P.t1n() * (1 + 1e-12),
                    "the electrons only shorten T_B below T_1n (si) at " + at + ": " + p.buildUpTime());
            if (r.kpm() == null) {
                assertNull(p.enhancementError(), "no error on the dense path");
            } else {
                assertEquals(p.pnError() / p.pnThermal(), p.enhancementError(), 1e-14 * p.enhancementError(),
                        "ε's error at " + at);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Convention.class)
    void denseRecordsCarryEpsilonAndTheBuildUpTime(Convention convention) {
        RealizationRecord r = ResultRecords.document(Realization.compute(input(5, convention)), false,
                ProvenanceCollector.collect());
        check(r, convention);
    }

    @ParameterizedTest
    @EnumSource(Estimator.class)
    void kpmRecordsOfBothEstimatorsCarryThem(Estimator estimator) {
        for (Convention convention : Convention.values()) {
            RealizationRecord r = KpmRealization.compute(null, input(6, convention),
                    new KpmSpec(500, 64, DampingKernel.JACKSON, estimator, 0), 1, null, w -> {});
            assertEquals(estimator, r.kpm().estimator());
            check(r, convention);
        }
    }
}
