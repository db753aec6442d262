package dnp.sweep.records;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each line of a sweep holds when it is less than every observable, with the settings that fix it:
 * part of what a resume must match. Absent for sweeps of every observable. Written as an object,
 * <pre>
 *   {"lines": "gap-ratio", "levels": "dense"}                          dnp transition, dense eigenvalues
 *   {"lines": "gap-ratio", "levels": "lanczos", "energyWindow": 1.75}  dnp transition, Lanczos window (units of t)
 *   {"lines": "central-states", "first": 17, "last": 48, "central": 4} dnp multifractal (eigenstates first…last)
 * </pre>
 * Manifests written before this form held a sentence ({@link #LEGACY_DENSE}, {@link #LEGACY_LANCZOS},
 * {@link #LEGACY_CENTRAL}); they are read as the same values, so that their folders resume.
 */
@JsonSerialize(using = SweepMode.Writer.class)
@JsonDeserialize(using = SweepMode.Reader.class)
public sealed interface SweepMode {

    /** ⟨r⟩ of the central fraction ({@code gapFraction}) of the levels of a dense diagonalization, eigenvalues only. */
    record DenseGapRatio() implements SweepMode {
        @Override
        public String toString() {
            return "gap ratio of the central levels (dense)";
        }
    }

    /** ⟨r⟩ of the levels with |λ − c| ≤ energyWindow·t from two Lanczos recursions on the stencil. */
    record LanczosGapRatio(double energyWindow) implements SweepMode {
        public LanczosGapRatio {
            if (!(energyWindow > 0) || Double.isInfinite(energyWindow)) {
                throw new IllegalArgumentException("a Lanczos window needs a positive half-width, got " + energyWindow);
            }
        }

        @Override
        public String toString() {
            return "gap ratio of the levels with |λ − c| ≤ " + energyWindow + " t (Lanczos)";
        }
    }

    /** The eigenpairs first…last (1-based, ascending) by index, the IPR of the {@code central} ones among them. */
    record CentralStates(int first, int last, int central) implements SweepMode {
        public CentralStates {
            if (first < 1 || last < first || central < 1 || central > last - first + 1) {
                throw new IllegalArgumentException("central states need 1 ≤ first ≤ last and 1 ≤ central ≤ last − first "
                        + "+ 1, got " + first + ", " + last + ", " + central);
            }
        }

        @Override
        public String toString() {
            return "eigenstates " + first + "…" + last + ", IPR of the central " + central;
        }
    }

    /** The sentence of a dense dnp transition sweep in manifests before the typed form. */
    String LEGACY_DENSE = "transition: eigenvalues only, gap ratio";
    /** … of a Lanczos one, the half-width in units of t written as a number without a trailing ".0". */
    Pattern LEGACY_LANCZOS = Pattern.compile("transition: gap ratio of the levels with \\|λ − c\\| ≤ (\\S+) t \\(Lanczos\\)");
    /** … of a dnp multifractal sweep. */
    Pattern LEGACY_CENTRAL = Pattern.compile("multifractal: eigenstates (\\d+)…(\\d+), IPR of the central (\\d+)");

    /** The mode a sentence of an earlier manifest meant; refused (one line) if it is none of them. */
    static SweepMode legacy(String sentence) {
        if (LEGACY_DENSE.equals(sentence)) {
            return new DenseGapRatio();
        }
        Matcher m = LEGACY_LANCZOS.matcher(sentence);
        if (m.matches()) {
            return new LanczosGapRatio(Double.parseDouble(m.group(1)));
        }
        m = LEGACY_CENTRAL.matcher(sentence);
        if (m.matches()) {
            return new CentralStates(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        throw new IllegalArgumentException("mode '" + sentence + "' is not one this version of dnp reads");
    }

    final class Writer extends ValueSerializer<SweepMode> {
        @Override
        public void serialize(SweepMode mode, JsonGenerator g, SerializationContext ctxt) {
            g.writeStartObject();
            switch (mode) {
                case DenseGapRatio d -> {
                    g.writeStringProperty("lines", "gap-ratio");
                    g.writeStringProperty("levels", "dense");
                }
                case LanczosGapRatio l -> {
                    g.writeStringProperty("lines", "gap-ratio");
                    g.writeStringProperty("levels", "lanczos");
                    g.writeNumberProperty("energyWindow", l.energyWindow());
                }
                case CentralStates c -> {
                    g.writeStringProperty("lines", "central-states");
                    g.writeNumberProperty("first", c.first());
                    g.writeNumberProperty("last", c.last());
                    g.writeNumberProperty("central", c.central());
                }
            }
            g.writeEndObject();
        }
    }

    final class Reader extends ValueDeserializer<SweepMode> {
        @Override
        public SweepMode deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode node = ctxt.readTree(p);
            try {
                if (node.isString()) {
                    return legacy(node.asString());
                }
                String lines = node.path("lines").asString("");
                String levels = node.path("levels").asString("");
                int members = node.size();
                if (lines.equals("gap-ratio") && levels.equals("dense") && members == 2) {
                    return new DenseGapRatio();
                }
                if (lines.equals("gap-ratio") && levels.equals("lanczos") && members == 3
                        && node.path("energyWindow").isNumber()) {
                    return new LanczosGapRatio(node.get("energyWindow").asDouble());
                }
                if (lines.equals("central-states") && members == 4 && node.path("first").isInt()
                        && node.path("last").isInt() && node.path("central").isInt()) {
                    return new CentralStates(node.get("first").asInt(), node.get("last").asInt(),
                            node.get("central").asInt());
                }
            } catch (IllegalArgumentException ex) {
                return ctxt.reportInputMismatch(SweepMode.class, ex.getMessage());
            }
            return ctxt.reportInputMismatch(SweepMode.class, "not a mode this version of dnp reads: " + node);
        }
    }
}
