package dnp.cli;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dnp.sweep.records.Documents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real outputs of every command validate against their JSON Schemas in docs/schema (draft 2020-12),
 * and their integers are JSON integers.
 */
class SchemaValidationTest {
    static final Path SCHEMAS = Path.of("..", "docs", "schema");
    static final String BASE = "https://dnp.invalid/schema/";
    static SchemaRegistry registry;

    @TempDir
    static Path dir;

    @BeforeAll
    static synchronized void loadSchemas() throws IOException {
        if (registry != null) {
            return;
        }
        Map<String, String> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                schemas.put(BASE + f.getFileName(), Files.readString(f));
            }
        }
        assertTrue(schemas.size() >= 8, "schemas found in " + SCHEMAS.toAbsolutePath());
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(schemas));
    }

    static void assertValid(String schemaFile, String json, String what) {
        Schema schema = registry.getSchema(com.networknt.schema.SchemaLocation.of(BASE + schemaFile));
        JsonNode node = Documents.tree(json);
        List<Error> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), what + " does not validate against " + schemaFile + ": " + errors);
    }

    static void assertValidFile(String schemaFile, Path file) throws IOException {
        assertTrue(Files.exists(file), file + " exists");
        assertValid(schemaFile, Files.readString(file), file.toString());
    }

    static void assertValidLines(String schemaFile, Path sweep) throws IOException {
        int lines = 0;
        try (Stream<Path> files = Files.list(sweep.resolve("results"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    assertValid(schemaFile, line, f + " line " + (++lines));
                    assertTrue(line.matches(".*,\"sweepDigest\":\"sha256:[0-9a-f]{64}\",\"checksum\":\"crc32:[0-9a-f]{8}\"}"),
                            "digest and checksum last: " + line);
                }
            }
        }
        assertTrue(lines > 0, "lines in " + sweep);
        assertValidFile("manifest.schema.json", sweep.resolve("manifest.json"));
    }

    static void run(String... args) {
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), args), err.toString());
    }

    @Test
    void singleWritesARealizationDocument() throws IOException {
        Path out = dir.resolve("single.json");
        run("single", "--L", "4", "--t", "3", "--omega-n", "1,20", "--sampled-goe", "--site-distribution",
                "--with-arrays", "--with-weights", "--output", out.toString());
        assertValidFile("realization.schema.json", out);
        JsonNode doc = Documents.tree(Files.readString(out));
        for (String integer : List.of("L", "N", "seed", "realization", "gapRatioCount")) {
            assertTrue(doc.get(integer).isIntegralNumber(), integer + " is a JSON integer");
        }
    }

    @Test
    void sweepSummarizeAndFigureWriteValidDocuments() throws IOException {
        Path sweep = dir.resolve("sweep");
        run("sweep", "--L", "4", "--t", "2,6.5", "--realizations", "2", "--seed", "9007199254740993", "--out",
                sweep.toString(), "-q");
        assertValidLines("realization.schema.json", sweep);
        JsonNode manifest = Documents.tree(Files.readString(sweep.resolve("manifest.json")));
        assertEquals(9007199254740993L, manifest.get("parameters").get("seed").asLong(), "64-bit seed exact");
        assertTrue(manifest.get("parameters").get("sizes").get(0).isIntegralNumber());
        run("summarize", sweep.toString(), "--no-plots");
        assertValidFile("summary.schema.json", sweep.resolve("summary").resolve("provenance.json"));
        JsonNode summary = Documents.tree(Files.readString(sweep.resolve("summary").resolve("provenance.json")));
        assertTrue(summary.get("parameters").get("seed").isIntegralNumber(), "integers stay integers");
        assertTrue(summary.get("realizations").isIntegralNumber());
        Path figure = dir.resolve("fig2");
        run("figure", "2", "--L", "4", "--realizations", "2", "--out", figure.toString(), "-q");
        assertValidLines("realization.schema.json", figure.resolve("sweep"));
        assertValidFile("summary.schema.json", figure.resolve("tables").resolve("provenance.json"));
    }

    @Test
    void transitionAndMultifractalWriteValidDocuments() throws IOException {
        Path transition = dir.resolve("transition");
        run("transition", "--L", "4,5", "--ratio", "10,16,25", "--realizations", "3", "--bootstrap", "20", "--out",
                transition.toString(), "-q");
        assertValidLines("gap-ratio.schema.json", transition.resolve("L4"));
        assertValidFile("manifest.schema.json", transition.resolve("L4/manifest.json"));
        Path dense = dir.resolve("transition-dense");
        run("transition", "--L", "4,5", "--ratio", "10,16", "--realizations", "2", "--eigenvalues", "dense",
                "--bootstrap", "20", "--scaling-bootstrap", "0", "--out", dense.toString(), "-q");
        assertValidFile("manifest.schema.json", dense.resolve("L4/manifest.json"));
        assertValidLines("gap-ratio.schema.json", dense.resolve("L4"));
        // Manifests of earlier versions (a sentence for the mode, every parameter) are valid too.
        for (String earlier : List.of("transition-dense/L4", "transition-lanczos/L4", "multifractal/states-L4")) {
            assertValidFile("manifest.schema.json", Path.of("src/test/resources/earlier", earlier, "manifest.json"));
        }
        assertValidFile("transition-estimate.schema.json", transition.resolve("estimate.json"));
        Path multifractal = dir.resolve("multifractal");
        run("multifractal", "--L", "4,5,6", "--realizations", "2", "--mu-window", "0.5", "--mu-range", "1:1",
                "--bootstrap", "20", "--out", multifractal.toString(), "-q");
        assertValidLines("central-states.schema.json", multifractal.resolve("states-L4"));
        assertValidFile("manifest.schema.json", multifractal.resolve("states-L4/manifest.json"));
        assertValidFile("multifractal-fits.schema.json", multifractal.resolve("fits.json"));
    }

    @Test
    void ethWritesAValidComparison() throws IOException {
        Path eth = dir.resolve("eth");
        run("eth", "--L", "4", "--t", "10", "--realizations", "2", "--line-width", "0.1", "--out", eth.toString());
        assertValidFile("eth-comparison.schema.json", eth.resolve("eth.json"));
        JsonNode doc = Documents.tree(Files.readString(eth.resolve("eth.json")));
        assertEquals(2, doc.get("rows").size(), "one row per line shape");
        assertTrue(Files.exists(eth.resolve("eth.png")));
    }

    @Test
    void aDocumentThatBreaksItsSchemaIsCaught() {
        String bad = "{\"schema\": \"dnp.summary/1\", \"parameters\": {}, \"folders\": [], \"realizations\": 1.5}";
        Schema schema = registry.getSchema(com.networknt.schema.SchemaLocation.of(BASE + "summary.schema.json"));
        assertTrue(!schema.validate(Documents.tree(bad)).isEmpty(), "an invalid document must not validate");
    }
}
