package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonProperty;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.physics.LineBroadening;

import java.util.List;

/**
 * eth.json of dnp eth: the nuclear polarization of nuclei in the ETH phase with a broadened nuclear
 * line (Appendix D) against the exact P_n of Eq. 20 (or 22), per hopping, frequency pair, line shape
 * and width, averaged over realizations. Described in docs/schema/eth-comparison.schema.json.
 */
public record EthComparison(String schema, @JsonProperty("L") int size, BoundaryCondition boundary, double w,
                            Convention convention, long seed, int realizations, Driver driver, List<Row> rows,
                            Provenance provenance) {
    public static final String SCHEMA = "dnp.eth-comparison/1";

    /** One (t, ω_n, ω_MW, shape, width): P_n^ETH and the exact P_n, mean, std and sem over realizations. */
    public record Row(double t, double omegaN, double omegaMW, LineBroadening.Shape shape, double width, double pnEth,
                      double pnEthStd, double pnEthSem, double pnExact, double pnExactStd, double pnExactSem) {}
}
