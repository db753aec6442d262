package dnp.reference;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RandomStream;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.CorrelatorSpectrum;
import dnp.kernel.result.Localization;
import dnp.kernel.result.PairResult;
import dnp.kernel.result.RateParts;
import dnp.kernel.result.RealizationResult;
import dnp.kernel.result.SiteDistribution;
import dnp.kernel.result.Timings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately naive implementation of every observable of one disorder realization, written
 * straight from the formulas of the paper and docs/model.md with plain loops over plain arrays. It shares
 * only the input and result types with the kernel, never its numerics, so that the two can be
 * compared: they must agree to about 1e-10 relative.
 *
 * <p>Energies are the centred eigenvalues λ_α of M (Eq. 7); ε_α = ω_e + λ_α enters only where its
 * absolute value matters (tanh(βε/2) in Eq. 11), and every difference ε_β − ε_α is formed as
 * λ_β − λ_α, every ε − ω_MW as (ω_e − ω_MW) + λ.
 */
public final class ReferenceModel {

    /** ħ/k_B in K·s. */
    static final double HBAR_OVER_KB = 7.638232577e-12;

    private ReferenceModel() {}

    /** All observables of {@code input}, diagonalized by {@link ReferenceEigenSolver}. */
    public static RealizationResult compute(RealizationInput input) {
        return compute(input, new ReferenceEigenSolver());
    }

    /** All observables of {@code input}, diagonalized by {@code solver}. */
    public static RealizationResult compute(RealizationInput input, EigenSolver solver) {
        int n = input.sites();

        long start = System.nanoTime();
        double[][] hamiltonian = hamiltonian(input.lattice(), input.hopping(), input.disorder());
        DenseMatrix matrix = lowerTriangle(hamiltonian);
        long built = System.nanoTime();

        double[] lambda;
        double[][] phi;
        try (EigenDecomposition eigen = solver.decompose(matrix)) {
            lambda = eigen.eigenvalues().clone();
            phi = eigenvectorRows(eigen.vectors());
        }
        refineEigenvectors(hamiltonian, phi, lambda);
        refineEigenvalues(hamiltonian, phi, lambda);
        long diagonalized = System.nanoTime();

        double[] weights = microwaveWeights(phi);
        Localization localization = localization(input.lattice(), phi, lambda);
        double[][] overlap = overlaps(phi);
        long overlapsDone = System.nanoTime();

        double ipr = inverseParticipationRatio(phi);
        double secondMoment = 0;
        for (double l : lambda) {
            secondMoment += l * l;
        }
        secondMoment /= n;
        double overlapSum = 0;
        for (double[] row : overlap) {
            for (double o : row) {
                overlapSum += o;
            }
        }
        double halfWidth = input.energyGridHalfWidth();
        int energyBins = input.analysis().energyBins();
        double[] dos = densityOfStates(lambda, halfWidth, energyBins);
        double[][] binned = binnedCorrelator(lambda, overlap, halfWidth, energyBins);
        double[] self = binnedSelfOverlaps(lambda, overlap, halfWidth, energyBins);
        CorrelatorSpectrum spectrum = spectrum(lambda, overlap, input.analysis().correlatorBinWidth(),
                input.analysis().correlatorMaxOmega());
        double[] gap = gapRatio(lambda, input.analysis().gapRatioFraction());

        Setting setting = Setting.of(input);
        double[][] uniform = new double[n][n];
        for (double[] row : uniform) {
            Arrays.fill(row, 1.0 / n);
        }
        long observablesTime = System.nanoTime() - overlapsDone;

        long extrasStart = System.nanoTime();
        double[][] sampledOverlap = input.analysis().sampledGoe() ? sampledGoeOverlap(input, solver) : null;
        long extrasTime = System.nanoTime() - extrasStart;

        List<PairResult> pairs = new ArrayList<>();
        for (FrequencyPair pair : input.pairs()) {
            long pairStart = System.nanoTime();
            double[] p = blochPolarizations(lambda, pair.omegaMW(), input.physics(), setting.units());
            double omegaN = pair.omegaN();
            RateParts rates = rates(overlap, lambda, p, omegaN, setting);
            RateParts goeRates = rates(uniform, lambda, p, omegaN, setting);
            double[] fraction = polarizationFraction(overlap, lambda, p, omegaN, setting, rates);
            double[] goeFraction = polarizationFraction(uniform, lambda, p, omegaN, setting, goeRates);
            double delta = input.analysis().correlatorBinWidth();
            // Without α = β: the self-overlap spike belongs to ω = 0 alone (ω_n > 0).
            double[] bin = pairBin(lambda, overlap, omegaN - delta / 2, omegaN + delta / 2, false);
            double correlatorK = bin[0] / (n * delta);
            double correlatorR = bin[1] / ((double) n * n * delta);
            double correlatorC = correlatorR > 0 ? correlatorK / correlatorR : Double.NaN;
            long pairExtrasStart = System.nanoTime();
            observablesTime += pairExtrasStart - pairStart;

            double pnGoeSampled = Double.NaN;
            if (sampledOverlap != null) {
                RateParts sampledRates = rates(sampledOverlap, lambda, p, omegaN, setting);
                double[] sampled = polarizationFraction(sampledOverlap, lambda, p, omegaN, setting, sampledRates);
                pnGoeSampled = sampled[0] / sampled[1];
            }
            SiteDistribution sites = input.analysis().siteDistribution()
                    ? SiteDistribution.of(perSitePolarization(phi, lambda, p, omegaN, setting.units()),
                            input.analysis().siteHistogramBins())
                    : null;
            extrasTime += System.nanoTime() - pairExtrasStart;

            pairs.add(new PairResult(pair, fraction[0] / fraction[1], goeFraction[0] / goeFraction[1],
                    pnGoeSampled, rates, goeRates, fraction[0], fraction[1], correlatorK, correlatorR,
                    correlatorC, sites));
        }

        Timings timings = new Timings(seconds(built - start), seconds(diagonalized - built),
                seconds(overlapsDone - diagonalized), seconds(observablesTime), seconds(extrasTime));
        return new RealizationResult(input, solver.name(), lambda, ipr, secondMoment, gap[0], (int) gap[1],
                overlapSum, halfWidth, dos, binned, self, spectrum, pairs, localization, weights, timings);
    }

