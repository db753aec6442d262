package dnp.kernel;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RealizationResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The L = 5 values in the test resources ({@code golden/}, see the README there): the golden file
 * computed by an independent implementation (numpy/scipy, LAPACK dsyevd, energy differences taken
 * between eigenvalues), and the same entries recomputed in 32-digit arithmetic.
 */
public final class Golden {
    private Golden() {}

    /** Every entry must agree to this relative error. */
    public static final double RELATIVE_TOLERANCE = 1e-11;

    /** What an entry holds. */
    public enum Kind { IPR, DOS_SECOND_MOMENT, PN, PN_GOE, K, R, C }

    /**
     * One golden number: the case (convention, t, ω_MW), what it is, at which ω_n (P_n) or ω with bin
     * width (K, R, C), the golden value and its 32-digit recomputation.
     */
    public record Entry(Convention convention, double t, double omegaMW, Kind kind, double frequency, double binWidth,
                        double golden, double highPrecision) {
        public String label() {
            return convention.label() + " t=" + t + " " + kind + (Double.isNaN(frequency) ? "" : " ω=" + frequency);
        }

        /** Whether the golden value itself agrees with its 32-digit recomputation to {@link #RELATIVE_TOLERANCE}. */
        public boolean goldenIsAccurate() {
            return relative(golden, highPrecision) <= RELATIVE_TOLERANCE;
        }

        /** The input that computes this entry (periodic L = 5, Table I, the golden disorder). */
        public RealizationInput input() {
            RealizationInput base = new RealizationInput(Lattice.periodic(5), t, disorder(), PhysicalParameters.TABLE_I,
                    List.of(new FrequencyPair(Double.isNaN(frequency) ? PhysicalParameters.DEFAULT_OMEGA_N : frequency,
                            omegaMW)), AnalysisOptions.DEFAULTS, convention);
            return Double.isNaN(binWidth) ? base
                    : base.withAnalysis(AnalysisOptions.DEFAULTS.withCorrelatorBinWidth(binWidth));
        }

        /** This entry's value in a result computed from {@link #input()}. */
        public double valueIn(RealizationResult r) {
            PairResult pair = r.pairs().getFirst();
            return switch (kind) {
                case IPR -> r.ipr();
                case DOS_SECOND_MOMENT -> r.dosSecondMoment();
                case PN -> pair.pn();
                case PN_GOE -> pair.pnGoe();
                case K -> pair.correlatorK();
                case R -> pair.correlatorR();
                case C -> pair.correlatorC();
            };
        }
    }

    public static double relative(double actual, double expected) {
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    }

    /**
     * The error of a computed value as the tests judge it: the relative error, except for a polarization
     * P = (Ω_emit − Ω_abs)/(Ω_emit + Ω_abs), which is a difference of two rates. Relative errors ε of the
     * rates move P by at most ε(1 − P²), so a small P amplifies them by (1 − P²)/|P| (730 at P = 0.0014,
     * t = 20, ω_n = 5, where the rates of another CPU's BLAS kernels differ by 4e-14 of P). A polarization
     * is judged by the smaller of its relative error and the relative rate error it implies,
     * |ΔP|/(1 − P²): either within the tolerance means the rates were computed to it.
     */
    public static double error(Kind kind, double actual, double expected) {
        double rel = relative(actual, expected);
        if (kind == Kind.PN || kind == Kind.PN_GOE) {
            return Math.min(rel, Math.abs(actual - expected) / (1 - expected * expected));
        }
        return rel;
    }

