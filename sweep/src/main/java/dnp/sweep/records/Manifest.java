package dnp.sweep.records;

/** A sweep folder's manifest.json: the sweep's parameters, written once before any result. */
public record Manifest(String schema, SweepParameters parameters, Provenance created) {
    public static final String SCHEMA = "dnp.manifest/2";
}
