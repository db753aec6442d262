package dnp.kernel.physics;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.vector.SpectralKernels;

/**
 * The eigenfunction statistics that need the overlap matrix O_αβ = Σ_j Q_jα Q_jβ: trace(O) (the
 * IPR, Eq. 27), Σ O (the sum rule, Eq. 26), the binned K(ε, ε′) (Eq. 21), K(ω) and R(ω) histograms
 * (Eq. 25, 30) and K, R in the bin centred on each ω_n; fed one column β at a time with its rows
 * α ≥ β, like every {@link OverlapConsumer}. Columns must come in ascending β.
 */
final class OverlapStatisticsPass implements OverlapConsumer {
    private final SpectralKernels kernels;
    private final double[] lambda;
    private final int n;
    private final double[] omegaN;       // distinct ω_n

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
    private final int[] edgeIndex;

    OverlapStatisticsPass(SpectralKernels kernels, double[] lambda, double[] omegaN, AnalysisOptions analysis,
                          double energyHalfWidth) {
        this.kernels = kernels;
        this.lambda = lambda;
        this.n = lambda.length;
        this.omegaN = omegaN;
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
        binnedLower = new double[bins][bins];
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

    @Override
    public void accept(int beta, double[] o) {
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
            // The α = β terms (d = 0, weight O_αα: the IPR spike I_2·δ(ω)) belong to ω = 0 alone and are
            // left out here (ω_n > 0): a bin centred on ω_n that reaches 0 would otherwise mix them into
            // C(ω_n) (docs/model.md). The spectrum's ω = 0 bin keeps them.
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

    @Override
    public void add(OverlapConsumer consumer) {
        OverlapStatisticsPass other = (OverlapStatisticsPass) consumer;
        trace += other.trace;
        total += other.total;
        for (int a = 0; a < binnedLower.length; a++) {
            OverlapConsumer.addInto(binnedLower[a], other.binnedLower[a]);
        }
        OverlapConsumer.addInto(binnedDiagonal, other.binnedDiagonal);
        OverlapConsumer.addInto(spectrumK, other.spectrumK);
        OverlapConsumer.addInto(omegaNK, other.omegaNK);
        for (int k = 0; k < spectrumCount.length; k++) {
            spectrumCount[k] += other.spectrumCount[k];
        }
        for (int u = 0; u < omegaNCount.length; u++) {
            omegaNCount[u] += other.omegaNCount[u];
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

    /** Σ O_αα over α in energy bin a: the α = β part of the diagonal of {@link #binnedCorrelator()}. */
    double[] binnedSelfOverlaps() {
        return binnedDiagonal.clone();
    }

    int[] energyBinCounts() {
        int[] counts = new int[energyBinStart.length - 1];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = energyBinStart[b + 1] - energyBinStart[b];
        }
        return counts;
    }
}
