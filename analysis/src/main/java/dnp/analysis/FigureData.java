package dnp.analysis;

import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.physics.ElectronPolarization;
import dnp.kernel.physics.ModelUnits;
import dnp.kernel.physics.NuclearPolarization;
import dnp.kernel.physics.ResonantApproximation;
import dnp.kernel.result.Localization;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.records.RealizationRecord.LocalizationRecord;

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
            double length = Localization.xi(kappa.mean());
            xi.add(Double.isInfinite(length) ? Double.NaN : length);
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

    /** P_n of Eq. 24 of one pair's record, NaN where the record has none (kpm, older lines). */
    public static double pnEq24(PairRecord pair) {
        return pair.pnEq24() == null ? Double.NaN : pair.pnEq24();
    }

    /**
     * The mean DOS of a group at λ (linear interpolation between bin centres; 0 outside the grid and
     * the density of the nearest centre between the outer centres and the edges).
     */
    public static double densityAt(double[][] dos, double lambda) {
        double[] x = dos[0];
        double[] y = dos[1];
        double halfBin = x.length > 1 ? (x[1] - x[0]) / 2 : Double.POSITIVE_INFINITY;
        if (lambda < x[0] - halfBin || lambda > x[x.length - 1] + halfBin) {
            return 0;
        }
        if (lambda <= x[0]) {
            return y[0];
        }
        if (lambda >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int i = (int) Math.floor((lambda - x[0]) / (2 * halfBin));
        i = Math.min(i, x.length - 2);
        double f = (lambda - x[i]) / (x[i + 1] - x[i]);
        return y[i] + f * (y[i + 1] - y[i]);
    }

    /**
     * Levels per resonance width at the microwave frequency, N ρ̄(ω_MW − ω_e)/T_2n'
     * ({@link ResonantApproximation#levelsPerWidth}) for a group of records of one (L, t).
     */
    public static double levelsPerWidth(Summary s, List<RealizationRecord> group, double omegaMW) {
        PhysicalParameters physics = physics(s);
        ModelUnits units = ModelUnits.of(physics, s.convention());
        double density = densityAt(dosCurve(group), omegaMW - physics.omegaE());
        return ResonantApproximation.levelsPerWidth(group.getFirst().sites(), density, units);
    }

    /**
     * The exact electron numerator over the leakage alone, (numerator − leakage numerator)/leakage
     * denominator ({@link NuclearPolarization#leakageDenominator}): P_n with the exact sum over resonant
     * pairs but Eq. 24's denominator. Eq. 24 differs from it by the L → (π/T_2n')δ smoothing only.
     */
    public static double numeratorOverLeakage(Summary s, RealizationRecord r, int pair) {
        PhysicalParameters physics = physics(s);
        ModelUnits units = ModelUnits.of(physics, s.convention());
        PairRecord p = r.pairs().get(pair);
        return (p.numerator() - NuclearPolarization.leakageNumerator(p.omegaN(), r.sites(), physics, units))
                / NuclearPolarization.leakageDenominator(r.sites(), physics, units);
    }

    /**
     * ε = P_n/P_n^thermal and T_B (s) of one pair of a record ({@link NuclearPolarization#enhancement}), from its
     * P_n and denominator and the summary's parameters: the same as the record's own fields, and there for
     * records written before those existed.
     */
    public static NuclearPolarization.Enhancement enhancement(Summary s, RealizationRecord r, int pair) {
        PhysicalParameters physics = physics(s);
        PairRecord p = r.pairs().get(pair);
        return NuclearPolarization.enhancement(p.pn(), p.denominator(), p.omegaN(), r.sites(), physics,
                ModelUnits.of(physics, s.convention()));
    }

    /**
     * The ω_MW profile of ε at size L and hopping t for the pairs with ω_n = {@code omegaN}: abscissae
     * ω_MW − ω_e, mean and standard deviation of ε over realizations.
     */
    public static Series enhancementProfile(Summary s, int size, double hopping, double omegaN) {
        List<RealizationRecord> group = s.byPoint().get(new Summary.SizeAndHopping(size, hopping));
        List<Integer> pairs = new ArrayList<>(pairsWhere(s, omegaN, null));
        pairs.sort(java.util.Comparator.comparingDouble(k -> omegaMW(s, k)));
        double[] x = new double[pairs.size()];
        double[] mean = new double[pairs.size()];
        double[] std = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            int k = pairs.get(i);
            x[i] = omegaMW(s, k) - physics(s).omegaE();
            Stats e = Stats.of(Summary.values(group, r -> enhancement(s, r, k).enhancement()));
            mean[i] = e.mean();
            std[i] = e.std();
        }
        return new Series(x, mean, std);
    }

    /** Mean and standard deviation over realizations of a per-record value of one pair, per t, at size L. */
    public static Series recordSeries(Summary s, int size, ToDoubleFunction<RealizationRecord> f) {
        List<Double> t = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        s.byPoint().forEach((point, group) -> {
            if (point.size() == size) {
                Stats st = Stats.of(group.stream().mapToDouble(f).toArray());
                t.add(point.hopping());
                mean.add(st.mean());
                std.add(st.std());
            }
        });
        return new Series(unbox(t), unbox(mean), unbox(std));
    }

    /**
     * P_n of Eq. 24 with the GOE correlator of Eq. 23 of one realization: K_ab = ρ_a ρ_b from its own
     * DOS histogram, which is exactly the binned K of O = 1/N, without its α = β terms as for P_n^Eq24.
     */
    public static double pnEq24Goe(Summary s, RealizationRecord r, int pair) {
        double[][] k = ResonantApproximation.uncorrelatedDistinctStates(r.dos().density(), r.sites(),
                r.dos().binWidth());
        PhysicalParameters physics = physics(s);
        ModelUnits units = ModelUnits.of(physics, s.convention());
        PairRecord p = r.pairs().get(pair);
        return ResonantApproximation.pn(k, r.dos().halfWidth(), p.omegaN(), p.omegaMW(), physics, units);
    }

    /**
     * ∫ρ̄ρ̄ ({@link DensityCorrelation}) averaged over the ω bin [ω_n − δ/2, ω_n + δ/2) of K(ω_n), from
     * the mean DOS of the records of one (L, t).
     */
    public static double densityCorrelatorAt(List<RealizationRecord> group, double omegaN) {
        double delta = group.getFirst().correlatorBinWidth();
        return DensityCorrelation.binAverage(dosCurve(group)[1], group.getFirst().dos().binWidth(), omegaN - delta / 2,
                omegaN + delta / 2);
    }

    /** C(ω_n) = K̄ / ∫ρ̄ρ̄ (Eq. 30 read literally) for the records of one (L, t). */
    public static double densityCorrelatorC(List<RealizationRecord> group, int pair) {
        double k = Stats.of(Summary.pairValues(group, pair, PairRecord::k)).mean();
        return Stats.ratioOfMeans(k, densityCorrelatorAt(group, group.getFirst().pairs().get(pair).omegaN()));
    }

    /** C(ω_n) = K̄/R̄ with the pair-histogram R (the default of Eq. 30) for the records of one (L, t). */
    public static double correlatorC(List<RealizationRecord> group, int pair) {
        return Stats.ratioOfMeans(Stats.of(Summary.pairValues(group, pair, PairRecord::k)).mean(),
                Stats.of(Summary.pairValues(group, pair, PairRecord::r)).mean());
    }

    /**
     * The right-hand side of Eq. 29, C(ω_n)·P_n^GOE (means over the records of one (L, t)), with the
     * pair-histogram R or, if {@code densityR}, with R = ∫ρ̄ρ̄.
     */
    public static double eq29(List<RealizationRecord> group, int pair, boolean densityR) {
        double c = densityR ? densityCorrelatorC(group, pair) : correlatorC(group, pair);
        return c * Stats.of(Summary.pairValues(group, pair, PairRecord::pnGoe)).mean();
    }

    /**
     * R(ω) of the pair histogram over ∫ρ̄ρ̄ per ω bin, bins 1 … up to {@code maxOmega} (bin 0 holds
     * the α = β spike), for the records of one (L, t): below 1 where the levels repel.
     */
    public static Series pairOverDensityCorrelator(List<RealizationRecord> group, double maxOmega) {
        double width = group.getFirst().correlatorBinWidth();
        double[][] dos = dosCurve(group);
        double dosWidth = group.getFirst().dos().binWidth();
        int bins = Math.min(group.getFirst().correlatorR().length, (int) Math.floor(maxOmega / width) + 1);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int b = 1; b < bins; b++) {
            int bb = b;
            double pairR = Stats.mean(Summary.values(group, r -> r.correlatorR()[bb]), null);
            double rdos = DensityCorrelation.binAverage(dos[1], dosWidth, (b - 0.5) * width, (b + 0.5) * width);
            x.add(b * width);
            y.add(Stats.ratioOfMeans(pairR, rdos));
        }
        return new Series(unbox(x), unbox(y), null);
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
        return s.parameters().physics();
    }

    /**
     * The first factor of the integrand of Eq. 24, P_B(ε) − P_B(ε + ω_n), on a grid of λ = ε − ω_e
     * (Eq. 11 through {@link ElectronPolarization}).
     */
    public static double[] biasDifference(Summary s, double[] lambda, double omegaN, double omegaMW) {
        PhysicalParameters physics = physics(s);
        ModelUnits units = ModelUnits.of(physics, s.convention());
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