    /**
     * Checks one computed value: within {@link #RELATIVE_TOLERANCE} of the 32-digit value, and of the
     * golden value wherever the golden value is itself that accurate; where it is not, the computed
     * value must be the closer of the two to the 32-digit value.
     */
    public static void assertAgrees(Entry e, double actual, String who) {
        double toTruth = error(e.kind(), actual, e.highPrecision());
        assertTrue(toTruth <= RELATIVE_TOLERANCE, who + " " + e.label() + ": " + actual + " against the 32-digit "
                + e.highPrecision() + ", error " + toTruth);
        if (e.goldenIsAccurate()) {
            double toGolden = error(e.kind(), actual, e.golden());
            assertTrue(toGolden <= RELATIVE_TOLERANCE, who + " " + e.label() + ": " + actual + " against the golden "
                    + e.golden() + ", error " + toGolden);
        } else {
            assertTrue(relative(actual, e.highPrecision()) < relative(e.golden(), e.highPrecision()), who + " " + e.label()
                    + ": farther from the 32-digit value than the golden value is");
        }
    }

    /** Checks every entry with the values {@code model} computes. */
    public static int assertAllAgree(Function<RealizationInput, RealizationResult> model, String who) {
        List<Entry> entries = entries();
        for (Entry e : entries) {
            assertAgrees(e, e.valueIn(model.apply(e.input())), who);
        }
        return entries.size();
    }

    private static String resource(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource golden/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static Disorder disorder() {
        double[] values = resource("L5-disorder.txt").lines().map(String::strip).filter(l -> !l.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
        if (values.length != 125) {
            throw new IllegalStateException("golden/L5-disorder.txt has " + values.length + " values, expected 125");
        }
        return Disorder.of(values, 108.0, "golden/L5-disorder.txt");
    }

    /** Every number of the golden file, paired with its 32-digit recomputation. */
    public static List<Entry> entries() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode golden = json.readTree(resource("L5-expected.json"));
        JsonNode precise = json.readTree(resource("L5-high-precision.json")).get("cases");
        if (golden.size() != precise.size()) {
            throw new IllegalStateException("golden files disagree on the number of cases");
        }
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < golden.size(); c++) {
            JsonNode g = golden.get(c);
            JsonNode h = precise.get(c);
            Convention convention = Convention.parse(g.get("convention").asString());
            double t = g.get("t").asDouble();
            double omegaMW = g.get("omegaMW").asDouble();
            if (!convention.label().equals(h.get("convention").asString()) || t != h.get("t").asDouble()) {
                throw new IllegalStateException("golden files list their cases in different orders");
            }
            entries.add(new Entry(convention, t, omegaMW, Kind.IPR, Double.NaN, Double.NaN,
                    g.get("ipr").asDouble(), h.get("ipr").asDouble()));
            entries.add(new Entry(convention, t, omegaMW, Kind.DOS_SECOND_MOMENT, Double.NaN, Double.NaN,
                    g.get("dosSecondMoment").asDouble(), h.get("dosSecondMoment").asDouble()));
            for (int k = 0; k < g.get("polarization").size(); k++) {
                JsonNode a = g.get("polarization").get(k);
                JsonNode b = h.get("polarization").get(k);
                double omegaN = a.get("omegaN").asDouble();
                entries.add(new Entry(convention, t, omegaMW, Kind.PN, omegaN, Double.NaN,
                        a.get("Pn").asDouble(), b.get("Pn").asDouble()));
                if (a.has("PnGOE")) {
                    entries.add(new Entry(convention, t, omegaMW, Kind.PN_GOE, omegaN, Double.NaN,
                            a.get("PnGOE").asDouble(), b.get("PnGOE").asDouble()));
                }
            }
            if (g.has("correlator")) {
                for (int k = 0; k < g.get("correlator").size(); k++) {
                    JsonNode a = g.get("correlator").get(k);
                    JsonNode b = h.get("correlator").get(k);
                    double omega = a.get("omega").asDouble();
                    double width = a.get("binWidth").asDouble();
                    for (Kind kind : List.of(Kind.K, Kind.R, Kind.C)) {
                        String key = kind.name();
                        entries.add(new Entry(convention, t, omegaMW, kind, omega, width, a.get(key).asDouble(),
                                b.get(key).asDouble()));
                    }
                }
            }
        }
        return entries;
    }
}
