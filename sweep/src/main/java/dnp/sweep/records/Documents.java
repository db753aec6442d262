package dnp.sweep.records;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON codec of every document the project writes and reads (results, sweep lines,
 * manifests, summaries, estimates), each a Java record. Integers stay integers (64-bit seeds round-trip
 * exactly); doubles are written in Java's shortest round-trip form; JSON has no NaN or ±∞, so
 * non-finite numbers are written as {@code null} and read back as NaN; unknown properties are
 * refused when reading, so a document of another shape is never half-read; enums are written as
 * their lower-case names.
 */
public final class Documents {
    private Documents() {}

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(nonFiniteAsNull())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Enums as the words the command line takes (estimator "vectors"), read in any case.
            .enable(tools.jackson.databind.cfg.EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(tools.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    /** A document as indented JSON with a final newline. */
    public static String pretty(Object document) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }

    /** A document as one line of JSON (no newline), for JSON Lines files. */
    public static String line(Object document) {
        return MAPPER.writeValueAsString(document);
    }

    /** Reads a document of a known type; throws {@link JacksonException} (unchecked) on malformed text. */
    public static <T> T read(String text, Class<T> type) {
        return MAPPER.readValue(text, type);
    }

    /** Reads a document of a known type from a tree; throws {@link JacksonException} (unchecked) on a wrong shape. */
    public static <T> T read(JsonNode tree, Class<T> type) {
        return MAPPER.treeToValue(tree, type);
    }

    /**
     * Why a text could not be read as a document, in words for a one-line message: the parser's reason
     * with the line and column, or the member that is unknown or of the wrong type; never Jackson's
     * class or feature names, nor the Java classes of the records.
     */
    public static String reason(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (ex instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            return "unknown member \"" + path + "\"";
        }
        String message = ex.getOriginalMessage() == null ? "unreadable" : ex.getOriginalMessage().lines().findFirst()
                .orElse("unreadable");
        // Jackson names Java types ("`int`", "(class …)"); the reader of the message needs the member and the value.
        message = message.replaceAll(" ?\\(class [^)]*\\)", "").replaceAll("`([^`]*)`", "$1")
                .replaceAll("[a-z]+(\\.[a-z]+)+\\.[A-Z][A-Za-z0-9$]*", "a value");
        if (!path.isEmpty()) {
            return "member \"" + path + "\": " + message;
        }
        var location = ex.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    /**
     * The SHA-256 of a JSON value in canonical form (members sorted by name at every level, no
     * whitespace, numbers as the parser read them), as {@code sha256:<64 hex digits>}: the identity of a
     * sweep's parameters that its manifest and every line carry. Computed from the parsed text, so that
     * it does not depend on how a later version of the program represents the values in Java.
     */
    public static String digest(JsonNode value) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(MAPPER.writeValueAsString(canonical(value)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private static JsonNode canonical(JsonNode value) {
        if (value.isObject()) {
            tools.jackson.databind.node.ObjectNode sorted = MAPPER.createObjectNode();
            java.util.TreeMap<String, JsonNode> members = new java.util.TreeMap<>();
            for (var e : value.properties()) {
                members.put(e.getKey(), e.getValue());
            }
            members.forEach((k, v) -> sorted.set(k, canonical(v)));
            return sorted;
        }
        if (value.isArray()) {
            tools.jackson.databind.node.ArrayNode array = MAPPER.createArrayNode();
            for (JsonNode v : value) {
                array.add(canonical(v));
            }
            return array;
        }
        return value;
    }

    /** Reads any JSON text as a tree (for schema validation and tests). */
    public static JsonNode tree(String text) {
        return MAPPER.readTree(text);
    }

    /** A document as a tree, as it would be written. */
    public static JsonNode tree(Object document) {
        return MAPPER.valueToTree(document);
    }

    private static SimpleModule nonFiniteAsNull() {
        SimpleModule module = new SimpleModule("dnp-non-finite");
        ValueSerializer<Double> number = new ValueSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator g, SerializationContext ctxt) {
                if (Double.isFinite(value)) {
                    g.writeNumber(value);
                } else {
                    g.writeNull();
                }
            }
        };
        module.addSerializer(Double.class, number);
        module.addSerializer(Double.TYPE, number);
        module.addSerializer(double[].class, new ValueSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator g, SerializationContext ctxt) {
                g.writeStartArray(values, values.length);
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        g.writeNumber(v);
                    } else {
                        g.writeNull();
                    }
                }
                g.writeEndArray();
            }
        });
        ValueDeserializer<Double> nullAsNaN = new ValueDeserializer<>() {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext ctxt) {
                return p.getValueAsDouble();
            }

            @Override
            public Double getNullValue(DeserializationContext ctxt) {
                return Double.NaN;
            }
        };
        module.addDeserializer(Double.class, nullAsNaN);
        module.addDeserializer(Double.TYPE, nullAsNaN);
        module.addDeserializer(double[].class, new ValueDeserializer<>() {
            @Override
            public double[] deserialize(JsonParser p, DeserializationContext ctxt) {
                if (!p.isExpectedStartArrayToken()) {
                    return ctxt.reportInputMismatch(double[].class, "expected an array of numbers");
                }
                List<Double> values = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    values.add(t == JsonToken.VALUE_NULL ? Double.NaN : p.getValueAsDouble());
                }
                return values.stream().mapToDouble(Double::doubleValue).toArray();
            }
        });
        return module;
    }
}
