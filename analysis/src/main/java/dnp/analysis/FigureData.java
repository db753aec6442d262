package dnp.analysis;

import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.physics.ElectronPolarization;
import dnp.kernel.physics.ModelUnits;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.records.RealizationRecord.LocalizationRecord;
import dnp.sweep.records.SweepParameters;

import java.util.ArrayList;
import java.util.List;
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
        return s.parameters().w() / Literature.CRITICAL_RATIO;
    }

    /** Mean and standard deviation over realizations of one pair's field, per t, at size L. */
    public static Series pairSeries(Summary s, int size, int pair, ToDoubleFunction<PairRecord> field) {
        List<Double> t = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            Stats st = Stats.of(Summary.pairValues(group, pair, field));
            t.add(point.hopping());
            mean.add(st.mean());
            std.add(st.std());
        });
        return new Series(unbox(t), unbox(mean), unbox(std));
    }

    /**
     * ξ = 1/κ̄ per t at size L (Eq. 31; κ = 1/ξ averaged over realizations), error bar σ_κ/κ̄² (one
     * standard deviation of κ carried to ξ); NaN where κ̄ ≤ 0.
     */
    public static Series localizationSeries(Summary s, int size) {
        List<Double> t = new ArrayList<>();
        List<Double> xi = new ArrayList<>();
        List<Double> error = new ArrayList<>();
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            Stats kappa = Stats.of(Summary.values(group,
                    r -> Summary.localization(r, LocalizationRecord::decayRate)));
            t.add(point.hopping());
            xi.add(kappa.mean() > 0 ? 1 / kappa.mean() : Double.NaN);
            error.add(kappa.mean() > 0 ? kappa.std() / (kappa.mean() * kappa.mean()) : Double.NaN);
        });
        return new Series(unbox(t), unbox(xi), unbox(error));
    }

    /** Δ_ξ = 1/(ρ̄ ξ³) per t at size L (Eq. 33), with ξ = 1/κ̄; NaN where κ̄ ≤ 0 or ξ ≥ L. */
    public static Series levelSpacingSeries(Summary s, int size) {
        List<Double> t = new ArrayList<>();
        List<Double> spacing = new ArrayList<>();
        s.byPoint().forEach((point, group) -> {
            if (point.size() != size) {
                return;
            }
            var l = Summary.meanLocalization(size, group,
                    Stats.of(Summary.values(group, r -> Summary.localization(r, LocalizationRecord::decayRate))),
                    Stats.of(Summary.values(group, r -> Summary.localization(r, LocalizationRecord::participationLength))),
                    Stats.of(Summary.values(group, r -> Summary.localization(r, LocalizationRecord::centreDos))));
            t.add(point.hopping());
            spacing.add(l.exceedsSize() ? Double.NaN : l.levelSpacing());
        });
        return new Series(unbox(t), unbox(spacing), new double[t.size()]);
    }

    /**
     * The critical law ξ = A |t − t_c|^(−ν) of Eq. 31 with the literature ν, its amplitude A fitted to
     * the points t_c/2 ≤ t ≤ 0.85 t_c of a series with ξ < L (least squares in ln ξ, ν held fixed:
     * ln A = mean of ln ξ + ν ln(t_c − t)); nearer t_c the finite lattice bounds ξ, further away the
     * law has no reason to hold. Returns {t, ξ} on 80 points from t_c/4 up to where the law reaches
     * 2L, or null when no point qualifies. A qualitative guide, not a fit of ν.
     */
    public static double[][] criticalLaw(Series xi, double criticalHopping, int size) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < xi.x().length; i++) {
            double t = xi.x()[i];
            double y = xi.mean()[i];
            if (t >= criticalHopping / 2 && t <= 0.85 * criticalHopping && y > 0 && y < size) {
                sum += Math.log(y) + Literature.CRITICAL_NU * Math.log(criticalHopping - t);
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        double amplitude = Math.exp(sum / count);
        double lo = criticalHopping / 4;
        double hi = criticalHopping - Math.pow(amplitude / (2.0 * size), 1 / Literature.CRITICAL_NU);
        double[][] curve = new double[2][80];
        for (int k = 0; k < 80; k++) {
            double t = lo + (hi - lo) * k / 79.0;
            curve[0][k] = t;
            curve[1][k] = amplitude * Math.pow(criticalHopping - t, -Literature.CRITICAL_NU);
        }
        return curve;
    }

    /** C(ω_n) = K̄/R̄ per t (averages first), error from the spread of K. */
    public static Series correlatorSeries(Summary s, int size, int pair) {
        Series k = pairSeries(s, size, pair, PairRecord::k);
        Series r = pairSeries(s, size, pair, PairRecord::r);
        double[] c = new double[k.x().length];
        double[] e = new double[k.x().length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Stats.ratioOfMeans(k.mean()[i], r.mean()[i]);
            e[i] = Stats.ratioOfMeans(k.error()[i], r.mean()[i]);
        }
        return new Series(k.x(), c, e);
    }

    /** The ISS sum Ω_emit + Ω_abs of one pair's record (Fig. 5). */
    public static double issSum(PairRecord pair) {
        return pair.emit().iss() + pair.abs().iss();
    }

    public static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static List<Integer> sizes(Summary s) {
        return s.byPoint().keySet().stream().map(Summary.SizeAndHopping::size).distinct().sorted().toList();
    }

    public static double omegaN(Summary s, int pair) {
        return s.records().getFirst().pairs().get(pair).omegaN();
    }

    public static double omegaMW(Summary s, int pair) {
        return s.records().getFirst().pairs().get(pair).omegaMW();
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
    public static double[][] dosCurve(List<RealizationRecord> group) {
        RealizationRecord.Dos d = group.getFirst().dos();
        int bins = d.density().length;
        double[] x = new double[bins];
        double[] y = new double[bins];
        for (int b = 0; b < bins; b++) {
            int bb = b;
            x[b] = -d.halfWidth() + (b + 0.5) * d.binWidth();
            y[b] = Stats.mean(Summary.values(group, r -> r.dos().density()[bb]), null);
        }
        return new double[][]{x, y};
    }

    /** The Table I parameters a summary was computed with. */
    public static PhysicalParameters physics(Summary s) {
        SweepParameters p = s.parameters();
        return new PhysicalParameters(p.t1e(), p.t2e(), p.omega1(), p.t1n(), p.t2n(), p.a0(), p.bathTemperature(),
                p.omegaE(), p.nuclearRatio());
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
