package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * critical.json of dnp critical: C(ω_n) near t_c against ω_n (Eq. 33, C ∝ ω_n^(−μ)) and the width of
 * its peak in t against ω_n (Eq. 34, δt ∝ ω_n^(1/(dν))), per lattice size, with 95% intervals, the ω_n
 * ranges used and the literature values they are compared with. Frequencies and t in 2π·MHz.
 *
 * @param w             disorder width
 * @param tc            w/(w/t_c) with the literature w/t_c
 * @param criticalRatio the literature w/t_c used
 * @param hoppings      the t grid of the scans
 * @param omegaN        the ω_n grid
 * @param method        dense or kpm
 */
public record CriticalScalingRecord(String schema, double w, double tc, double criticalRatio, List<Double> hoppings,
                                    List<Double> omegaN, Method method, Kpm kpm, double binWidth, List<Size> sizes,
                                    LiteratureValues literature, String fits, Provenance provenance) {
    public static final String SCHEMA = "dnp.critical-scaling/2";

    /**
     * KPM settings (null for dense): M, the estimator, its count (S sampled sites, 0 for all; or R random
     * vectors, 0 for the default of each L) and the damping kernel.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Kpm(int moments, dnp.kpm.Estimator estimator, Integer sites, Integer vectors,
                      dnp.kpm.DampingKernel kernel) {}

    /**
     * One lattice size.
     *
     * @param realizations     realizations at tNearest
     * @param scanRealizations realizations at every t of the grid (0: no scan at this size)
     * @param tNearest         the t of the grid closest to t_c, where μ is fitted
     * @param energyResolution KPM resolution π·a/M (dense: the ω bin width)
     * @param levelSpacing     mean level spacing 2a/N
     * @param floor            smallest ω_n counted as resolved
     * @param fitWindow        the ω_n window both fits may use (floor or requested bound, requested ceiling)
     * @param mu               μ of C ∝ ω_n^(−μ) at tNearest (null if fewer than the minimum points resolved)
     * @param width            exponent of δt ∝ ω_n^x from the scan (null without a scan or with too few peaks)
     */
    public record Size(@JsonProperty("L") int size, int realizations, int scanRealizations, double tNearest,
                       double energyResolution, double levelSpacing, double floor, double[] fitWindow, Fit mu,
                       Fit width) {}

    /**
     * A fitted exponent.
     *
     * @param ci95       95% interval
     * @param range      ω_n of the first and last point used
     * @param acceptable χ² p-value ≥ 0.05
     * @param excluded   points of the fit window left out: C (or the peak width) or its error not positive and
     *                   finite, or a peak not bracketed by the t grid
     */
    public record Fit(double value, @JsonProperty("ci95") double[] interval, double[] range, int points,
                      double chi2, int dof, double p, boolean acceptable, int excluded, Correlated correlated) {}

    /**
     * The error of a fit's value from replicates that keep the correlations between its points (ω_n and
     * t share realizations and vectors): {@code by} = {@code realizations} (delete-one-realization
     * jackknife, with three or more) or {@code vector-groups} (the vector estimator's per-group noise).
     */
    public record Correlated(double error, @JsonProperty("ci95") double[] interval, int dof, String by) {}

    /**
     * @param muFromD2      1 − D_2/3 for the literature range of D_2
     * @param muPaper       the paper's μ
     * @param widthExponent 1/(dν) with the literature ν
     */
    public record LiteratureValues(@JsonProperty("D2") double[] d2, double[] muFromD2, double muPaper, double nu,
                                   double widthExponent, String source) {}
}
