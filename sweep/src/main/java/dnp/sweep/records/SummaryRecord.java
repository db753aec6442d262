package dnp.sweep.records;

import java.util.List;

/** A summary folder's provenance.json: the parameters of the merged sweeps, their folders, how many realizations. */
public record SummaryRecord(String schema, SweepParameters parameters, List<String> folders, int realizations,
                            Provenance provenance) {
    public static final String SCHEMA = "dnp.summary/1";
}
