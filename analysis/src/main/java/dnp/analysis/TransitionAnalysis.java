package dnp.analysis;

import dnp.sweep.records.Provenance;
import dnp.sweep.records.SpectrumLines.GapRatioLine;
import dnp.sweep.records.TransitionEstimate;
import dnp.sweep.SweepTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Anderson transition from level statistics: per size, ⟨r⟩ of every realization on a grid of w/t
 * (one disorder per realization serves every t), the crossings of successive sizes with bootstrap
 * intervals ({@link Crossings}), and the estimate of w/t_c from the two largest sizes.
 *
 * @param ratios     the grid of w/t, ascending
 * @param hoppings   t = w/(w/t) for each grid point
 * @param curves     one per size, ascending L
 * @param crossings  of sizes i and i + 1
 * @param bootstrap  resamples behind each interval
 */
public record TransitionAnalysis(double[] ratios, List<Double> hoppings, List<Crossings.Curve> curves,
                                 List<Crossings.Crossing> crossings, int bootstrap) {

    /** One size's values[realization][grid point] from its sweep records (NaN where missing). */
    public static Crossings.Curve curve(int size, List<Double> hoppings, int realizations,
                                        Map<String, GapRatioLine> records) {
        double[][] values = new double[realizations][hoppings.size()];
        for (int k = 0; k < realizations; k++) {
            for (int i = 0; i < hoppings.size(); i++) {
                GapRatioLine rec = records.get(SweepTask.key(size, hoppings.get(i), k));
                values[k][i] = rec == null ? Double.NaN : rec.gapRatio();
            }
        }
        return new Crossings.Curve(size, values);
    }

    /** Crossings of successive sizes, each with {@code bootstrap} resamples drawn from {@code seed}. */
    public static TransitionAnalysis of(double[] ratios, List<Double> hoppings, List<Crossings.Curve> curves,
                                        int bootstrap, long seed) {
        List<Crossings.Crossing> crossings = new ArrayList<>();
        for (int i = 0; i + 1 < curves.size(); i++) {
            crossings.add(Crossings.find(ratios, curves.get(i), curves.get(i + 1), bootstrap, seed));
        }
        return new TransitionAnalysis(ratios, hoppings, curves, crossings, bootstrap);
    }

    /** ⟨r⟩ mean and standard error per size and grid point. */
    public Table table() {
        Table table = new Table("L", "ratio", "t", "realizations", "r_mean", "r_sem");
        for (Crossings.Curve curve : curves) {
            for (int i = 0; i < ratios.length; i++) {
                Stats s = pointStats(curve, i);
                table.row(curve.size(), ratios[i], hoppings.get(i), s.count(), s.mean(), s.sem());
            }
        }
        return table;
    }

    /** Statistics over realizations of one size at grid point i. */
    public static Stats pointStats(Crossings.Curve curve, int i) {
        double[] column = new double[curve.values().length];
        for (int k = 0; k < column.length; k++) {
            column[k] = curve.values()[k][i];
        }
        return Stats.of(column);
    }

    public Table crossingTable() {
        Table table = new Table("L_small", "L_large", "crossing", "ci_low", "ci_high", "bootstrap_without_crossing");
        for (Crossings.Crossing c : crossings) {
            table.row(c.smaller(), c.larger(), c.x(), c.low(), c.high(), c.bootstrapMissing());
        }
        return table;
    }

    /** The crossing of the two largest sizes, or null with fewer than two sizes. */
    public Crossings.Crossing best() {
        return crossings.isEmpty() ? null : crossings.getLast();
    }

    /** The estimate of w/t_c as written to estimate.json. */
    public TransitionEstimate estimate(Provenance provenance) {
        Crossings.Crossing best = best();
        return new TransitionEstimate(TransitionEstimate.SCHEMA, best == null ? Double.NaN : best.x(),
                best == null ? null : new double[]{best.low(), best.high()},
                best == null ? null : new int[]{best.smaller(), best.larger()},
                "crossing of the mean gap ratio of the two largest sizes; 95% bootstrap interval over realizations ("
                        + bootstrap + " resamples)", Literature.CRITICAL_RATIO, Literature.CRITICAL_RATIO_SOURCE,
                provenance);
    }
}
