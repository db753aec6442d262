package dnp.sweep;

import dnp.kernel.model.RealizationInput;
import dnp.kernel.physics.NuclearPolarization;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.RateParts;
import dnp.kpm.KpmEngine;
import dnp.kpm.KpmEvaluator;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmObservables;
import dnp.kpm.KpmPairResult;
import dnp.kpm.KpmSettings;
import dnp.kpm.MomentStore;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.Provenance;
import dnp.sweep.records.RatePartsRecord;
import dnp.sweep.records.RealizationRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One realization by the kernel polynomial method: its Chebyshev moments (from the moment store when
 * present, else computed on the stencil and stored, fsynced, before use) and every observable
 * evaluated from them, as the same record the dense path writes, with {@code method = kpm}.
 */
public final class KpmRealization {
    private KpmRealization() {}

    /** The moments of {@code input}: read from {@code store} if it holds them, else computed and written there. */
    public static KpmMoments moments(RealizationInput input, KpmSpec spec, int threads, MomentStore store) {
        KpmSettings settings = spec.settings(input.sites(), threads);
        if (store == null) {
            return KpmEngine.compute(input, settings);
        }
        try {
            return store.load(input, settings);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The record of one realization computed from its moments. */
    public static RealizationRecord record(String key, RealizationInput input, KpmMoments moments,
                                           double secondsForMoments, Provenance provenance) {
        long start = System.nanoTime();
        KpmObservables o = KpmEvaluator.evaluate(moments, input);
        double evaluate = (System.nanoTime() - start) * 1e-9;
        List<PairRecord> pairs = new ArrayList<>();
        for (KpmPairResult p : o.pairs()) {
            pairs.add(new PairRecord(p.pair().omegaN(), p.pair().omegaMW(), p.pn(), p.pnGoe(), Double.NaN, null,
                    p.numerator(), p.denominator(), emit(p.rates()), abs(p.rates()), emit(p.goeRates()),
                    abs(p.goeRates()), p.correlatorK(), p.correlatorR(), p.correlatorC(), null, p.pnError(),
                    p.pnGoeError(), p.correlatorKError()));
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
                in.disorder().width(), in.lattice().boundary().label(), in.convention().label(), Method.KPM.label(),
                "stencil", in.disorder().seed(), in.disorder().realization(), in.disorder().source(), Double.NaN,
                Double.NaN, Double.NaN, 0, Double.NaN, null, NuclearPolarization.partsLabel(in.convention())
                + "; kernel-smoothed, the α = β terms not separated (in iss)", null, null,
                new RealizationRecord.Kpm(o.moments(), o.kernel().name().toLowerCase(java.util.Locale.ROOT),
                        o.sampledSites(), o.gridPoints(), Math.PI * moments.scale() / moments.moments()),
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
