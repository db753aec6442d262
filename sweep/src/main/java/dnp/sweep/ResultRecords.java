package dnp.sweep;

import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RateParts;
import dnp.kernel.result.RealizationResult;
import dnp.kernel.result.SiteDistribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a realization's results (schema in the README, "Output of dnp single"). */
public final class ResultRecords {
    private ResultRecords() {}

    /** The document of {@code dnp single}: ω bins as a list of objects. */
    public static Map<String, Object> of(RealizationResult r, boolean withArrays) {
        return of(r, withArrays, false);
    }

    /**
     * One sweep record: as the document, but the ω bins and the DOS as plain arrays, to keep one
     * line per realization short.
     */
    public static Map<String, Object> record(RealizationResult r) {
        return of(r, false, true);
    }

    private static Map<String, Object> of(RealizationResult r, boolean withArrays, boolean compact) {
        Map<String, Object> m = new LinkedHashMap<>();
        var in = r.input();
        m.put("L", in.lattice().size());
        m.put("N", r.sites());
        m.put("t", in.hopping());
        m.put("w", in.disorder().width());
        m.put("boundary", in.lattice().boundary().label());
        m.put("convention", in.convention().label());
        m.put("driver", r.eigenSolver());
        m.put("seed", in.disorder().seed());
        m.put("realization", in.disorder().realization());
        m.put("disorder", in.disorder().source());
        m.put("ipr", r.ipr());
        m.put("dosSecondMoment", r.dosSecondMoment());
        m.put("gapRatio", r.gapRatio());
        m.put("gapRatioCount", r.gapRatioCount());
        m.put("overlapSum", r.overlapSum());
        double[] lambda = r.eigenvalues();
        m.put("bandEdges", new double[]{lambda[0], lambda[lambda.length - 1]});
        List<Object> pairs = new ArrayList<>();
        for (PairResult p : r.pairs()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("omegaN", p.pair().omegaN());
            e.put("omegaMW", p.pair().omegaMW());
            e.put("Pn", p.pn());
            e.put("PnGOE", p.pnGoe());
            e.put("PnGOESampled", p.pnGoeSampled());
            e.put("numerator", p.numerator());
            e.put("denominator", p.denominator());
            e.put("emit", rates(p.rates(), true));
            e.put("abs", rates(p.rates(), false));
            e.put("goeEmit", rates(p.goeRates(), true));
            e.put("goeAbs", rates(p.goeRates(), false));
            e.put("K", p.correlatorK());
            e.put("R", p.correlatorR());
            e.put("C", p.correlatorC());
            if (p.sites() != null) {
                SiteDistribution s = p.sites();
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("mean", s.mean());
                d.put("stdDev", s.stdDev());
                d.put("histogramRange", new double[]{-1, 1});
                d.put("histogram", s.histogram());
                e.put("sites", d);
            }
            pairs.add(e);
        }
        m.put("pairs", pairs);
        CorrelatorSpectrum spectrum = r.spectrum();
        double[] c = spectrum.c();
        List<Object> bins = new ArrayList<>();
        for (int k = 0; k < spectrum.omega().length; k++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("omega", spectrum.omega()[k]);
            b.put("K", spectrum.k()[k]);
            b.put("R", spectrum.r()[k]);
            b.put("C", c[k]);
            bins.add(b);
        }
        m.put("correlatorBinWidth", spectrum.binWidth());
        if (compact) {
            Map<String, Object> arrays = new LinkedHashMap<>();
            arrays.put("K", spectrum.k());
            arrays.put("R", spectrum.r());
            m.put("correlatorArrays", arrays);
        } else {
            m.put("correlator", bins);
        }
        Map<String, Object> dos = new LinkedHashMap<>();
        dos.put("halfWidth", r.energyHalfWidth());
        dos.put("binWidth", r.energyBinWidth());
        dos.put("density", r.dos());
        m.put("dos", dos);
        if (withArrays) {
            m.put("binnedCorrelator", r.binnedCorrelator());
        }
        var t = r.timings();
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("build", t.build());
        timings.put("eigen", t.eigen());
        timings.put("overlaps", t.overlaps());
        timings.put("observables", t.observables());
        timings.put("extras", t.extras());
        timings.put("total", t.total());
        m.put("timings", timings);
        return m;
    }

    private static Map<String, Object> rates(RateParts r, boolean emit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", emit ? r.emitIss() : r.absIss());
        m.put("pl", emit ? r.emitPl() : r.absPl());
        m.put("leakage", emit ? r.emitLeak() : r.absLeak());
        return m;
    }
}
