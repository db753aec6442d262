package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.kpm.DampingKernel;
import dnp.kpm.Estimator;

import java.util.List;

/**
 * Everything that defines a sweep, as its manifest records it and a resume compares it: the grid,
 * the seed, every physical and analysis parameter, and the mode of sweeps that record less than
 * every observable. Frequencies and energies in 2π·MHz, times in seconds, temperature in kelvin.
 * {@code kpmSiteParts} is the number of parts each realization's site sample is divided into (null:
 * undivided); it names the moment files a resume looks for, so a resume must use the same number.
 * {@code kpmEstimator} says how the KPM site sums are estimated, with its count: {@code kpmSites}
 * (S, 0 for all) for {@code sites}, {@code kpmVectors} (R, 0 for the default of each L) for
 * {@code vectors}; a KPM manifest written before estimators existed has none and means {@code sites}.
 *
 * <p>A sweep with a {@link SweepMode} (dnp transition, dnp multifractal) computes spectra only: its
 * parameters are those it uses, the convention, frequencies, Table I values and binning of P_n are
 * absent (null), and so is {@code gapFraction} where the levels are not a central fraction; its
 * {@code method} and {@code driver} are what ran: {@code lanczos} for a Lanczos window (whose
 * {@code driver} is the dense stage it falls back to), {@code dsyevr} for central eigenstates. Manifests
 * of earlier versions, which wrote every parameter and {@code "method": "dense"} for all, are read the same
 * way, so that their folders resume.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepParameters(List<Integer> sizes, List<Double> hoppings, int realizations, int firstRealization,
                              long seed, double w, BoundaryCondition boundary, Convention convention,
                              Driver driver,
                              List<Double> omegaN, List<Double> omegaMW, Double t1e, Double t2e, Double omega1,
                              Double t1n, Double t2n, Double a0, Double bathTemperature, Double omegaE,
                              Double nuclearRatio, Double binWidth, Double maxOmega, Integer energyBins,
                              Double gapFraction, Boolean sampledGoe, Boolean siteDistribution, Method method,
                              Integer kpmMoments, Estimator kpmEstimator, Integer kpmSites, Integer kpmVectors,
                              DampingKernel kpmKernel, Integer kpmSiteParts, SweepMode mode) {

    public SweepParameters {
        if (method == Method.KPM && kpmEstimator == null) {
            kpmEstimator = Estimator.SITES;
        }
        if (mode != null) {
            // Spectra only: what P_n needs was never used.
            convention = null;
            omegaN = null;
            omegaMW = null;
            t1e = t2e = omega1 = t1n = t2n = a0 = bathTemperature = omegaE = nuclearRatio = binWidth = maxOmega = null;
            energyBins = null;
            sampledGoe = siteDistribution = null;
            if (!(mode instanceof SweepMode.DenseGapRatio)) {
                gapFraction = null;
            }
            if (mode instanceof SweepMode.LanczosGapRatio) {
                method = Method.LANCZOS;
            }
            if (mode instanceof SweepMode.CentralStates) {
                // Central eigenstates come from dsyevr's index range whatever --driver says (Realization.window).
                driver = Driver.DSYEVR;
            }
        }
    }

    /** These parameters for a sweep of spectra only ({@code mode}), reduced to what it uses (see the class comment). */
    public SweepParameters withMode(SweepMode m) {
        return new SweepParameters(sizes, hoppings, realizations, firstRealization, seed, w, boundary, convention,
                driver, omegaN, omegaMW, t1e, t2e, omega1, t1n, t2n, a0, bathTemperature, omegaE, nuclearRatio,
                binWidth, maxOmega, energyBins, gapFraction, sampledGoe, siteDistribution, method, kpmMoments, kpmEstimator,
                kpmSites, kpmVectors, kpmKernel, kpmSiteParts, m);
    }

    /** The same sweep with each realization's sites divided into {@code parts} parts (null or 1: undivided). */
    public SweepParameters withSiteParts(Integer parts) {
        return new SweepParameters(sizes, hoppings, realizations, firstRealization, seed, w, boundary, convention,
                driver, omegaN, omegaMW, t1e, t2e, omega1, t1n, t2n, a0, bathTemperature, omegaE, nuclearRatio,
                binWidth, maxOmega, energyBins, gapFraction, sampledGoe, siteDistribution, method, kpmMoments, kpmEstimator,
                kpmSites, kpmVectors, kpmKernel, parts == null || parts == 1 ? null : parts, mode);
    }

    /**
     * The same physics on another grid (sizes, hoppings, realizations set to those of {@code other}) and
     * with {@code other}'s division of the work into site parts, which changes no result.
     */
    public SweepParameters withGridOf(SweepParameters other) {
        return new SweepParameters(other.sizes, other.hoppings, other.realizations, other.firstRealization, seed, w,
                boundary, convention, driver, omegaN, omegaMW, t1e, t2e, omega1, t1n, t2n, a0, bathTemperature, omegaE,
                nuclearRatio, binWidth, maxOmega, energyBins, gapFraction, sampledGoe, siteDistribution, method,
                kpmMoments, kpmEstimator, kpmSites, kpmVectors, kpmKernel, other.kpmSiteParts, mode);
    }

    /** The Table I parameters of the sweep. */
    public PhysicalParameters physics() {
        return new PhysicalParameters(t1e, t2e, omega1, t1n, t2n, a0, bathTemperature, omegaE, nuclearRatio);
    }

    /** A parameter whose value differs between two sweeps. */
    public record Difference(String name, Object here, Object there) {}

    /**
     * The first component whose value differs from {@code other}'s (values compared as typed
     * values: 64-bit integers exactly), or null if none does.
     */
    public Difference firstDifference(SweepParameters other) {
        for (var component : SweepParameters.class.getRecordComponents()) {
            try {
                Object a = component.getAccessor().invoke(this);
                Object b = component.getAccessor().invoke(other);
                if (!java.util.Objects.equals(a, b)) {
                    return new Difference(component.getName(), a, b);
                }
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return null;
    }
}
