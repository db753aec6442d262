package dnp.sweep;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.reference.ReferenceEigenSolver;
import dnp.sweep.records.Driver;
import dnp.sweep.records.Method;
import dnp.sweep.records.SweepParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything about the physics of a job but the grid of (L, t, realization): disorder width,
 * boundaries, convention, eigen stage, the (ω_n, ω_MW) lists, Table I parameters and binning.
 * Immutable; validated on construction with messages that name the command-line option.
 *
 * @param width    disorder width w (2π·MHz)
 * @param omegaN   nuclear Zeeman frequencies (2π·MHz); every one is paired with every ω_MW
 * @param omegaMW  microwave frequencies (2π·MHz)
 * @param method   dense diagonalization or the kernel polynomial method
 * @param kpm      the KPM settings (used with {@code method = kpm})
 */
public record ModelSpec(double width, BoundaryCondition boundary, Convention convention, Driver driver,
                        List<Double> omegaN, List<Double> omegaMW, PhysicalParameters physics,
                        AnalysisOptions analysis, Method method, KpmSpec kpm) {

    /** The paper's defaults: w = 108, periodic, si, dsyevd, (ω_n, ω_MW) = (20, 93860), Table I. */
    public static final ModelSpec DEFAULTS = new ModelSpec(PhysicalParameters.DEFAULT_DISORDER_WIDTH,
            BoundaryCondition.PERIODIC, Convention.SI, Driver.DEFAULT, List.of(PhysicalParameters.DEFAULT_OMEGA_N),
            List.of(PhysicalParameters.DEFAULT_OMEGA_MW), PhysicalParameters.TABLE_I, AnalysisOptions.DEFAULTS,
            Method.DENSE, KpmSpec.DEFAULTS);

    public ModelSpec {
        dnp.kernel.model.Bounds.frequency("--w (disorder width w)", width);
        if (omegaN == null || omegaMW == null || omegaN.isEmpty() || omegaMW.isEmpty()) {
            throw new UserInputException("--omega-n and --omega-mw need at least one value each");
        }
        if (boundary == null || convention == null || driver == null || physics == null || analysis == null
                || method == null || kpm == null) {
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
        return new ModelSpec(w, boundary, convention, driver, omegaN, omegaMW, physics, analysis, method, kpm);
    }

    public ModelSpec withBoundary(BoundaryCondition b) {
        return new ModelSpec(width, b, convention, driver, omegaN, omegaMW, physics, analysis, method, kpm);
    }

    public ModelSpec withConvention(Convention c) {
        return new ModelSpec(width, boundary, c, driver, omegaN, omegaMW, physics, analysis, method, kpm);
    }

    public ModelSpec withDriver(Driver d) {
        return new ModelSpec(width, boundary, convention, d, omegaN, omegaMW, physics, analysis, method, kpm);
    }

    public ModelSpec withFrequencies(List<Double> n, List<Double> mw) {
        return new ModelSpec(width, boundary, convention, driver, n, mw, physics, analysis, method, kpm);
    }

    public ModelSpec withMethod(Method m, KpmSpec k) {
        return new ModelSpec(width, boundary, convention, driver, omegaN, omegaMW, physics, analysis, m, k);
    }

    public ModelSpec withAnalysis(AnalysisOptions a) {
        return new ModelSpec(width, boundary, convention, driver, omegaN, omegaMW, physics, a, method, kpm);
    }

    /** The parameters of a sweep of this model over a grid, as recorded in its manifest. */
    public SweepParameters parameters(List<Integer> sizes, List<Double> hoppings, int realizations,
                                      int firstRealization, long seed) {
        PhysicalParameters p = physics;
        AnalysisOptions a = analysis;
        return new SweepParameters(sizes, hoppings, realizations, firstRealization, seed, width, boundary,
                convention, driver, omegaN, omegaMW, p.t1e(), p.t2e(), p.omega1(), p.t1n(), p.t2n(),
                p.a0(), p.bathTemperature(), p.omegaE(), p.nuclearRatio(), a.correlatorBinWidth(),
                a.correlatorMaxOmega(), a.energyBins(), a.gapRatioFraction(), a.sampledGoe(), a.siteDistribution(),
                method, kpmValue(kpm.moments()), kpmValue(kpm.estimator()),
                kpmValue(sites() ? kpm.sites() : null), kpmValue(sites() ? null : kpm.vectors()),
                kpmValue(kpm.kernel()), null, null);
    }

    /** The solver of the eigen stage {@link #driver} names. */
    public EigenSolver solver() {
        return switch (driver) {
            case DSYEVD -> new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD);
            case DSYEVR -> new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR);
            case REFERENCE -> new ReferenceEigenSolver();
        };
    }

    /** Whether the KPM site sums are estimated from sampled sites (the recorded count is then S, else R). */
    private boolean sites() {
        return kpm.estimator() == dnp.kpm.Estimator.SITES;
    }

    /** {@code value} for a KPM model, null (not recorded) for a dense one. */
    private <T> T kpmValue(T value) {
        return method == Method.KPM ? value : null;
    }
}