    // ---------------------------------------------------------------------------------------
    // Model (Eq. 6, 7)

    /**
     * M_ij = Δ_i δ_ij − t·[i, j nearest neighbours] (Eq. 7) on the L×L×L lattice, site
     * i = x + L(y + Lz); periodic boundaries wrap each coordinate mod L, open ones do not.
     */
    static double[][] hamiltonian(Lattice lattice, double hopping, Disorder disorder) {
        int size = lattice.size();
        int n = lattice.sites();
        boolean periodic = lattice.boundary() == BoundaryCondition.PERIODIC;
        double[][] m = new double[n][n];
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = site(size, x, y, z);
                    m[i][i] = disorder.at(i);
                    int[][] neighbours = {
                        {x + 1, y, z}, {x - 1, y, z}, {x, y + 1, z}, {x, y - 1, z}, {x, y, z + 1}, {x, y, z - 1}};
                    for (int[] c : neighbours) {
                        int nx = c[0];
                        int ny = c[1];
                        int nz = c[2];
                        if (periodic) {
                            nx = Math.floorMod(nx, size);
                            ny = Math.floorMod(ny, size);
                            nz = Math.floorMod(nz, size);
                        } else if (nx < 0 || nx >= size || ny < 0 || ny >= size || nz < 0 || nz >= size) {
                            continue;
                        }
                        m[i][site(size, nx, ny, nz)] = -hopping;
                    }
                }
            }
        }
        return m;
    }

    private static int site(int size, int x, int y, int z) {
        return x + size * (y + size * z);
    }

    private static DenseMatrix lowerTriangle(double[][] a) {
        int n = a.length;
        DenseMatrix matrix = DenseMatrix.zeros(n);
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                matrix.set(i, j, a[i][j]);
            }
        }
        return matrix;
    }

    /** phi[α][j] = φ_αj = {@code vectors.get(j, α)}. */
    /**
     * One Newton step for every eigenvector: with the residual r_α = Mφ_α − λ_αφ_α (formed in two
     * doubles), φ_α ← φ_α + Σ_{β≠α} φ_β (φ_β·r_α)/(λ_α − λ_β), normalized. The eigenvector errors of
     * a double-precision solver, ε‖M‖/gap, become O(ε): the overlaps O_αβ, and the strongly cancelling
     * rate sums built on them, are then accurate to rounding (docs/model.md#numerical-accuracy).
     * Pairs closer than 1e-9 of the spectral range are left to the solver: within such a cluster
     * any orthonormal basis is as good as the exact one to that precision.
     */
    static void refineEigenvectors(double[][] m, double[][] phi, double[] lambda) {
        int n = lambda.length;
        double range = 0;
        for (double l : lambda) {
            range = Math.max(range, Math.abs(l));
        }
        double[][] residual = new double[n][n];
        for (int alpha = 0; alpha < n; alpha++) {
            for (int i = 0; i < n; i++) {
                double[] sum = new double[2];
                for (int j = 0; j < n; j++) {
                    if (m[i][j] != 0) {
                        addProduct(sum, m[i][j], phi[alpha][j]);
                    }
                }
                addProduct(sum, -lambda[alpha], phi[alpha][i]);
                residual[alpha][i] = sum[0] + sum[1];
            }
        }
        double[][] refined = new double[n][];
        for (int alpha = 0; alpha < n; alpha++) {
            double[] v = phi[alpha].clone();
            for (int beta = 0; beta < n; beta++) {
                double gap = lambda[alpha] - lambda[beta];
                if (beta == alpha || Math.abs(gap) <= 1e-9 * range) {
                    continue;
                }
                double c = 0;
                for (int i = 0; i < n; i++) {
                    c += phi[beta][i] * residual[alpha][i];
                }
                double f = c / gap;
                for (int i = 0; i < n; i++) {
                    v[i] += f * phi[beta][i];
                }
            }
            double length = 0;
            for (double x : v) {
                length += x * x;
            }
            length = Math.sqrt(length);
            for (int i = 0; i < n; i++) {
                v[i] /= length;
            }
            refined[alpha] = v;
        }
        System.arraycopy(refined, 0, phi, 0, n);
    }

    /**
     * λ_α ← φ_αᵀMφ_α/φ_αᵀφ_α, every product and sum carried in two doubles (exact products by FMA,
     * exact sums by TwoSum), then made non-decreasing; the dense M, one entry at a time.
     */
    static void refineEigenvalues(double[][] m, double[][] phi, double[] lambda) {
        int n = lambda.length;
        for (int alpha = 0; alpha < n; alpha++) {
            double[] v = phi[alpha];
            double[] numerator = new double[2];
            double[] norm = new double[2];
            for (int i = 0; i < n; i++) {
                addProduct(norm, v[i], v[i]);
                for (int j = 0; j < n; j++) {
                    if (m[i][j] != 0) {
                        double p = v[i] * v[j];
                        double pError = Math.fma(v[i], v[j], -p);
                        addProduct(numerator, m[i][j], p);
                        addTwoSum(numerator, m[i][j] * pError);
                    }
                }
            }
            lambda[alpha] = (numerator[0] + numerator[1]) / (norm[0] + norm[1]);
        }
        for (int alpha = 1; alpha < n; alpha++) {
            lambda[alpha] = Math.max(lambda[alpha], lambda[alpha - 1]);
        }
    }

    /** sum[0] + sum[1] += a·b, with the product's rounding error kept. */
    private static void addProduct(double[] sum, double a, double b) {
        double p = a * b;
        addTwoSum(sum, p);
        sum[1] += Math.fma(a, b, -p);
    }

    /** sum[0] + sum[1] += x, with the sum's rounding error kept (Knuth's TwoSum). */
    private static void addTwoSum(double[] sum, double x) {
        double s = sum[0] + x;
        double b = s - sum[0];
        sum[1] += (sum[0] - (s - b)) + (x - b);
        sum[0] = s;
    }

    private static double[][] eigenvectorRows(DenseMatrix vectors) {
        int n = vectors.order();
        double[][] phi = new double[n][n];
        for (int alpha = 0; alpha < n; alpha++) {
            for (int j = 0; j < n; j++) {
                phi[alpha][j] = vectors.get(j, alpha);
            }
        }
        return phi;
    }

    // ---------------------------------------------------------------------------------------
    // Eigenfunction statistics (Eq. 21, 25, 27, 30, 31, 33, B3)

    /** A_α² = (Σ_i φ_αi)² (Eq. B3). */
    private static double[] microwaveWeights(double[][] phi) {
        double[] a2 = new double[phi.length];
        for (int alpha = 0; alpha < phi.length; alpha++) {
            double a = 0;
            for (double component : phi[alpha]) {
                a += component;
            }
            a2[alpha] = a * a;
        }
        return a2;
    }

    /**
     * ξ of the central 20% of the states (docs/model.md#localization-length-eq-31-33): the mean of
     * ln max(φ², ε²) per squared distance 1 ≤ r² ≤ ⌊(L/2)²⌋ from each state's largest φ², a straight
     * line through the (r, mean) of the shells with a φ² above ε², κ = −slope/2 (ln(1/ε²)/2 if fewer
     * than two); ρ = (m − 1)/(N·(λ_last − λ_first)) over the window.
     */
    private static Localization localization(Lattice lattice, double[][] phi, double[] lambda) {
        int n = lambda.length;
        int size = lattice.size();
        int m = Math.max(1, Math.min(n, (int) Math.round(0.2 * n)));
        int start = (n - m) / 2;
        double floor = Math.pow(2, -104);
        int maxSquared = (int) Math.floor(size * size / 4.0);
        double[] sum = new double[maxSquared + 1];
        int[] count = new int[maxSquared + 1];
        int[] aboveFloor = new int[maxSquared + 1];
        double ipr = 0;
        for (int alpha = start; alpha < start + m; alpha++) {
            int centre = 0;
            for (int j = 0; j < n; j++) {
                double p = phi[alpha][j] * phi[alpha][j];
                ipr += p * p;
                if (p > phi[alpha][centre] * phi[alpha][centre]) {
                    centre = j;
                }
            }
            int[] c = coordinates(centre, size);
            for (int j = 0; j < n; j++) {
                int[] x = coordinates(j, size);
                int r2 = 0;
                for (int axis = 0; axis < 3; axis++) {
                    int d = Math.abs(x[axis] - c[axis]);
                    if (lattice.boundary() == BoundaryCondition.PERIODIC && size - d < d) {
                        d = size - d;
                    }
                    r2 += d * d;
                }
                if (r2 <= maxSquared) {
                    sum[r2] += Math.log(Math.max(phi[alpha][j] * phi[alpha][j], floor));
                    count[r2]++;
                    if (phi[alpha][j] * phi[alpha][j] > floor) {
                        aboveFloor[r2]++;
                    }
                }
            }
        }
        List<double[]> points = new ArrayList<>();
        int shells = 0;
        for (int r2 = 1; r2 <= maxSquared; r2++) {
            if (count[r2] > 0) {
                shells++;
                if (aboveFloor[r2] > 0) {
                    points.add(new double[] {Math.sqrt(r2), sum[r2] / count[r2]});
                }
            }
        }
        double kappa = Double.NaN;
        if (shells >= 2 && points.size() < 2) {
            kappa = Math.log(1 / floor) / 2;
        } else if (shells >= 2) {
            double mr = 0;
            double my = 0;
            for (double[] p : points) {
                mr += p[0] / points.size();
                my += p[1] / points.size();
            }
            double num = 0;
            double den = 0;
            for (double[] p : points) {
                num += (p[0] - mr) * (p[1] - my);
                den += (p[0] - mr) * (p[0] - mr);
            }
            kappa = -num / den / 2;
        }
        double rho = m > 1 ? (m - 1) / (n * (lambda[start + m - 1] - lambda[start])) : Double.NaN;
        return Localization.of(m, kappa, size, Math.cbrt(m / ipr), rho);
    }

    private static int[] coordinates(int site, int size) {
        return new int[] {site % size, (site / size) % size, site / (size * size)};
    }

    /** O_αβ = Σ_j φ_αj² φ_βj² (Eq. 21 before binning). */
    static double[][] overlaps(double[][] phi) {
        int n = phi.length;
        double[][] o = new double[n][n];
        for (int alpha = 0; alpha < n; alpha++) {
            for (int beta = 0; beta < n; beta++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += phi[alpha][j] * phi[alpha][j] * phi[beta][j] * phi[beta][j];
                }
                o[alpha][beta] = sum;
            }
        }
        return o;
    }

    /** I_2 = (1/N) Σ_αj φ_αj⁴ (Eq. 27). */
    private static double inverseParticipationRatio(double[][] phi) {
        double sum = 0;
        for (double[] vector : phi) {
            for (double component : vector) {
                sum += component * component * component * component;
            }
        }
        return sum / phi.length;
    }

    /** Energy bin of λ on the grid [−E, E] of {@code bins} bins, clamped to the grid. */
    private static int energyBin(double lambda, double halfWidth, int bins) {
        double width = 2 * halfWidth / bins;
        int b = (int) Math.floor((lambda + halfWidth) / width);
        return Math.min(bins - 1, Math.max(0, b));
    }

    /** ρ[b] = count_b/(N δ_E), so that Σ_b ρ[b] δ_E = 1. */
    private static double[] densityOfStates(double[] lambda, double halfWidth, int bins) {
        double width = 2 * halfWidth / bins;
        double[] dos = new double[bins];
        for (double l : lambda) {
            dos[energyBin(l, halfWidth, bins)] += 1;
        }
        for (int b = 0; b < bins; b++) {
            dos[b] /= lambda.length * width;
        }
        return dos;
    }

    /** K_ab = (1/(N δ_E²)) Σ_{α∈a, β∈b} O_αβ (Eq. 21). */
    private static double[][] binnedCorrelator(double[] lambda, double[][] overlap, double halfWidth, int bins) {
        int n = lambda.length;
        double width = 2 * halfWidth / bins;
        double[][] k = new double[bins][bins];
        for (int alpha = 0; alpha < n; alpha++) {
            int a = energyBin(lambda[alpha], halfWidth, bins);
            for (int beta = 0; beta < n; beta++) {
                k[a][energyBin(lambda[beta], halfWidth, bins)] += overlap[alpha][beta];
            }
        }
        for (double[] row : k) {
            for (int b = 0; b < bins; b++) {
                row[b] /= n * width * width;
            }
        }
        return k;
    }

    /** (1/(N δ_E²)) Σ_{α∈a} O_αα: the α = β part of K_aa. */
    private static double[] binnedSelfOverlaps(double[] lambda, double[][] overlap, double halfWidth, int bins) {
        int n = lambda.length;
        double width = 2 * halfWidth / bins;
        double[] self = new double[bins];
        for (int alpha = 0; alpha < n; alpha++) {
            self[energyBin(lambda[alpha], halfWidth, bins)] += overlap[alpha][alpha] / (n * width * width);
        }
        return self;
    }

    /**
     * Over all ordered pairs (α, β) with ε_β − ε_α = λ_β − λ_α ∈ [lo, hi): {Σ O_αβ, number of pairs}.
     */
    private static double[] pairBin(double[] lambda, double[][] overlap, double lo, double hi, boolean withSelf) {
        int n = lambda.length;
        double sum = 0;
        double count = 0;
        for (int alpha = 0; alpha < n; alpha++) {
            for (int beta = 0; beta < n; beta++) {
                double d = lambda[beta] - lambda[alpha];
                if (d >= lo && d < hi && (withSelf || alpha != beta)) {
                    sum += overlap[alpha][beta];
                    count += 1;
                }
            }
        }
        return new double[] {sum, count};
    }

    /**
     * K(ω_k) = (1/δ) Σ O_αβ/N and R(ω_k) = (1/δ)·count/N² over the pairs in
     * [ω_k − δ/2, ω_k + δ/2), ω_k = kδ for k = 0…⌊ω_max/δ⌋ (Eq. 25, 30).
     */
    private static CorrelatorSpectrum spectrum(double[] lambda, double[][] overlap, double delta, double maxOmega) {
        int n = lambda.length;
        int last = (int) Math.floor(maxOmega / delta + 1e-9);
        double[] omega = new double[last + 1];
        double[] k = new double[last + 1];
        double[] r = new double[last + 1];
        for (int bin = 0; bin <= last; bin++) {
            omega[bin] = bin * delta;
            double[] sums = pairBin(lambda, overlap, omega[bin] - delta / 2, omega[bin] + delta / 2, true);
            k[bin] = sums[0] / (n * delta);
            r[bin] = sums[1] / ((double) n * n * delta);
        }
        return new CorrelatorSpectrum(delta, omega, k, r);
    }

    /**
     * Mean adjacent-gap ratio over the m = round(f·N) central levels λ_start … λ_{start+m−1},
     * start = (N − m)/2: r_k = min(s_k, s_{k+1})/max(s_k, s_{k+1}), s_k = λ_{k+1} − λ_k, ratios
     * with max = 0 skipped. Returns {⟨r⟩, count}; ⟨r⟩ is NaN when nothing is averaged.
     */
    private static double[] gapRatio(double[] lambda, double fraction) {
        int n = lambda.length;
        int m = (int) Math.round(fraction * n);
        if (m < 3) {
            return new double[] {Double.NaN, 0};
        }
        int start = (n - m) / 2;
        double sum = 0;
        int count = 0;
        for (int k = start; k <= start + m - 3; k++) {
            double s0 = lambda[k + 1] - lambda[k];
            double s1 = lambda[k + 2] - lambda[k + 1];
            double max = Math.max(s0, s1);
            if (max == 0) {
                continue;
            }
            sum += Math.min(s0, s1) / max;
            count++;
        }
        return new double[] {count > 0 ? sum / count : Double.NaN, count};
    }

    // ---------------------------------------------------------------------------------------
    // Driven electrons and nuclear rates (Eq. 11, 19, 20, 22, 23, C7)

    /**
     * The computation's units: times T' = T[s]·s with s = 2π·10⁶ (si) or 10⁶ (paper), so that T'
     * times a frequency in the paper's 2π·MHz numbers is the dimensionless product; β' =
     * (ħ/k_B)·2π·10⁶/T_bath in both conventions.
     */
    record Units(double t1e, double t2e, double t1n, double t2n, double beta) {
        static Units of(PhysicalParameters physics, Convention convention) {
            double scale = switch (convention) {
                case SI -> 2 * Math.PI * 1e6;
                case PAPER -> 1e6;
            };
            return new Units(physics.t1e() * scale, physics.t2e() * scale, physics.t1n() * scale,
                    physics.t2n() * scale, HBAR_OVER_KB * 2 * Math.PI * 1e6 / physics.bathTemperature());
        }

        /** Nuclear line shape L(x) = 1/(1 + T_2n'² x²). */
        double lorentzian(double x) {
            return 1 / (1 + t2n * t2n * x * x);
        }

        /** Thermal factor h(x) = 1/(1 + exp(−β' x)) of the leakage. */
        double thermal(double x) {
            return 1 / (1 + Math.exp(-beta * x));
        }
    }

    /**
     * What the rates need besides the spectrum: units, A_0, N_n = (N_n/N_e)·N, the convention.
     */
    private record Setting(Units units, double a0, double nuclei, Convention convention) {
        static Setting of(RealizationInput input) {
            PhysicalParameters physics = input.physics();
            return new Setting(Units.of(physics, input.convention()), physics.a0(),
                    physics.nuclearRatio() * input.sites(), input.convention());
        }

        /** Prefactor c = A_0² T_2n'/4 of the electron terms of Eq. 19. */
        double prefactor() {
            return a0 * a0 * units.t2n() / 4;
        }
    }

    /**
     * P_α = P_B(ε_α) (Eq. 11): [1 + T_2e'²(ε−ω_MW)²]·tanh(β'ε/2) / [1 + T_2e'²(ε−ω_MW)² + 2ω_1² T_1e' T_2e'],
     * with ε = ω_e + λ_α and ε − ω_MW = (ω_e − ω_MW) + λ_α.
     */
    static double[] blochPolarizations(double[] lambda, double omegaMW, PhysicalParameters physics, Units units) {
        double[] p = new double[lambda.length];
        double detuningOffset = physics.omegaE() - omegaMW;
        double saturation = 2 * physics.omega1() * physics.omega1() * units.t1e() * units.t2e();
        for (int alpha = 0; alpha < lambda.length; alpha++) {
            double detuning = detuningOffset + lambda[alpha];
            double energy = physics.omegaE() + lambda[alpha];
            double line = 1 + units.t2e() * units.t2e() * detuning * detuning;
            p[alpha] = line * Math.tanh(units.beta() * energy / 2) / (line + saturation);
        }
        return p;
    }

    /**
     * The reported parts of the convention's rates. si: Ω_emit = Ω(+ω_n) and Ω_abs = Ω(−ω_n) of Eq. 19
     * summed over the core nuclei, with d = λ_β − λ_α over all ordered α ≠ β:
     * ISS(±ω_n) = c Σ_{α≠β} O_αβ (1+P_α)(1−P_β) L(±ω_n + d); the α = β terms c Σ_α O_αα (1 − P_α²) L(ω_n),
     * which move no fermion (Eq. B6/C5), go with PL = c L(ω_n) Σ O_αβ P_α P_β;
     * leakage(±ω_n) = N_n h(±ω_n)/T_1n'. paper: the halves (den ± num)/2 of Eq. 22, split into
     * ISS = ¼ Σ_{α≠β} O_αβ (1 − P_α P_β) L(ω_n + d) ± ¼ Σ O_αβ (P_α − P_β) L(ω_n + d), over 2,
     * PL = ¼ Σ_α O_αα (1 − P_α²) L(ω_n) / 2 and leakage 2N_n/(A_0² T_1n' T_2n') / 2.
     */
    private static RateParts rates(double[][] overlap, double[] lambda, double[] p, double omegaN, Setting setting) {
        Units u = setting.units();
        int n = lambda.length;
        if (setting.convention() == Convention.PAPER) {
            double numerator = 0;
            double iss = 0;
            double diagonal = 0;
            for (int alpha = 0; alpha < n; alpha++) {
                for (int beta = 0; beta < n; beta++) {
                    double line = u.lorentzian(omegaN + lambda[beta] - lambda[alpha]);
                    numerator += overlap[alpha][beta] * (p[alpha] - p[beta]) * line;
                    if (alpha == beta) {
                        diagonal += overlap[alpha][alpha] * (1 - p[alpha] * p[alpha]) * line;
                    } else {
                        iss += overlap[alpha][beta] * (1 - p[alpha] * p[beta]) * line;
                    }
                }
            }
            double leakage = 2 * setting.nuclei() / (setting.a0() * setting.a0() * u.t1n() * u.t2n());
            return new RateParts((iss + numerator) / 8, diagonal / 8, leakage / 2,
                    (iss - numerator) / 8, diagonal / 8, leakage / 2);
        }
        double emitIss = 0;
        double absIss = 0;
        double pl = 0;
        double diagonal = 0;
        for (int alpha = 0; alpha < n; alpha++) {
            for (int beta = 0; beta < n; beta++) {
                double d = lambda[beta] - lambda[alpha];
                double flip = overlap[alpha][beta] * (1 + p[alpha]) * (1 - p[beta]);
                if (alpha == beta) {
                    diagonal += flip * u.lorentzian(omegaN);
                } else {
                    emitIss += flip * u.lorentzian(omegaN + d);
                    absIss += flip * u.lorentzian(-omegaN + d);
                }
                pl += overlap[alpha][beta] * p[alpha] * p[beta];
            }
        }
        double c = setting.prefactor();
        pl = pl * c * u.lorentzian(omegaN) + c * diagonal;
        return new RateParts(c * emitIss, pl, setting.nuclei() * u.thermal(omegaN) / u.t1n(),
                c * absIss, pl, setting.nuclei() * u.thermal(-omegaN) / u.t1n());
    }

    /**
     * {numerator, denominator} of P_n. si (Eq. 20): Ω_emit ∓ Ω_abs from {@code rates}.
     * paper (Eq. 22 as printed, sign of docs/model.md#paper-formula-eq-22): ¼ Σ O_αβ (P_α − P_β) L(ω_n + d) over
     * ¼ Σ O_αβ (1 − P_α P_β) L(ω_n + d) + 2N_n/(A_0² T_1n' T_2n').
     */
    private static double[] polarizationFraction(double[][] overlap, double[] lambda, double[] p, double omegaN,
                                                 Setting setting, RateParts rates) {
        return switch (setting.convention()) {
            case SI -> {
                double emit = rates.emitIss() + rates.emitPl() + rates.emitLeak();
                double absorb = rates.absIss() + rates.absPl() + rates.absLeak();
                yield new double[] {emit - absorb, emit + absorb};
            }
            case PAPER -> {
                Units u = setting.units();
                int n = lambda.length;
                double numerator = 0;
                double denominator = 0;
                for (int alpha = 0; alpha < n; alpha++) {
                    for (int beta = 0; beta < n; beta++) {
                        double line = u.lorentzian(omegaN + lambda[beta] - lambda[alpha]);
                        numerator += overlap[alpha][beta] * (p[alpha] - p[beta]) * line;
                        denominator += overlap[alpha][beta] * (1 - p[alpha] * p[beta]) * line;
                    }
                }
                double leakage = 2 * setting.nuclei() / (setting.a0() * setting.a0() * u.t1n() * u.t2n());
                yield new double[] {numerator / 4, denominator / 4 + leakage};
            }
        };
    }

    /**
     * Overlaps of a sampled GOE matrix (Eq. 23, sampled variant): G of order N from the GOE random
     * stream of (seed, realization), G_ij = G_ji = g for i = j and g/√2 otherwise, filled column by
     * column (j = 0…N−1, i = j…N−1); its α-th eigenvector (ascending) is paired with λ_α.
     */
    private static double[][] sampledGoeOverlap(RealizationInput input, EigenSolver solver) {
        int n = input.sites();
        boolean generated = input.disorder().seed() >= 0;
        long seed = generated ? input.disorder().seed() : input.disorder().contentSeed();
        long realization = generated ? Math.max(0, input.disorder().realization()) : 0;
        RandomStream random = new RandomStream(seed, realization, RandomStream.GOE);
        DenseMatrix goe = DenseMatrix.zeros(n);
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double g = random.nextGaussian();
                double value = i == j ? g : g / Math.sqrt(2);
                goe.set(i, j, value);
                goe.set(j, i, value);
            }
        }
        try (EigenDecomposition eigen = solver.decompose(goe)) {
            return overlaps(eigenvectorRows(eigen.vectors()));
        }
    }

    /**
     * P_n^j (Eq. C7) for every core nucleus j: Σ_αβ Q_jα Q_jβ F^num_αβ / Σ_αβ Q_jα Q_jβ F^den_αβ,
     * Q_jα = φ_αj², F^num = (P_α − P_β) L(ω_n + d), F^den = P_α P_β L(ω_n) + (1 − P_α P_β) L(ω_n + d).
     */
    private static double[] perSitePolarization(double[][] phi, double[] lambda, double[] p, double omegaN,
                                                Units units) {
        int n = lambda.length;
        double[][] fNumerator = new double[n][n];
        double[][] fDenominator = new double[n][n];
        for (int alpha = 0; alpha < n; alpha++) {
            for (int beta = 0; beta < n; beta++) {
                double line = units.lorentzian(omegaN + lambda[beta] - lambda[alpha]);
                double both = p[alpha] * p[beta];
                fNumerator[alpha][beta] = (p[alpha] - p[beta]) * line;
                fDenominator[alpha][beta] = both * units.lorentzian(omegaN) + (1 - both) * line;
            }
        }
        double[] perSite = new double[n];
        for (int j = 0; j < n; j++) {
            double numerator = 0;
            double denominator = 0;
            for (int alpha = 0; alpha < n; alpha++) {
                double qAlpha = phi[alpha][j] * phi[alpha][j];
                for (int beta = 0; beta < n; beta++) {
                    double weight = qAlpha * phi[beta][j] * phi[beta][j];
                    numerator += weight * fNumerator[alpha][beta];
                    denominator += weight * fDenominator[alpha][beta];
                }
            }
            perSite[j] = numerator / denominator;
        }
        return perSite;
    }

    private static double seconds(long nanos) {
        return nanos * 1e-9;
    }
}
