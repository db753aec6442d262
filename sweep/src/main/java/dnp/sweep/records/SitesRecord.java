package dnp.sweep.records;

/** The distribution over sites of the per-nucleus polarization P_n^j (Eq. C7). */
public record SitesRecord(double mean, double stdDev, double[] histogramRange, long[] histogram) {
}
