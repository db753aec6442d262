package dnp.sweep;

import dnp.sweep.records.EigenStage;
import dnp.sweep.records.Method;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.physics.ModelUnits;
import dnp.kernel.physics.NuclearPolarization;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.RateParts;
import dnp.kpm.Estimator;
import dnp.kpm.GramMoments;
import dnp.kpm.KpmEngine;
import dnp.kpm.KpmEvaluator;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmObservables;
import dnp.kpm.KpmPairResult;
import dnp.kpm.KpmSettings;
import dnp.kpm.MomentStore;
import dnp.kpm.VectorEngine;
import dnp.kpm.VectorEvaluator;
import dnp.kpm.VectorMomentStore;
import dnp.kpm.VectorSettings;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.Provenance;
import dnp.sweep.records.RatePartsRecord;
import dnp.sweep.records.RealizationRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One realization by the kernel polynomial method, with the estimator its {@link KpmSpec} names: the
 * site estimator's Chebyshev moments ({@link MomentStore}) or the vector estimator's Gram matrices
 * ({@link VectorMomentStore}), read from a moment folder when it holds them, else computed (and stored,
 * fsynced, before use when a folder is given), and every observable evaluated from them, as the same
 * record the dense path writes, with {@code method = kpm}.
 */
public final class KpmRealization {
    private KpmRealization() {}

    /**
     * The record of one realization.
     *
     * @param key      the task's key in its sweep, or null for a document ({@code dnp single})
     * @param cache    the moment folder to read and write, or null to compute without keeping
     * @param warnings where a recovered moment file (damaged, unwritable) is reported
     */
    public static RealizationRecord compute(String key, RealizationInput input, KpmSpec spec, int threads, Path cache,
                                            Consumer<String> warnings) {
        long start = System.nanoTime();
        try {
            if (spec.estimator() == Estimator.VECTORS) {
                VectorSettings settings = spec.vectorSettings(input.sites(), threads);
                GramMoments gram = cache == null ? VectorEngine.compute(input, settings)
                        : new VectorMomentStore(cache, warnings).load(input, settings);
                return record(key, input, gram, (System.nanoTime() - start) * 1e-9, ProvenanceCollector.collect());
            }
            KpmSettings settings = spec.settings(input.sites(), threads);
            KpmMoments moments = cache == null ? KpmEngine.compute(input, settings)
                    : new MomentStore(cache, warnings).load(input, settings);
            return record(key, input, moments, (System.nanoTime() - start) * 1e-9, ProvenanceCollector.collect());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The record of one realization computed from its site moments. */
    public static RealizationRecord record(String key, RealizationInput input, KpmMoments moments,
                                           double secondsForMoments, Provenance provenance) {
        long start = System.nanoTime();
        KpmObservables o = KpmEvaluator.evaluate(moments, input);
        double evaluate = (System.nanoTime() - start) * 1e-9;
        // The site sample's jackknife: S − 1 degrees of freedom (none with all sites, where there is no error).
        Integer dof = o.sampledSites() < o.sites() ? o.sampledSites() - 1 : null;
        var kpm = new RealizationRecord.Kpm(o.moments(), o.kernel(), o.sampledSites(), o.gridPoints(),
                Math.PI * moments.scale() / moments.moments(), Estimator.SITES, null, null, dof);
        return record(key, input, o, kpm, secondsForMoments, evaluate, provenance);
    }

    /** The record of one realization computed from the vector estimator's Gram matrices. */
    public static RealizationRecord record(String key, RealizationInput input, GramMoments gram,
                                           double secondsForMoments, Provenance provenance) {
        long start = System.nanoTime();
        KpmObservables o = VectorEvaluator.evaluate(gram, input);
        double evaluate = (System.nanoTime() - start) * 1e-9;
        var kpm = new RealizationRecord.Kpm(o.moments(), o.kernel(), o.sampledSites(), o.gridPoints(),
                Math.PI * gram.scale() / gram.moments(), Estimator.VECTORS, o.vectors(), o.groups(), o.groups());
        return record(key, input, o, kpm, secondsForMoments, evaluate, provenance);
    }

    private static RealizationRecord record(String key, RealizationInput input, KpmObservables o,
                                            RealizationRecord.Kpm kpm, double secondsForMoments, double evaluate,
                                            Provenance provenance) {
        List<PairRecord> pairs = new ArrayList<>();
        ModelUnits units = ModelUnits.of(input.physics(), input.convention());
        for (KpmPairResult p : o.pairs()) {
            var dnp = NuclearPolarization.enhancement(p.pn(), p.denominator(), p.pair().omegaN(), input.sites(),
                    input.physics(), units);
            pairs.add(new PairRecord(p.pair().omegaN(), p.pair().omegaMW(), p.pn(), p.pnGoe(), Double.NaN, null,
                    dnp.thermal(), dnp.enhancement(), dnp.buildUpTime(), p.numerator(), p.denominator(),
                    emit(p.rates()), abs(p.rates()), emit(p.goeRates()), abs(p.goeRates()), p.correlatorK(),
                    p.correlatorR(), p.correlatorC(), null, p.pnError(), p.pnGoeError(), p.pnError() / dnp.thermal(),
                    p.correlatorKError(), p.correlatorCError(), p.correlatorKTerms()));
        }
        CorrelatorSpectrum spectrum = o.spectrum();
        // A document lists the ω bins as objects, a sweep line (with a key) as arrays, as on the dense path.
        List<RealizationRecord.CorrelatorBin> bins = null;
        RealizationRecord.CorrelatorArrays arrays = null;
        if (key == null) {
            bins = new ArrayList<>();
            double[] c = spectrum.c();
            for (int b = 0; b < spectrum.omega().length; b++) {
                bins.add(new RealizationRecord.CorrelatorBin(spectrum.omega()[b], spectrum.k()[b], spectrum.r()[b], c[b]));
            }
        } else {
            arrays = new RealizationRecord.CorrelatorArrays(spectrum.k(), spectrum.r());
        }
        var in = input;
        return new RealizationRecord(RealizationRecord.SCHEMA, key, in.lattice().size(), in.sites(), in.hopping(),
                in.disorder().width(), in.lattice().boundary(), in.convention(), Method.KPM,
                EigenStage.STENCIL, in.disorder().seed(), in.disorder().realization(), in.disorder().source(), Double.NaN,
                Double.NaN, Double.NaN, 0, Double.NaN, null, NuclearPolarization.partsLabel(in.convention())
                + "; kernel-smoothed, the α = β terms not separated (in iss)", null, null, kpm,
                pairs, spectrum.binWidth(), bins, arrays,
                new RealizationRecord.Dos(o.energyHalfWidth(), 2 * o.energyHalfWidth() / o.dos().length, o.dos()),
                null, new RealizationRecord.TimingsRecord(Double.NaN, Double.NaN, Double.NaN, evaluate, Double.NaN,
                        secondsForMoments + evaluate, secondsForMoments), provenance);
    }

    private static RatePartsRecord emit(RateParts r) {
        return new RatePartsRecord(r.emitIss(), r.emitPl(), r.emitLeak());
    }

    private static RatePartsRecord abs(RateParts r) {
        return new RatePartsRecord(r.absIss(), r.absPl(), r.absLeak());
    }
}
