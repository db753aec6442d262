package dnp.kernel.result;

/**
 * Distribution over core nuclei j of the polarization P_n^j of Eq. C7 (no nuclear spin diffusion).
 *
 * @param perSite   P_n^j for every site j, in site order
 * @param histogram counts in equal bins over [−1, 1]
 * @param mean      mean over sites
 * @param stdDev    standard deviation over sites
 */
public record SiteDistribution(double[] perSite, long[] histogram, double mean, double stdDev) {

    /** Builds the summary from per-site values. */
    public static SiteDistribution of(double[] perSite, int bins) {
        long[] histogram = new long[bins];
        double sum = 0;
        for (double p : perSite) {
            sum += p;
            int b = (int) Math.floor((p + 1) / 2 * bins);
            histogram[Math.min(bins - 1, Math.max(0, b))]++;
        }
        double mean = sum / perSite.length;
        double var = 0;
        for (double p : perSite) {
            var += (p - mean) * (p - mean);
        }
        return new SiteDistribution(perSite, histogram, mean, Math.sqrt(var / perSite.length));
    }
}
