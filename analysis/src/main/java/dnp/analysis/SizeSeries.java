package dnp.analysis;

import dnp.sweep.SizesPreset;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.records.Method;
import dnp.sweep.records.SweepParameters;

import java.util.List;

/**
 * The numbers behind the figure of the approach to the large-system limit: per size (each its own
 * sweep, dense or KPM), P_n(t) at ω_n = 20 and C(ω_n = 1)(t) = K̄/R̄, with one standard deviation over
 * realizations as error bars, as in the other figures ({@link FigureData}).
 */
public final class SizeSeries {
    private SizeSeries() {}

    /** One size: its summary, method, and the two curves against t. */
    public record Curve(int size, Summary summary, FigureData.Series polarization, FigureData.Series correlator,
                        int polarizationPair, int correlatorPair) {

        /** dense or kpm. */
        public Method method() {
            return summary.parameters().method();
        }

        /** "dense" or "KPM, M = 2000, S = 128" (S = all for every site). */
        public String methodLabel() {
            SweepParameters p = summary.parameters();
            if (p.method() != Method.KPM) {
                return p.method().label();
            }
            return "KPM, M = " + p.kpmMoments() + ", " + kpmSample(summary);
        }
    }

    /** The curves of size {@code size} from the summary of its sweep. */
    public static Curve of(Summary s, int size) {
        int pn = pair(s, SizesPreset.POLARIZATION_OMEGA_N);
        int c = pair(s, SizesPreset.CORRELATOR_OMEGA_N);
        FigureData.Series p = FigureData.pairSeries(s, size, pn, PairRecord::pn);
        if (p.x().length == 0) {
            throw new IllegalArgumentException("no realizations of L = " + size + " in " + s.folders());
        }
        return new Curve(size, s, p, FigureData.correlatorSeries(s, size, c), pn, c);
    }

    private static int pair(Summary s, double omegaN) {
        List<Integer> k = FigureData.pairsWhere(s, omegaN, null);
        if (k.isEmpty()) {
            throw new IllegalArgumentException("the sweep in " + s.folders() + " has no pair with ω_n = " + omegaN);
        }
        return k.getFirst();
    }

    /**
     * One row per (L, t): the method, P_n (mean, std, sem over realizations) at its ω_n, and
     * C = K̄/R̄ at its ω_n with the std and sem of K divided by R̄ (the error bar of Fig. 7).
     */
    public static Table table(List<Curve> curves) {
        Table csv = new Table("L", "method", "kpm_moments", "kpm_sites", "kpm_estimator", "kpm_vectors", "t",
                "convention", "realizations",
                "omegaMW", "Pn_omegaN", "Pn_mean", "Pn_std", "Pn_sem", "C_omegaN", "K_mean", "K_std", "R_mean",
                "C_of_means", "C_std", "C_sem");
        for (Curve c : curves) {
            Summary s = c.summary();
            SweepParameters p = s.parameters();
            boolean kpm = p.method() == Method.KPM;
            s.byPoint().forEach((point, group) -> {
                if (point.size() != c.size()) {
                    return;
                }
                Stats pn = Stats.of(Summary.pairValues(group, c.polarizationPair(), PairRecord::pn));
                Stats k = Stats.of(Summary.pairValues(group, c.correlatorPair(), PairRecord::k));
                Stats r = Stats.of(Summary.pairValues(group, c.correlatorPair(), PairRecord::r));
                PairRecord first = group.getFirst().pairs().get(c.polarizationPair());
                PairRecord firstC = group.getFirst().pairs().get(c.correlatorPair());
                RealizationRecord.Kpm settings = group.getFirst().kpm();
                boolean vectors = settings != null && settings.vectors() != null;
                csv.row(c.size(), p.method(), kpm ? p.kpmMoments() : "", kpm && !vectors ? p.kpmSites() : "",
                        kpm ? p.kpmEstimator().label() : "", vectors ? settings.vectors() : "", point.hopping(),
                        s.convention(), group.size(), first.omegaMW(), first.omegaN(), pn.mean(), pn.std(), pn.sem(),
                        firstC.omegaN(), k.mean(), k.std(), r.mean(), Stats.ratioOfMeans(k.mean(), r.mean()),
                        Stats.ratioOfMeans(k.std(), r.mean()), Stats.ratioOfMeans(k.sem(), r.mean()));
            });
        }
        return csv;
    }

    /**
     * "S = 128" / "S = all" (site estimator) or "64 vectors" (vector estimator) of a KPM sweep, from its
     * records (the vector count of each L is in them).
     */
    public static String kpmSample(Summary s) {
        SweepParameters p = s.parameters();
        RealizationRecord.Kpm first = s.records().isEmpty() ? null : s.records().getFirst().kpm();
        if (first != null && first.vectors() != null) {
            return first.vectors() + " vectors";
        }
        if (p.kpmVectors() != null) {
            return p.kpmVectors() == 0 ? "default vectors" : p.kpmVectors() + " vectors";
        }
        return "S = " + (p.kpmSites() == 0 ? "all" : p.kpmSites());
    }
}
