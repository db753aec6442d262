package dnp.kernel.result;

/**
 * Wall-clock seconds of each stage of one realization.
 *
 * @param build       building the Anderson matrix
 * @param eigen       the eigen stage (diagonalization)
 * @param overlaps    forming O = QᵀQ block by block (BLAS-3 or Java)
 * @param observables rates, histograms and statistics from the blocks
 * @param extras      optional extras: sampled GOE, per-site P_n^j
 */
public record Timings(double build, double eigen, double overlaps, double observables, double extras) {
    public double total() {
        return build + eigen + overlaps + observables + extras;
    }
}
