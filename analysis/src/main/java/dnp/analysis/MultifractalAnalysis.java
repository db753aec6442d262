package dnp.analysis;

import dnp.sweep.UserInputException;
import dnp.sweep.records.MultifractalFits;
import dnp.sweep.records.Provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multifractal exponents at the transition from per-realization data: D_2 from the IPR of central
 * eigenstates against L (Eq. 32, I_2 ∝ L^(−D_2)) and μ from C(ω) = K̄/R̄ against ω (Eq. 33,
 * C ∝ ω^(−μ)), each a least-squares line in log–log with a 95% bootstrap interval over whole
 * realizations. One random stream serves both bootstraps, D_2's first.
 *
 * @param sizes        lattice sizes of the IPR data
 * @param ipr          ipr[size][realization]
 * @param omega        ω of the C(ω) bins
 * @param k            k[realization][bin]: K(ω) of each realization
 * @param r            r[realization][bin]: R(ω) of each realization
 * @param fitLow       lowest ω of the μ fit
 * @param fitHigh      highest ω of the μ fit
 */
public record MultifractalAnalysis(List<Integer> sizes, double[][] ipr, double[] omega, double[][] k, double[][] r,
                                   double fitLow, double fitHigh, Exponent d2, Exponent mu) {

    /** An exponent with its 95% bootstrap interval. */
    public record Exponent(double value, double low, double high) {}

    public static MultifractalAnalysis of(List<Integer> sizes, double[][] ipr, double[] omega, double[][] k,
                                          double[][] r, double fitLow, double fitHigh, int bootstrap, long seed) {
        double[] logL = sizes.stream().mapToDouble(Math::log).toArray();
        double d2 = -LinearFit.of(logL, logMeans(ipr, null)).slope();
        SplittableRandom random = new SplittableRandom(seed);
        double[] d2Samples = new double[bootstrap];
        for (int b = 0; b < bootstrap; b++) {
            d2Samples[b] = -LinearFit.of(logL, logMeans(ipr, random)).slope();
        }
        Arrays.sort(d2Samples);
        double mu = -muFit(omega, k, r, fitLow, fitHigh, null).slope();
        double[] muSamples = new double[bootstrap];
        for (int b = 0; b < bootstrap; b++) {
            muSamples[b] = -muFit(omega, k, r, fitLow, fitHigh, random).slope();
        }
        Arrays.sort(muSamples);
        return new MultifractalAnalysis(sizes, ipr, omega, k, r, fitLow, fitHigh,
                new Exponent(d2, Crossings.quantile(d2Samples, 0.025), Crossings.quantile(d2Samples, 0.975)),
                new Exponent(mu, Crossings.quantile(muSamples, 0.025), Crossings.quantile(muSamples, 0.975)));
    }

    /** The D_2 fit on all realizations: log I_2 = intercept + slope·log L. */
    public LinearFit iprFit() {
        return LinearFit.of(sizes.stream().mapToDouble(Math::log).toArray(), logMeans(ipr, null));
    }

    /** Mean and standard error of the IPR per size. */
    public Stats iprStats(int sizeIndex) {
        return Stats.of(ipr[sizeIndex]);
    }

    /** K̄, R̄ and C = K̄/R̄ per ω bin over all realizations. */
    public double[][] correlatorMeans() {
        double[][] out = new double[3][omega.length];
        for (int b = 0; b < omega.length; b++) {
            out[0][b] = Stats.mean(column(k, b), null);
            out[1][b] = Stats.mean(column(r, b), null);
            out[2][b] = Stats.ratioOfMeans(out[0][b], out[1][b]);
        }
        return out;
    }

    public Table correlatorTable() {
        Table table = new Table("omega", "K_mean", "R_mean", "C_of_means");
        double[][] m = correlatorMeans();
        for (int b = 0; b < omega.length; b++) {
            table.row(omega[b], m[0][b], m[1][b], m[2][b]);
        }
        return table;
    }

    /** The fits as written to fits.json. */
    public MultifractalFits fits(double ratio, double hopping, int correlatorSize, int bootstrap, Provenance provenance) {
        return new MultifractalFits(MultifractalFits.SCHEMA, ratio, hopping, d2.value(),
                new double[]{d2.low(), d2.high()}, Literature.PAPER_D2, sizes, mu.value(),
                new double[]{mu.low(), mu.high()}, new double[]{fitLow, fitHigh}, correlatorSize, Literature.muFromD2(d2.value()),
                Literature.PAPER_MU, "least squares of log I_2 against log L (Eq. 32) and of log C against log ω "
                + "(Eq. 33); 95% bootstrap intervals over realizations (" + bootstrap + " resamples)", provenance);
    }

    private static double[] column(double[][] rows, int b) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][b];
        }
        return c;
    }

    /** log of the mean I_2 per size, over all realizations or a bootstrap resample of them. */
    static double[] logMeans(double[][] perRealization, SplittableRandom random) {
        double[] out = new double[perRealization.length];
        for (int s = 0; s < out.length; s++) {
            double[] v = perRealization[s];
            out[s] = Math.log(Stats.mean(v, random == null ? null : Crossings.draw(random, v.length)));
        }
        return out;
    }

    /** Fit of log C̄ against log ω on bins inside [lo, hi], C̄ = K̄/R̄ over all or resampled realizations. */
    static LinearFit muFit(double[] omega, double[][] k, double[][] r, double lo, double hi, SplittableRandom random) {
        int n = k.length;
        int[] pick = random == null ? null : Crossings.draw(random, n);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int b = 0; b < omega.length; b++) {
            if (omega[b] < lo || omega[b] > hi) {
                continue;
            }
            double km = Stats.mean(column(k, b), pick);
            double rm = Stats.mean(column(r, b), pick);
            if (km > 0 && rm > 0) {
                x.add(Math.log(omega[b]));
                y.add(Math.log(km / rm));
            }
        }
        if (x.size() < 2) {
            throw new UserInputException("--fit-omega " + lo + ":" + hi + " holds fewer than two ω bins with data");
        }
        return LinearFit.of(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
