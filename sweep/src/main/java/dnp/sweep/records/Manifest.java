package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A sweep folder's manifest.json: the sweep's parameters, written once before any result, and their
 * digest ({@link Documents#digest} of the {@code parameters} object), the identity every line of the
 * folder carries ({@link SealedLine}). Manifests of {@link #PREVIOUS} have no digest; their lines no
 * checksum.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String schema, String sweepDigest, SweepParameters parameters, Provenance created) {
    public static final String SCHEMA = "dnp.manifest/3";
    /** The version before lines carried a digest and a checksum; such folders still resume and summarize. */
    public static final String PREVIOUS = "dnp.manifest/2";

    /** A new manifest of {@code parameters}, with their digest. */
    public static Manifest of(SweepParameters parameters, Provenance created) {
        return new Manifest(SCHEMA, digest(parameters), parameters, created);
    }

    /** The digest of {@code parameters} as they are written (from the written text, see {@link Documents#digest}). */
    public static String digest(SweepParameters parameters) {
        return Documents.digest(Documents.tree(Documents.line(parameters)));
    }
}
