package dnp.kernel.physics;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.vector.SpectralKernels;

/**
 * Everything that needs the overlap matrix O_αβ = Σ_j Q_jα Q_jβ (Eq. 21 before binning), fed one
 * column β at a time with only its rows α ≥ β (O is symmetric), so that O never exists whole and
 * each unordered pair is visited once: the rate sums of every (ω_n, ω_MW) pair for the Anderson
 * overlaps and for O → 1/N (GOE, Eq. 23), and — for a full pass — trace(O), Σ O, the binned
 * K(ε, ε′), K(ω) and R(ω), and K, R at each ω_n.
 *
 * <p>An unordered pair α &gt; β (d = λ_α − λ_β ≥ 0) stands for the ordered pairs α→β, with
 * ε_β − ε_α = −d and Lorentzian L₋ = L(ω_n − d), and β→α, with +d and L₊ = L(ω_n + d). With the
 * sums S0, S1, S2, SP of {@link NuclearPolarization} over ordered pairs, it adds
 * O(L₋ + L₊) to S0, O(P_α − P_β)(L₋ − L₊) to S1, O P_α P_β (L₋ + L₊) to S2 and 2 O P_α P_β to SP;
 * the diagonal α = β adds its single ordered pair.
 *
 * <p>Columns must come in ascending β for reproducible sums (rounding depends on the order).
 */
final class OverlapPass {
    private final SpectralKernels kernels;
    private final double[] lambda;
    private final int n;
    private final double t2nSquared;
    private final double[] omegaN;       // distinct ω_n
    private final double[][] bias;       // per distinct ω_MW: P_α
    private final double[][] centredBias;// per distinct ω_MW: P_α − P̄ (P̄ the mean), see accept()
    private final double[] meanBias;     // per distinct ω_MW: P̄
    private final int[] pairOmega;       // pair → index into omegaN
    private final int[] pairBias;        // pair → index into bias
    private final boolean full;

    // Rate sums over ordered pairs (see NuclearPolarization): per distinct ω_n, per pair, per ω_MW.
    final double[] s0;
    final double[] s0Goe;
    final double[] s1;
    final double[] s2;
    final double[] s1Goe;
    final double[] s2Goe;
    final double[] sp;

    // Full-pass statistics.
    double trace;
    double total;
    private final double[][] binnedLower;// Σ O over unordered pairs α > β, [bin of α][bin of β]
    private final double[] binnedDiagonal;
    final double[] spectrumK;            // Σ O per ω bin, ordered pairs
    final long[] spectrumCount;          // ordered pairs per ω bin
    final double[] omegaNK;              // Σ O over ordered pairs in the bin centred on each ω_n
    final long[] omegaNCount;

    private final int[] energyBin;       // energy bin of each λ_α
    private final int[] energyBinStart;  // first α of each energy bin, plus n at the end
    private final double[] spectrumEdges;// kδ − δ/2 for k = 0..K+1
    private final double binWidth;

    // Scratch, one column long.
    private final double[] sumW;
    private final double[] diffW;
    private final double[] sumL;
    private final double[] diffL;
    private final double[] sums = new double[4];
    private final double[] dots = new double[4];
    private final int[] edgeIndex;

