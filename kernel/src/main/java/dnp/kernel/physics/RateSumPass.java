package dnp.kernel.physics;

import dnp.kernel.vector.SpectralKernels;

/**
 * The rate sums S0, S1, S2, SP of {@link NuclearPolarization} for every (ω_n, ω_MW) pair, from the
 * columns of an overlap matrix O (Anderson eigenvectors, or a sampled GOE matrix's), and, from the
 * same Lorentzians, the sums with O_αβ → 1/N (Eq. 23, the GOE comparison).
 *
 * <p>An unordered pair α &gt; β (d = λ_α − λ_β ≥ 0) stands for the ordered pairs α→β, with
 * ε_β − ε_α = −d and Lorentzian L₋ = L(ω_n − d), and β→α, with +d and L₊ = L(ω_n + d). It adds
 * O(L₋ + L₊) to S0, O(P_α − P_β)(L₋ − L₊) to S1, O P_α P_β (L₋ + L₊) to S2 and 2 O P_α P_β to SP;
 * the diagonal α = β adds its single ordered pair (docs/model.md, "Nuclear rates").
 *
 * <p>Columns must come in ascending β for reproducible sums (rounding depends on the order).
 */
final class RateSumPass implements OverlapConsumer {
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

    // Sums over ordered pairs: per distinct ω_n (S0), per pair (S1, S2), per distinct ω_MW (SP).
    private final double[] s0;
    private final double[] s1;
    private final double[] s2;
    private final double[] sp;
    // The same with O → 1/N, before the division by N.
    private final double[] s0Uniform;
    private final double[] s1Uniform;
    private final double[] s2Uniform;

    // Scratch, one column long.
    private final double[] sumW;
    private final double[] diffW;
    private final double[] sumL;
    private final double[] diffL;
    private final double[] sums = new double[4];
    private final double[] dots = new double[4];

    RateSumPass(SpectralKernels kernels, double[] lambda, double t2n, FrequencyIndex frequencies, double[][] bias) {
        this.kernels = kernels;
        this.lambda = lambda;
        this.n = lambda.length;
        this.t2nSquared = t2n * t2n;
        this.omegaN = frequencies.omegaN();
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
        this.pairOmega = frequencies.pairOmega();
        this.pairBias = frequencies.pairBias();
        int pairs = pairOmega.length;
        s0 = new double[omegaN.length];
        s0Uniform = new double[omegaN.length];
        s1 = new double[pairs];
        s2 = new double[pairs];
        s1Uniform = new double[pairs];
        s2Uniform = new double[pairs];
        sp = new double[bias.length];
        sumW = new double[n];
        diffW = new double[n];
        sumL = new double[n];
        diffL = new double[n];
    }

    @Override
    public void accept(int beta, double[] o) {
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
            s0Uniform[u] += lorentzSum + lOmega;
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
                s1Uniform[k] += dots[3] - centredBeta * lorentzDifference;
                s2Uniform[k] += pBeta * (dots[2] + meanBias[v] * lorentzSum) + pBeta * pBeta * lOmega;
            }
        }
        for (int v = 0; v < bias.length; v++) {
            double pBeta = bias[v][beta];
            sp[v] += 2 * pBeta * kernels.dot(o, bias[v], from, n) + diagonal * pBeta * pBeta;
        }
    }

    @Override
    public void add(OverlapConsumer consumer) {
        RateSumPass other = (RateSumPass) consumer;
        OverlapConsumer.addInto(s0, other.s0);
        OverlapConsumer.addInto(s0Uniform, other.s0Uniform);
        OverlapConsumer.addInto(s1, other.s1);
        OverlapConsumer.addInto(s2, other.s2);
        OverlapConsumer.addInto(s1Uniform, other.s1Uniform);
        OverlapConsumer.addInto(s2Uniform, other.s2Uniform);
        OverlapConsumer.addInto(sp, other.sp);
    }

    /** The sums of the overlaps fed to this pass. */
    RateSums sums() {
        return new RateSums(s0.clone(), s1.clone(), s2.clone(), sp.clone());
    }

    /**
     * The sums with every O_αβ replaced by 1/N (Eq. 23): the pure-Lorentzian sums divided by N, and
     * SP = Σ_αβ P_α P_β / N = (Σ P)²/N.
     */
    RateSums uniformOverlapSums() {
        double[] s0g = new double[s0Uniform.length];
        double[] s1g = new double[s1Uniform.length];
        double[] s2g = new double[s2Uniform.length];
        double[] spg = new double[bias.length];
        for (int u = 0; u < s0g.length; u++) {
            s0g[u] = s0Uniform[u] / n;
        }
        for (int k = 0; k < s1g.length; k++) {
            s1g[k] = s1Uniform[k] / n;
            s2g[k] = s2Uniform[k] / n;
        }
        for (int v = 0; v < spg.length; v++) {
            double pSum = 0;
            for (double p : bias[v]) {
                pSum += p;
            }
            spg[v] = pSum * pSum / n;
        }
        return new RateSums(s0g, s1g, s2g, spg);
    }
}
