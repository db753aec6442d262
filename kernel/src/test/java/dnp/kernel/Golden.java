package dnp.kernel;

import dnp.kernel.io.Json;
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
import java.util.Map;
import java.util.function.Function;

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
     * Checks one computed value: within {@link #RELATIVE_TOLERANCE} of the 32-digit value, and of the
     * golden value wherever the golden value is itself that accurate; where it is not, the computed
     * value must be the closer of the two to the 32-digit value.
     */
    public static void assertAgrees(Entry e, double actual, String who) {
        double toTruth = relative(actual, e.highPrecision());
        assertTrue(toTruth <= RELATIVE_TOLERANCE, who + " " + e.label() + ": " + actual + " against the 32-digit "
                + e.highPrecision() + ", relative error " + toTruth);
        if (e.goldenIsAccurate()) {
            double toGolden = relative(actual, e.golden());
            assertTrue(toGolden <= RELATIVE_TOLERANCE, who + " " + e.label() + ": " + actual + " against the golden "
                    + e.golden() + ", relative error " + toGolden);
        } else {
            assertTrue(toTruth < relative(e.golden(), e.highPrecision()), who + " " + e.label()
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
        List<Object> golden = Json.array(Json.parse(resource("L5-expected.json")));
        List<Object> precise = Json.array(Json.object(Json.parse(resource("L5-high-precision.json"))).get("cases"));
        if (golden.size() != precise.size()) {
            throw new IllegalStateException("golden files disagree on the number of cases");
        }
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < golden.size(); c++) {
            Map<String, Object> g = Json.object(golden.get(c));
            Map<String, Object> h = Json.object(precise.get(c));
            Convention convention = Convention.parse((String) g.get("convention"));
            double t = Json.number(g.get("t"));
            double omegaMW = Json.number(g.get("omegaMW"));
            if (!convention.label().equals(h.get("convention")) || t != Json.number(h.get("t"))) {
                throw new IllegalStateException("golden files list their cases in different orders");
            }
            entries.add(new Entry(convention, t, omegaMW, Kind.IPR, Double.NaN, Double.NaN,
                    Json.number(g.get("ipr")), Json.number(h.get("ipr"))));
            entries.add(new Entry(convention, t, omegaMW, Kind.DOS_SECOND_MOMENT, Double.NaN, Double.NaN,
                    Json.number(g.get("dosSecondMoment")), Json.number(h.get("dosSecondMoment"))));
            List<Object> gp = Json.array(g.get("polarization"));
            List<Object> hp = Json.array(h.get("polarization"));
            for (int k = 0; k < gp.size(); k++) {
                Map<String, Object> a = Json.object(gp.get(k));
                Map<String, Object> b = Json.object(hp.get(k));
                double omegaN = Json.number(a.get("omegaN"));
                entries.add(new Entry(convention, t, omegaMW, Kind.PN, omegaN, Double.NaN,
                        Json.number(a.get("Pn")), Json.number(b.get("Pn"))));
                if (a.containsKey("PnGOE")) {
                    entries.add(new Entry(convention, t, omegaMW, Kind.PN_GOE, omegaN, Double.NaN,
                            Json.number(a.get("PnGOE")), Json.number(b.get("PnGOE"))));
                }
            }
            if (g.containsKey("correlator")) {
                List<Object> gc = Json.array(g.get("correlator"));
                List<Object> hc = Json.array(h.get("correlator"));
                for (int k = 0; k < gc.size(); k++) {
                    Map<String, Object> a = Json.object(gc.get(k));
                    Map<String, Object> b = Json.object(hc.get(k));
                    double omega = Json.number(a.get("omega"));
                    double width = Json.number(a.get("binWidth"));
                    for (Kind kind : List.of(Kind.K, Kind.R, Kind.C)) {
                        String key = kind.name();
                        entries.add(new Entry(convention, t, omegaMW, kind, omega, width,
                                Json.number(a.get(key)), Json.number(b.get(key))));
                    }
                }
            }
        }
        return entries;
    }
}