    OverlapPass(SpectralKernels kernels, double[] lambda, double t2n, double[] omegaN, double[][] bias,
                int[] pairOmega, int[] pairBias, boolean full, AnalysisOptions analysis, double energyHalfWidth) {
        this.kernels = kernels;
        this.lambda = lambda;
        this.n = lambda.length;
        this.t2nSquared = t2n * t2n;
        this.omegaN = omegaN;
        this.bias = bias;
        this.centredBias = new double[bias.length][];
        this.meanBias = new double[bias.length];
        for (int v = 0; v < bias.length; v++) {
            double mean = 0;
            for (double p : bias[v]) {
                mean += p;
            }
            mean /= n;
            meanBias[v] = mean;
            centredBias[v] = new double[n];
            for (int a = 0; a < n; a++) {
                centredBias[v][a] = bias[v][a] - mean;
            }
        }
        this.pairOmega = pairOmega;
        this.pairBias = pairBias;
        this.full = full;
        int pairs = pairOmega.length;
        s0 = new double[omegaN.length];
        s0Goe = new double[omegaN.length];
        s1 = new double[pairs];
        s2 = new double[pairs];
        s1Goe = new double[pairs];
        s2Goe = new double[pairs];
        sp = new double[bias.length];
        sumW = new double[n];
        diffW = new double[n];
        sumL = new double[n];
        diffL = new double[n];

        binWidth = analysis.correlatorBinWidth();
        int bins = analysis.energyBins();
        double energyWidth = 2 * energyHalfWidth / bins;
        energyBin = new int[n];
        energyBinStart = new int[bins + 1];
        for (int a = 0; a < n; a++) {
            energyBin[a] = EnergyGrid.bin(lambda[a], energyHalfWidth, energyWidth, bins);
        }
        // λ ascending ⇒ bins non-decreasing: bin b holds α in [start[b], start[b+1]).
        for (int b = 0, a = 0; b <= bins; b++) {
            while (a < n && energyBin[a] < b) {
                a++;
            }
            energyBinStart[b] = a;
        }
        energyBinStart[bins] = n;
        binnedLower = full ? new double[bins][bins] : null;
        binnedDiagonal = new double[bins];
        int omegaBins = EnergyGrid.spectrumBins(analysis);
        spectrumEdges = new double[omegaBins + 1];
        for (int k = 0; k <= omegaBins; k++) {
            spectrumEdges[k] = k * binWidth - binWidth / 2;
        }
        spectrumK = new double[omegaBins];
        spectrumCount = new long[omegaBins];
        edgeIndex = new int[omegaBins + 1];
        omegaNK = new double[omegaN.length];
        omegaNCount = new long[omegaN.length];
    }

    /** Takes column β of O, rows α ≥ β: o[α] = O_αβ for α in [β, n). */
    void accept(int beta, double[] o) {
        double lambdaBeta = lambda[beta];
        double diagonal = o[beta];
        int from = beta + 1;
        for (int u = 0; u < omegaN.length; u++) {
            double lOmega = NuclearPolarization.lorentzian(omegaN[u], t2nSquared);
            kernels.pairLorentzian(o, lambda, from, n, lambdaBeta, omegaN[u], t2nSquared, sumW, diffW, sumL, diffL, sums);
            double weightedSum = sums[0];
            double weightedDifference = sums[1];
            double lorentzSum = sums[2];
            double lorentzDifference = sums[3];
            s0[u] += weightedSum + diagonal * lOmega;
            s0Goe[u] += lorentzSum + lOmega;
            for (int k = 0; k < pairOmega.length; k++) {
                if (pairOmega[k] != u) {
                    continue;
                }
                // The biases P_α of a band are nearly equal, so Σ_α w (P_α − P_β) is formed from centred
                // biases p_α = P_α − P̄: Σ w p_α − p_β Σ w cancels far less than with P itself.
                int v = pairBias[k];
                double[] centred = centredBias[v];
                double pBeta = bias[v][beta];
                double centredBeta = centred[beta];
                kernels.dot4(sumW, diffW, sumL, diffL, centred, from, n, dots);
                s1[k] += dots[1] - centredBeta * weightedDifference;
                s2[k] += pBeta * (dots[0] + meanBias[v] * weightedSum) + diagonal * pBeta * pBeta * lOmega;
                s1Goe[k] += dots[3] - centredBeta * lorentzDifference;
                s2Goe[k] += pBeta * (dots[2] + meanBias[v] * lorentzSum) + pBeta * pBeta * lOmega;
            }
        }
        for (int v = 0; v < bias.length; v++) {
            double pBeta = bias[v][beta];
            sp[v] += 2 * pBeta * kernels.dot(o, bias[v], from, n) + diagonal * pBeta * pBeta;
        }
        if (full) {
            accumulateStatistics(beta, o);
        }
    }

