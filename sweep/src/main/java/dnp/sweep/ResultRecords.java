package dnp.sweep;

import dnp.sweep.records.EigenStage;
import dnp.sweep.records.Method;
import dnp.kernel.physics.ModelUnits;
import dnp.kernel.physics.NuclearPolarization;
import dnp.kernel.physics.ResonantApproximation;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.Localization;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RateParts;
import dnp.kernel.result.RealizationResult;
import dnp.kernel.result.SiteDistribution;
import dnp.kernel.result.Timings;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.Provenance;
import dnp.sweep.records.RatePartsRecord;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.records.SitesRecord;

import java.util.ArrayList;
import java.util.List;

/** A realization's results as the record that is written (docs/schema/realization.schema.json). */
public final class ResultRecords {
    private ResultRecords() {}

    /** The document of {@code dnp single}: ω bins as a list of objects, the binned K(ε,ε′) if asked for. */
    public static RealizationRecord document(RealizationResult r, boolean withArrays, Provenance provenance) {
        return document(r, withArrays, false, provenance);
    }

    /** The document, also with every A_α² when {@code withWeights}. */
    public static RealizationRecord document(RealizationResult r, boolean withArrays, boolean withWeights,
                                             Provenance provenance) {
        return of(r, null, withArrays, withWeights, false, provenance);
    }

    /** One sweep line: as the document, with its key and the ω bins as plain arrays. */
    public static RealizationRecord line(SweepTask task, RealizationResult r, Provenance provenance) {
        return of(r, task.key(), false, false, true, provenance);
    }

    private static RealizationRecord of(RealizationResult r, String key, boolean withArrays, boolean withWeights,
                                        boolean compact, Provenance provenance) {
        var in = r.input();
        double[] lambda = r.eigenvalues();
        ModelUnits units = ModelUnits.of(in.physics(), in.convention());
        List<PairRecord> pairs = new ArrayList<>();
        double[][] distinct = r.binnedCorrelatorOfDistinctStates();
        for (PairResult p : r.pairs()) {
            SitesRecord sites = null;
            if (p.sites() != null) {
                SiteDistribution s = p.sites();
                sites = new SitesRecord(s.mean(), s.stdDev(), new double[]{-1, 1}, s.histogram());
            }
            double pnEq24 = ResonantApproximation.pn(distinct, r.energyHalfWidth(), p.pair().omegaN(),
                    p.pair().omegaMW(), in.physics(), units);
            var dnp = NuclearPolarization.enhancement(p.pn(), p.denominator(), p.pair().omegaN(), r.sites(),
                    in.physics(), units);
            pairs.add(new PairRecord(p.pair().omegaN(), p.pair().omegaMW(), p.pn(), p.pnGoe(), p.pnGoeSampled(), pnEq24,
                    dnp.thermal(), dnp.enhancement(), dnp.buildUpTime(), p.numerator(), p.denominator(),
                    emit(p.rates()), abs(p.rates()), emit(p.goeRates()), abs(p.goeRates()), p.correlatorK(),
                    p.correlatorR(), p.correlatorC(), sites, null, null, null, null, null, null));
        }
        CorrelatorSpectrum spectrum = r.spectrum();
        List<RealizationRecord.CorrelatorBin> bins = null;
        RealizationRecord.CorrelatorArrays arrays = null;
        if (compact) {
            arrays = new RealizationRecord.CorrelatorArrays(spectrum.k(), spectrum.r());
        } else {
            double[] c = spectrum.c();
            bins = new ArrayList<>();
            for (int k = 0; k < spectrum.omega().length; k++) {
                bins.add(new RealizationRecord.CorrelatorBin(spectrum.omega()[k], spectrum.k()[k], spectrum.r()[k], c[k]));
            }
        }
        Timings t = r.timings();
        return new RealizationRecord(RealizationRecord.SCHEMA, key, in.lattice().size(), r.sites(), in.hopping(),
                in.disorder().width(), in.lattice().boundary(), in.convention(), Method.DENSE,
                EigenStage.named(r.eigenSolver()),
                in.disorder().seed(), in.disorder().realization(), in.disorder().source(), r.ipr(),
                r.dosSecondMoment(), r.gapRatio(), r.gapRatioCount(), r.overlapSum(),
                new double[]{lambda[0], lambda[lambda.length - 1]},
                NuclearPolarization.partsLabel(in.convention()), localization(r.localization()),
                new RealizationRecord.MicrowaveWeightsRecord(r.microwaveWeightMean(), r.microwaveWeightVariance(),
                        withWeights ? r.microwaveWeights().clone() : null), null, pairs, spectrum.binWidth(), bins, arrays,
                new RealizationRecord.Dos(r.energyHalfWidth(), r.energyBinWidth(), r.dos()),
                withArrays ? r.binnedCorrelator() : null,
                new RealizationRecord.TimingsRecord(t.build(), t.eigen(), t.overlaps(), t.observables(), t.extras(),
                        t.total(), null), provenance);
    }

    private static RealizationRecord.LocalizationRecord localization(Localization l) {
        return new RealizationRecord.LocalizationRecord(l.states(), l.decayRate(), l.xi(), l.exceedsSize(),
                l.participationLength(), l.centreDos(), l.levelSpacing());
    }

    private static RatePartsRecord emit(RateParts r) {
        return new RatePartsRecord(r.emitIss(), r.emitPl(), r.emitLeak());
    }

    private static RatePartsRecord abs(RateParts r) {
        return new RatePartsRecord(r.absIss(), r.absPl(), r.absLeak());
    }
}
