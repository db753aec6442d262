package dnp.kernel.physics;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.vector.SpectralKernels;

import java.util.Arrays;

/**
 * Everything that needs the overlap matrix O_αβ = Σ_j Q_jα Q_jβ (Eq. 21 before binning), fed one
 * column β at a time so that O never exists whole: the rate sums of every (ω_n, ω_MW) pair for the
 * Anderson overlaps and for O → 1/N (GOE, Eq. 23), and — for a full pass — trace(O), Σ O, the
 * binned K(ε, ε′), K(ω) and R(ω), and K, R at each ω_n.
 *
 * <p>Columns may come in any order, but the sums depend on that order only through rounding: the
 * caller feeds them in ascending β for reproducible results.
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

    // Rate sums (see NuclearPolarization): per distinct ω_n, per pair, per ω_MW.
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
    final double[][] binnedCorrelator;   // raw Σ O over energy bins a × b
    final double[] spectrumK;            // raw Σ O per ω bin
    final long[] spectrumCount;          // ordered pairs per ω bin
    final double[] omegaNK;              // raw Σ O in the bin centred on each ω_n
    final long[] omegaNCount;

    private final int[] energyBin;       // energy bin of each λ_α
    private final int[] energyBinStart;  // first α of each energy bin, plus n at the end
    private final double[] spectrumEdges;// kδ − δ/2 for k = 0..K+1
    private final double binWidth;

    // Scratch, one column long.
    private final double[] lorentz;
    private final double[] weighted;
    private final double[] sums = new double[2];
    private final double[] dots = new double[2];
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
        lorentz = new double[n];
        weighted = new double[n];

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
        binnedCorrelator = full ? new double[bins][bins] : null;
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

    /** Takes column β of O (o[α] = O_αβ for α in [0, n)). */
    void accept(int beta, double[] o) {
        double lambdaBeta = lambda[beta];
        for (int u = 0; u < omegaN.length; u++) {
            kernels.lorentzian(o, lambda, n, lambdaBeta + omegaN[u], t2nSquared, lorentz, weighted, sums);
            double weightedSum = sums[0];
            double lorentzSum = sums[1];
            s0[u] += weightedSum;
            s0Goe[u] += lorentzSum;
            for (int k = 0; k < pairOmega.length; k++) {
                if (pairOmega[k] != u) {
                    continue;
                }
                // The biases P_α of a band are nearly equal, so Σ_α oℓ (P_α − P_β) is formed from
                // centred biases p_α = P_α − P̄: Σ oℓ p_α − p_β Σ oℓ cancels far less than with P.
                int v = pairBias[k];
                double[] centred = centredBias[v];
                double pBeta = bias[v][beta];
                double centredBeta = centred[beta];
                kernels.dot2(weighted, lorentz, centred, n, dots);
                s1[k] += dots[0] - centredBeta * weightedSum;
                s2[k] += pBeta * (dots[0] + meanBias[v] * weightedSum);
                s1Goe[k] += dots[1] - centredBeta * lorentzSum;
                s2Goe[k] += pBeta * (dots[1] + meanBias[v] * lorentzSum);
            }
        }
        for (int v = 0; v < bias.length; v++) {
            sp[v] += bias[v][beta] * kernels.dot(o, bias[v], n);
        }
        if (full) {
            accumulateStatistics(beta, o);
        }
    }

    private void accumulateStatistics(int beta, double[] o) {
        trace += o[beta];
        int b = energyBin[beta];
        double column = 0;
        for (int a = 0; a < binnedCorrelator.length; a++) {
            double s = kernels.sum(o, energyBinStart[a], energyBinStart[a + 1]);
            binnedCorrelator[a][b] += s;
            column += s;
        }
        total += column;
        double lambdaBeta = lambda[beta];
        for (int k = 0; k < spectrumEdges.length; k++) {
            edgeIndex[k] = firstBelow(lambdaBeta, spectrumEdges[k]);
        }
        for (int k = 0; k < spectrumK.length; k++) {
            int from = edgeIndex[k + 1];
            int to = edgeIndex[k];
            spectrumK[k] += kernels.sum(o, from, to);
            spectrumCount[k] += to - from;
        }
        for (int u = 0; u < omegaN.length; u++) {
            int from = firstBelow(lambdaBeta, omegaN[u] + binWidth / 2);
            int to = firstBelow(lambdaBeta, omegaN[u] - binWidth / 2);
            omegaNK[u] += kernels.sum(o, from, to);
            omegaNCount[u] += to - from;
        }
    }

    /**
     * The first α with d = λ_β − λ_α &lt; x; since λ ascends, d descends with α, so the α with
     * d ∈ [lo, hi) are exactly [firstBelow(hi), firstBelow(lo)).
     */
    private int firstBelow(double lambdaBeta, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lambdaBeta - lambda[mid] < x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    int[] energyBinCounts() {
        int[] counts = new int[energyBinStart.length - 1];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = energyBinStart[b + 1] - energyBinStart[b];
        }
        return counts;
    }

    @Override
    public String toString() {
        return "OverlapPass[n=" + n + ", ω_n=" + Arrays.toString(omegaN) + "]";
    }
}
