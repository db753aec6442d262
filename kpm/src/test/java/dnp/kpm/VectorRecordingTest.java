package dnp.kpm;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-site moment estimates of the vector estimator against the same quantities computed with dense
 * Chebyshev matrices T_m(H̃): the Gram sums of the engine, and the per-site doubling identities, which hold
 * for a vector on every site and fail for one on a part (why the engine records every moment).
 */
class VectorRecordingTest {
    static final int M = 24;

    /** T_0(H̃) … T_{count−1}(H̃) as dense N × N arrays, H̃ = (M − b)/a with the engine's a and b. */
    static double[][][] chebyshev(RealizationInput input, int count) {
        ScaledHamiltonian h = ScaledHamiltonian.of(input.lattice(), input.hopping(), input.disorder(), KpmSettings.MARGIN);
        int n = input.sites();
        double[][] ht = new double[n][n];
        try (DenseMatrix m = AndersonHamiltonian.build(input.lattice(), input.hopping(), input.disorder())) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ht[i][j] = (m.get(i, j) - (i == j ? h.shift() : 0)) / h.scale();
                }
            }
        }
        double[][][] t = new double[count][n][n];
        for (int i = 0; i < n; i++) {
            t[0][i][i] = 1;
        }
        t[1] = ht;
        for (int k = 2; k < count; k++) {
            double[][] twoHt = product(ht, t[k - 1]);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    t[k][i][j] = 2 * twoHt[i][j] - t[k - 2][i][j];
                }
            }
        }
        return t;
    }

    static double[][] product(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                if (aik != 0) {
                    for (int j = 0; j < n; j++) {
                        c[i][j] += aik * b[k][j];
                    }
                }
            }
        }
        return c;
    }

    @Test
    void theEngineRecordsRjTimesTmRjForEverySiteOfEveryPart() {
        RealizationInput input = Dense.input(3, BoundaryCondition.PERIODIC, 6.5, Convention.SI);
        int n = input.sites();
        VectorSettings settings = new VectorSettings(M, 16, 2, DampingKernel.JACKSON, 1);
        VectorPartition partition = VectorPartition.of(input, settings);
        VectorEngine.Computed computed = VectorEngine.compute(input, settings, partition, VectorEngine.allGroups(2), true);
        double[][][] t = chebyshev(input, M);
        long seed = KpmEngine.seed(input);
        long realization = KpmEngine.realization(input);
        for (int g = 0; g < 2; g++) {
            double[][] gramA = new double[M][M];
            double[] trace0 = new double[M];
            for (int q = g; q < partition.partCount(); q += 2) {
                int[] sites = partition.parts()[q];
                double[][] x = new double[2][];
                for (int v = 0; v < 2; v++) {
                    double[] sign = VectorPartition.signs(sites.length, q, v, seed, realization, 0);
                    double[] r = new double[n];
                    for (int i = 0; i < sites.length; i++) {
                        r[sites[i]] = sign[i];
                    }
                    // X_j(m) = r_j (T_m r)_j for j in the part, site-major.
                    x[v] = new double[sites.length * M];
                    for (int i = 0; i < sites.length; i++) {
                        int j = sites[i];
                        for (int m = 0; m < M; m++) {
                            double tr = 0;
                            for (int k = 0; k < n; k++) {
                                tr += t[m][j][k] * r[k];
                            }
                            x[v][i * M + m] = r[j] * tr;
                        }
                    }
                }
                for (int i = 0; i < sites.length; i++) {
                    for (int a = 0; a < M; a++) {
                        trace0[a] += x[0][i * M + a];
                        for (int b = 0; b < M; b++) {
                            gramA[a][b] += 0.5 * (x[0][i * M + a] * x[1][i * M + b] + x[1][i * M + a] * x[0][i * M + b]);
                        }
                    }
                }
            }
            double[] engine = computed.exact()[g][0];
            for (int a = 0; a < M; a++) {
                for (int b = 0; b <= a; b++) {
                    assertEquals(gramA[a][b], engine[a * (a + 1) / 2 + b], 1e-11 * Math.max(1, Math.abs(gramA[a][b])),
                            "group " + g + ", Γ_A[" + a + "][" + b + "]");
                }
                assertEquals(trace0[a], computed.moments().traces()[g][a], 1e-11 * Math.max(1, Math.abs(trace0[a])),
                        "group " + g + ", t_0[" + a + "]");
            }
        }
    }

    /**
     * T_n² = (T_2n + 1)/2 and T_{n+1}T_n = (T_2n+1 + T_1)/2 hold for the matrices, so the doubling trick
     * holds per site in expectation: E (T_n r)_k² = Σ_i T_n,ki² = (T_n²)_kk for ±1 entries on every site.
     * On a part S the expectation is Σ_{i∈S} T_n,ki², which is not (T_n²)_kk: the engine records X_j(m)
     * for every m instead.
     */
    @Test
    void theDoublingIdentitiesHoldPerSiteOnlyOverTheWholeLattice() {
        RealizationInput input = Dense.input(4, BoundaryCondition.OPEN, 3.0, Convention.SI);
        int n = input.sites();
        double[][][] t = chebyshev(input, 2 * 8 + 2);
        int[] part = VectorPartition.random(n, 4, 2, 42, 0, 0).parts()[0];
        boolean[] inPart = new boolean[n];
        for (int j : part) {
            inPart[j] = true;
        }
        double largestGap = 0;
        for (int nn = 1; nn <= 8; nn++) {
            double[][] square = product(t[nn], t[nn]);
            double[][] next = product(t[nn + 1], t[nn]);
            for (int k = 0; k < n; k++) {
                assertEquals((t[2 * nn][k][k] + 1) / 2, square[k][k], 1e-12, "T_n² = (T_2n + 1)/2 at site " + k);
                assertEquals((t[2 * nn + 1][k][k] + t[1][k][k]) / 2, next[k][k], 1e-12, "T_{n+1}T_n at site " + k);
                double all = 0;
                double onPart = 0;
                for (int i = 0; i < n; i++) {
                    all += t[nn][k][i] * t[nn][k][i];
                    onPart += inPart[i] ? t[nn][k][i] * t[nn][k][i] : 0;
                }
                assertEquals(square[k][k], all, 1e-12, "E (T_n r)_k² over the whole lattice");
                largestGap = Math.max(largestGap, Math.abs(square[k][k] - onPart));
            }
        }
        assertTrue(largestGap > 0.1, "on a part the doubled estimate misses Σ_{i∉S} T_n,ki²: " + largestGap);
    }
}
