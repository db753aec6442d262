package dnp.cli;

import dnp.cli.plot.Plot;
import dnp.kernel.io.Json;
import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.physics.ElectronPolarization;
import dnp.kernel.physics.ModelUnits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The paper's figures drawn from a {@link Summary}. Error bars are one standard deviation, as in the paper. */
final class Figures {
    private Figures() {}

    /** w/t_c = 16.530 for box disorder (Rodriguez et al., PRB 84, 134209 (2011)). */
    static final double CRITICAL_RATIO = 16.530;

    record Series(double[] t, double[] mean, double[] error) {}

    static double criticalHopping(Summary s) {
        return Json.number(s.parameters.get("w")) / CRITICAL_RATIO;
    }

    static String note(Summary s) {
        String convention = s.convention();
        String text = "convention: " + convention + ", w = " + fmt(Json.number(s.parameters.get("w")))
                + ", " + s.parameters.get("boundary") + " boundaries";
        return convention.equals(Convention.PAPER.label())
                ? text + " (Eq. 22 as printed; inferred, see README)" : text;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Mean and standard deviation over realizations of one pair's field, per t, at size L. */
    static Series pairSeries(Summary s, int size, int pair, ToDoubleFunction<Map<String, Object>> field) {
        List<Double> t = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            List<Double> v = new ArrayList<>();
            for (Map<String, Object> r : group) {
                v.add(field.applyAsDouble(Summary.pair(r, pair)));
            }
            Stats st = Stats.of(v);
            t.add(point.hopping());
            mean.add(st.mean());
            std.add(st.std());
        });
        return new Series(unbox(t), unbox(mean), unbox(std));
    }

    /** C(ω_n) = K̄/R̄ per t (averages first), error from the spread of K. */
    static Series correlatorSeries(Summary s, int size, int pair) {
        Series k = pairSeries(s, size, pair, p -> Json.number(p.get("K")));
        Series r = pairSeries(s, size, pair, p -> Json.number(p.get("R")));
        double[] c = new double[k.t.length];
        double[] e = new double[k.t.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.mean[i] > 0 ? k.mean[i] / r.mean[i] : Double.NaN;
            e[i] = r.mean[i] > 0 ? k.error[i] / r.mean[i] : Double.NaN;
        }
        return new Series(k.t, c, e);
    }

    static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<Integer> sizes(Summary s) {
        return s.byPoint().keySet().stream().map(Summary.SizeAndHopping::size).distinct().sorted().toList();
    }

    static double omegaN(Summary s, int pair) {
        return Json.number(Summary.pair(s.records.getFirst(), pair).get("omegaN"));
    }

    static double omegaMW(Summary s, int pair) {
        return Json.number(Summary.pair(s.records.getFirst(), pair).get("omegaMW"));
    }

    static String pairLabel(Summary s, int pair) {
        return "ω_n = " + fmt(omegaN(s, pair)) + ", ω_MW = " + fmt(omegaMW(s, pair));
    }

    private static Plot base(Summary s, String title, String yLabel) {
        return new Plot(title, "hopping t (2π·MHz)", yLabel).logX(true).note(note(s))
                .verticalLine(criticalHopping(s), "t_c");
    }

    /** Fig. 3: P_n against t, Anderson and GOE, for every size and the given pairs. */
    static Plot polarization(Summary s, List<Integer> pairs, String title) {
        Plot plot = base(s, title, "nuclear polarization P_n");
        boolean manySizes = sizes(s).size() > 1;
        for (int size : sizes(s)) {
            for (int k : pairs) {
                String suffix = (manySizes ? " L = " + size : "") + (pairs.size() > 1 ? " (" + pairLabel(s, k) + ")" : "");
                Series a = pairSeries(s, size, k, p -> Json.number(p.get("Pn")));
                Series g = pairSeries(s, size, k, p -> Json.number(p.get("PnGOE")));
                plot.series("Anderson" + suffix, a.t, a.mean, a.error, Plot.Style.LINE_MARKERS);
                plot.series("GOE" + suffix, g.t, g.mean, g.error, Plot.Style.LINE_MARKERS);
            }
        }
        return plot;
    }

    /** Fig. 4: Anderson P_n against t, one curve per pair. */
    static Plot polarizationPerPair(Summary s, int size, List<Integer> pairs, String title, boolean byMicrowave) {
        Plot plot = base(s, title, "nuclear polarization P_n");
        for (int k : pairs) {
            Series a = pairSeries(s, size, k, p -> Json.number(p.get("Pn")));
            String name = byMicrowave ? "ω_MW = " + fmt(omegaMW(s, k)) : "ω_n = " + fmt(omegaN(s, k));
            plot.series(name, a.t, a.mean, a.error, Plot.Style.LINE_MARKERS);
        }
        return plot;
    }

    /** Fig. 5: emission − absorption and the ISS sum, each divided by its largest magnitude. */
    static Plot rates(Summary s, int size, int pair) {
        Series numerator = pairSeries(s, size, pair, p -> Json.number(p.get("numerator")));
        Series iss = pairSeries(s, size, pair,
                p -> Summary.sub(p, "emit", "iss") + Summary.sub(p, "abs", "iss"));
        Plot plot = base(s, "Rates in the nuclear polarization, L = " + size + " (" + pairLabel(s, pair) + ")",
                "rate / its maximum");
        plot.series("Ω_emit − Ω_abs", numerator.t, normalised(numerator.mean), normalisedError(numerator),
                Plot.Style.LINE_MARKERS);
        plot.series("ISS Ω_emit + Ω_abs", iss.t, normalised(iss.mean), normalisedError(iss), Plot.Style.LINE_MARKERS);
        return plot;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m > 0 ? m : 1;
    }

    static double[] normalised(double[] v) {
        double m = maxAbs(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / m;
        }
        return out;
    }

    private static double[] normalisedError(Series s) {
        double m = maxAbs(s.mean);
        double[] out = new double[s.error.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.error[i] / m;
        }
        return out;
    }

    /** Fig. 7: C(ω_n) against t, one curve per ω_n. */
    static Plot correlator(Summary s, int size, List<Integer> pairs) {
        Plot plot = base(s, "Eigenfunction correlation C(ω_n), L = " + size, "C(ω_n) = K(ω_n)/R(ω_n)");
        for (int k : pairs) {
            Series c = correlatorSeries(s, size, k);
            plot.series("ω_n = " + fmt(omegaN(s, k)), c.t, c.mean, c.error, Plot.Style.LINE_MARKERS);
        }
        return plot;
    }

    /** Density of states per t (Fig. 2), from the DOS table of the summary. */
    static Plot densityOfStates(Summary s, int size) {
        Plot plot = new Plot("Density of states, L = " + size, "energy ε − ω_e (2π·MHz)", "ρ(ε) (1/(2π·MHz))")
                .note(note(s));
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            double[][] d = dosCurve(group);
            plot.series("t = " + fmt(point.hopping()), d[0], d[1], null, Plot.Style.LINE_MARKERS);
        });
        return plot;
    }

    /** Bin centres and mean density of a group of records. */
    static double[][] dosCurve(List<Map<String, Object>> group) {
        Map<String, Object> d = Json.object(group.getFirst().get("dos"));
        double half = Json.number(d.get("halfWidth"));
        double width = Json.number(d.get("binWidth"));
        int bins = Json.array(d.get("density")).size();
        double[] x = new double[bins];
        double[] y = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = -half + (b + 0.5) * width;
            for (Map<String, Object> r : group) {
                y[b] += Json.number(Json.array(Json.object(r.get("dos")).get("density")).get(b)) / group.size();
            }
        }
        return new double[][]{x, y};
    }

    /**
     * Fig. 6: the factors of the integrand of Eq. 24, P_B(ε) − P_B(ε + ω_n) and ρ(ε)ρ(ε + ω_n), each
     * scaled to a maximum of 1 (the paper adjusts them for a clear plot).
     */
    static Plot integrand(Summary s, int size, double omegaN, double omegaMW) {
        Plot plot = new Plot(String.format(Locale.ROOT, "Integrand of Eq. 24, ω_n = %s, ω_MW = %s, L = %d",
                fmt(omegaN), fmt(omegaMW), size), "energy ε − ω_e (2π·MHz)", "scaled to maximum 1").note(note(s));
        PhysicalParameters physics = physics(s);
        ModelUnits units = ModelUnits.of(physics, Convention.parse(s.convention()));
        double[] grid = new double[801];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -200 + 0.5 * i;
        }
        double[] shifted = grid.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += omegaN;
        }
        double[] p = ElectronPolarization.biases(grid, physics, units, omegaMW);
        double[] q = ElectronPolarization.biases(shifted, physics, units, omegaMW);
        double[] diff = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            diff[i] = p[i] - q[i];
        }
        plot.series("P_B(ε) − P_B(ε + ω_n)", grid, normalised(diff), null, Plot.Style.LINE);
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            double[][] d = dosCurve(group);
            double width = d[0].length > 1 ? d[0][1] - d[0][0] : 1;
            double[] product = new double[d[0].length];
            for (int b = 0; b < product.length; b++) {
                double x = d[0][b] + omegaN;
                int j = (int) Math.floor((x - d[0][0]) / width + 0.5);
                product[b] = j >= 0 && j < product.length ? d[1][b] * d[1][j] : 0;
            }
            plot.series("ρ(ε)ρ(ε + ω_n), t = " + fmt(point.hopping()), d[0], normalised(product), null,
                    Plot.Style.LINE);
        });
        return plot;
    }

    static PhysicalParameters physics(Summary s) {
        Map<String, Object> p = s.parameters;
        return new PhysicalParameters(Json.number(p.get("t1e")), Json.number(p.get("t2e")), Json.number(p.get("omega1")),
                Json.number(p.get("t1n")), Json.number(p.get("t2n")), Json.number(p.get("a0")),
                Json.number(p.get("bathTemperature")), Json.number(p.get("omegaE")), Json.number(p.get("nuclearRatio")));
    }

    /** Indices of the pairs with ω_n = omegaN (any ω_MW), or ω_MW = omegaMW (any ω_n). */
    static List<Integer> pairsWhere(Summary s, Double omegaN, Double omegaMW) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < s.pairCount(); k++) {
            if ((omegaN == null || omegaN(s, k) == omegaN) && (omegaMW == null || omegaMW(s, k) == omegaMW)) {
                out.add(k);
            }
        }
        return out;
    }
}
