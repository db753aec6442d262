package dnp.sweep;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about the physics of a job but the grid of (L, t, realization): disorder width,
 * boundaries, convention, eigen stage, the (ω_n, ω_MW) lists, Table I parameters and binning.
 * Immutable; validated on construction with messages that name the command-line option.
 *
 * @param width    disorder width w (2π·MHz)
 * @param omegaN   nuclear Zeeman frequencies (2π·MHz); every one is paired with every ω_MW
 * @param omegaMW  microwave frequencies (2π·MHz)
 */
public record ModelSpec(double width, BoundaryCondition boundary, Convention convention, Driver driver,
                        List<Double> omegaN, List<Double> omegaMW, PhysicalParameters physics,
                        AnalysisOptions analysis) {

    /** The paper's defaults: w = 108, periodic, si, dsyevd, (ω_n, ω_MW) = (20, 93860), Table I. */
    public static final ModelSpec DEFAULTS = new ModelSpec(PhysicalParameters.DEFAULT_DISORDER_WIDTH,
            BoundaryCondition.PERIODIC, Convention.SI, Driver.DEFAULT, List.of(PhysicalParameters.DEFAULT_OMEGA_N),
            List.of(PhysicalParameters.DEFAULT_OMEGA_MW), PhysicalParameters.TABLE_I, AnalysisOptions.DEFAULTS);

    public ModelSpec {
        if (!Double.isFinite(width) || width < 0) {
            throw new UserInputException("--w (disorder width w) must be a finite number ≥ 0, got " + width);
        }
        if (omegaN == null || omegaMW == null || omegaN.isEmpty() || omegaMW.isEmpty()) {
            throw new UserInputException("--omega-n and --omega-mw need at least one value each");
        }
        if (boundary == null || convention == null || driver == null || physics == null || analysis == null) {
            throw new IllegalArgumentException("model specification is incomplete");
        }
        omegaN = List.copyOf(omegaN);
        omegaMW = List.copyOf(omegaMW);
        pairs(omegaN, omegaMW); // validates each pair
    }

    /** Every ω_n with every ω_MW, ω_MW varying fastest. */
    public List<FrequencyPair> pairs() {
        return pairs(omegaN, omegaMW);
    }

    private static List<FrequencyPair> pairs(List<Double> omegaN, List<Double> omegaMW) {
        List<FrequencyPair> pairs = new ArrayList<>();
        for (double n : omegaN) {
            for (double mw : omegaMW) {
                pairs.add(new FrequencyPair(n, mw));
            }
        }
        return pairs;
    }

    public ModelSpec withWidth(double w) {
        return new ModelSpec(w, boundary, convention, driver, omegaN, omegaMW, physics, analysis);
    }

    public ModelSpec withBoundary(BoundaryCondition b) {
        return new ModelSpec(width, b, convention, driver, omegaN, omegaMW, physics, analysis);
    }

    public ModelSpec withConvention(Convention c) {
        return new ModelSpec(width, boundary, c, driver, omegaN, omegaMW, physics, analysis);
    }

    public ModelSpec withDriver(Driver d) {
        return new ModelSpec(width, boundary, convention, d, omegaN, omegaMW, physics, analysis);
    }

    public ModelSpec withFrequencies(List<Double> n, List<Double> mw) {
        return new ModelSpec(width, boundary, convention, driver, n, mw, physics, analysis);
    }

    public ModelSpec withAnalysis(AnalysisOptions a) {
        return new ModelSpec(width, boundary, convention, driver, omegaN, omegaMW, physics, a);
    }

    /** The parameters as recorded in outputs (and compared when a sweep resumes). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("w", width);
        m.put("boundary", boundary.label());
        m.put("convention", convention.label());
        m.put("driver", driver.label());
        m.put("omegaN", omegaN);
        m.put("omegaMW", omegaMW);
        PhysicalParameters p = physics;
        m.put("t1e", p.t1e());
        m.put("t2e", p.t2e());
        m.put("omega1", p.omega1());
        m.put("t1n", p.t1n());
        m.put("t2n", p.t2n());
        m.put("a0", p.a0());
        m.put("bathTemperature", p.bathTemperature());
        m.put("omegaE", p.omegaE());
        m.put("nuclearRatio", p.nuclearRatio());
        AnalysisOptions a = analysis;
        m.put("binWidth", a.correlatorBinWidth());
        m.put("maxOmega", a.correlatorMaxOmega());
        m.put("energyBins", a.energyBins());
        m.put("gapFraction", a.gapRatioFraction());
        m.put("sampledGoe", a.sampledGoe());
        m.put("siteDistribution", a.siteDistribution());
        return m;
    }
}
