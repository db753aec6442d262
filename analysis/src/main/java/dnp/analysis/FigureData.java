package dnp.analysis;

import dnp.kernel.io.Json;
import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.physics.ElectronPolarization;
import dnp.kernel.physics.ModelUnits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The numbers behind the paper's figures, taken from a {@link Summary}: curves against t per size
 * and frequency pair, C(ω_n) as a ratio of means, the mean DOS, and the factors of Eq. 24. Error bars
 * are one standard deviation over realizations, as in the paper.
 */
public final class FigureData {
    private FigureData() {}

    /** A curve: abscissae, means and error bars. */
    public record Series(double[] x, double[] mean, double[] error) {}

    /** t_c = w/(w/t_c) for the summary's disorder width. */
    public static double criticalHopping(Summary s) {
        return Json.number(s.parameters().get("w")) / Literature.CRITICAL_RATIO;
    }

    /** Mean and standard deviation over realizations of one pair's field, per t, at size L. */
    public static Series pairSeries(Summary s, int size, int pair, ToDoubleFunction<Map<String, Object>> field) {
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
    public static Series correlatorSeries(Summary s, int size, int pair) {
        Series k = pairSeries(s, size, pair, p -> Json.number(p.get("K")));
        Series r = pairSeries(s, size, pair, p -> Json.number(p.get("R")));
        double[] c = new double[k.x().length];
        double[] e = new double[k.x().length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Stats.ratioOfMeans(k.mean()[i], r.mean()[i]);
            e[i] = Stats.ratioOfMeans(k.error()[i], r.mean()[i]);
        }
        return new Series(k.x(), c, e);
    }

    /** The ISS sum Ω_emit + Ω_abs of one pair's record (Fig. 5). */
    public static double issSum(Map<String, Object> pair) {
        return Summary.sub(pair, "emit", "iss") + Summary.sub(pair, "abs", "iss");
    }

    public static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static List<Integer> sizes(Summary s) {
        return s.byPoint().keySet().stream().map(Summary.SizeAndHopping::size).distinct().sorted().toList();
    }

    public static double omegaN(Summary s, int pair) {
        return Json.number(Summary.pair(s.records().getFirst(), pair).get("omegaN"));
    }

    public static double omegaMW(Summary s, int pair) {
        return Json.number(Summary.pair(s.records().getFirst(), pair).get("omegaMW"));
    }

    /** Indices of the pairs with ω_n = omegaN (any ω_MW), or ω_MW = omegaMW (any ω_n). */
    public static List<Integer> pairsWhere(Summary s, Double omegaN, Double omegaMW) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < s.pairCount(); k++) {
            if ((omegaN == null || omegaN(s, k) == omegaN) && (omegaMW == null || omegaMW(s, k) == omegaMW)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Bin centres and mean density of a group of records. */
    public static double[][] dosCurve(List<Map<String, Object>> group) {
        Map<String, Object> d = Json.object(group.getFirst().get("dos"));
        double half = Json.number(d.get("halfWidth"));
        double width = Json.number(d.get("binWidth"));
        int bins = Json.array(d.get("density")).size();
        double[] x = new double[bins];
        double[] y = new double[bins];
        double[] column = new double[group.size()];
        for (int b = 0; b < bins; b++) {
            x[b] = -half + (b + 0.5) * width;
            for (int k = 0; k < column.length; k++) {
                column[k] = Json.number(Json.array(Json.object(group.get(k).get("dos")).get("density")).get(b));
            }
            y[b] = Stats.mean(column, null);
        }
        return new double[][]{x, y};
    }

    /** The Table I parameters a summary was computed with. */
    public static PhysicalParameters physics(Summary s) {
        Map<String, Object> p = s.parameters();
        return new PhysicalParameters(Json.number(p.get("t1e")), Json.number(p.get("t2e")), Json.number(p.get("omega1")),
                Json.number(p.get("t1n")), Json.number(p.get("t2n")), Json.number(p.get("a0")),
                Json.number(p.get("bathTemperature")), Json.number(p.get("omegaE")), Json.number(p.get("nuclearRatio")));
    }

    /**
     * The first factor of the integrand of Eq. 24, P_B(ε) − P_B(ε + ω_n), on a grid of λ = ε − ω_e
     * (Eq. 11 through {@link ElectronPolarization}).
     */
    public static double[] biasDifference(Summary s, double[] lambda, double omegaN, double omegaMW) {
        PhysicalParameters physics = physics(s);
        ModelUnits units = ModelUnits.of(physics, Convention.parse(s.convention()));
        double[] shifted = lambda.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += omegaN;
        }
        double[] p = ElectronPolarization.biases(lambda, physics, units, omegaMW);
        double[] q = ElectronPolarization.biases(shifted, physics, units, omegaMW);
        double[] diff = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            diff[i] = p[i] - q[i];
        }
        return diff;
    }

    /** The second factor of Eq. 24, ρ(ε)ρ(ε + ω_n), from a DOS curve (bin centres, density) by nearest bin. */
    public static double[] densityProduct(double[][] dos, double omegaN) {
        double[] x = dos[0];
        double width = x.length > 1 ? x[1] - x[0] : 1;
        double[] product = new double[x.length];
        for (int b = 0; b < product.length; b++) {
            int j = (int) Math.floor((x[b] + omegaN - x[0]) / width + 0.5);
            product[b] = j >= 0 && j < product.length ? dos[1][b] * dos[1][j] : 0;
        }
        return product;
    }
}