    private void accumulateStatistics(int beta, double[] o) {
        double diagonal = o[beta];
        int from = beta + 1;
        trace += diagonal;
        int b = energyBin[beta];
        binnedDiagonal[b] += diagonal;
        double column = 0;
        for (int a = b; a < binnedLower.length; a++) {
            int lo = Math.max(from, energyBinStart[a]);
            int hi = energyBinStart[a + 1];
            if (lo < hi) {
                double s = kernels.sum(o, lo, hi);
                binnedLower[a][b] += s;
                column += s;
            }
        }
        total += 2 * column + diagonal;
        double lambdaBeta = lambda[beta];
        // Ordered β→α has ε_α − ε_β = +d ≥ 0; its bin k ≥ 0 holds d ∈ [kδ − δ/2, kδ + δ/2).
        for (int k = 0; k < spectrumEdges.length; k++) {
            edgeIndex[k] = firstAtLeast(from, lambdaBeta, spectrumEdges[k]);
        }
        for (int k = 0; k < spectrumK.length; k++) {
            int lo = edgeIndex[k];
            int hi = edgeIndex[k + 1];
            if (lo < hi) {
                spectrumK[k] += kernels.sum(o, lo, hi);
                spectrumCount[k] += hi - lo;
            }
        }
        // Ordered α→β has −d: only bin 0 can hold it, when −d ≥ −δ/2; the diagonal d = 0 counts once.
        int minusEnd = firstAbove(from, lambdaBeta, binWidth / 2);
        spectrumK[0] += kernels.sum(o, from, minusEnd) + diagonal;
        spectrumCount[0] += minusEnd - from + 1;
        for (int u = 0; u < omegaN.length; u++) {
            double lo = omegaN[u] - binWidth / 2;
            double hi = omegaN[u] + binWidth / 2;
            // +d ∈ [lo, hi)
            int plusFrom = firstAtLeast(from, lambdaBeta, lo);
            int plusTo = firstAtLeast(from, lambdaBeta, hi);
            double k = plusFrom < plusTo ? kernels.sum(o, plusFrom, plusTo) : 0;
            long count = Math.max(0, plusTo - plusFrom);
            // −d ∈ [lo, hi) ⇔ d ∈ (−hi, −lo]
            if (-lo >= 0) {
                int minusFrom = firstAbove(from, lambdaBeta, -hi);
                int minusTo = firstAbove(from, lambdaBeta, -lo);
                if (minusFrom < minusTo) {
                    k += kernels.sum(o, minusFrom, minusTo);
                    count += minusTo - minusFrom;
                }
            }
            if (lo <= 0 && 0 < hi) {
                k += diagonal;
                count++;
            }
            omegaNK[u] += k;
            omegaNCount[u] += count;
        }
    }

    /** The first α ≥ from with d = λ_α − λ_β ≥ x (d ascends with α). */
    private int firstAtLeast(int from, double lambdaBeta, double x) {
        int lo = from;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lambda[mid] - lambdaBeta >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first α ≥ from with d = λ_α − λ_β &gt; x. */
    private int firstAbove(int from, double lambdaBeta, double x) {
        int lo = from;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lambda[mid] - lambdaBeta > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Adds the accumulated sums of {@code other} (a pass over other columns of the same matrix). */
    void add(OverlapPass other) {
        addInto(s0, other.s0);
        addInto(s0Goe, other.s0Goe);
        addInto(s1, other.s1);
        addInto(s2, other.s2);
        addInto(s1Goe, other.s1Goe);
        addInto(s2Goe, other.s2Goe);
        addInto(sp, other.sp);
        trace += other.trace;
        total += other.total;
        if (full) {
            for (int a = 0; a < binnedLower.length; a++) {
                addInto(binnedLower[a], other.binnedLower[a]);
            }
            addInto(binnedDiagonal, other.binnedDiagonal);
            addInto(spectrumK, other.spectrumK);
            addInto(omegaNK, other.omegaNK);
            for (int k = 0; k < spectrumCount.length; k++) {
                spectrumCount[k] += other.spectrumCount[k];
            }
            for (int u = 0; u < omegaNCount.length; u++) {
                omegaNCount[u] += other.omegaNCount[u];
            }
        }
    }

    private static void addInto(double[] target, double[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] += source[i];
        }
    }

    /** Σ O over ordered pairs with α in energy bin a and β in bin b (symmetric in a, b). */
    double[][] binnedCorrelator() {
        int bins = binnedLower.length;
        double[][] k = new double[bins][bins];
        for (int a = 0; a < bins; a++) {
            for (int b = 0; b <= a; b++) {
                double s = binnedLower[a][b] + (a == b ? binnedLower[a][a] + binnedDiagonal[a] : 0);
                k[a][b] = a == b ? s : binnedLower[a][b];
                k[b][a] = k[a][b];
            }
        }
        return k;
    }

    int[] energyBinCounts() {
        int[] counts = new int[energyBinStart.length - 1];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = energyBinStart[b + 1] - energyBinStart[b];
        }
        return counts;
    }
}
