package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.physics.ElectronPolarization;
import dnp.kernel.physics.ModelUnits;
import dnp.kernel.physics.NuclearPolarization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The KPM machinery without resolution error: with all sites, Σ_mn g_m g_n μ_mn F̂_mn equals the dense
 * Σ_αβ O_αβ F_M(x_α, x_β) for the kernel-smoothed F_M(x, y) = Σ_mn g_m g_n F̂_mn T_m(x) T_n(y), whatever F̂ is.
 * F̂ here are the Chebyshev–Gauss coefficients of the integrand of S0 + S1 + S2 (Eq. 19) of a pair.
 */
class KpmExactnessTest {

    @ParameterizedTest(name = "L={0} {1} t={2} {3} {4}")
    @CsvSource({"6, PERIODIC, 6.5, SI, JACKSON", "5, OPEN, 3.0, SI, JACKSON", "6, PERIODIC, 12, PAPER, JACKSON",
            "5, OPEN, 6.5, PAPER, LORENTZ", "4, PERIODIC, 0.0, SI, JACKSON"})
    void kernelSmoothedSumIsExact(int size, BoundaryCondition bc, double t, Convention convention, DampingKernel kernel) {
        RealizationInput input = Dense.input(size, bc, t, convention);
        Dense dense = Dense.of(input);
        int m = 40;
        KpmMoments mom = KpmEngine.compute(input, new KpmSettings(m, 0, kernel, 8, 2, 0));
        double a = mom.scale();
        double b = mom.shift();
        double[] g = kernel.factors(m);
        ModelUnits units = ModelUnits.of(input.physics(), convention);
        double omegaN = 5;
        // Coefficients of F(x, y) = L(ω_n + a(y − x))·(1 + P(x) − P(y) + P(x)P(y)) on q×q Chebyshev–Gauss nodes.
        int q = 2 * m;
        double[] nodes = new double[q];
        double[] nodeLambda = new double[q];
        for (int i = 0; i < q; i++) {
            nodes[i] = Math.cos(Math.PI * (i + 0.5) / q);
            nodeLambda[i] = a * nodes[i] + b;
        }
        double[] p = ElectronPolarization.biases(nodeLambda, input.physics(), units, 93860);
        double[][] cheb = chebyshev(nodes, m, null);
        double[][] fhat = new double[m][m];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double f = NuclearPolarization.lorentzian(omegaN + nodeLambda[j] - nodeLambda[i], units)
                        * (1 + p[i] - p[j] + p[i] * p[j]);
                for (int r = 0; r < m; r++) {
                    double fr = f * cheb[i][r];
                    for (int s = 0; s < m; s++) {
                        fhat[r][s] += fr * cheb[j][s];
                    }
                }
            }
        }
        for (int r = 0; r < m; r++) {
            for (int s = 0; s < m; s++) {
                fhat[r][s] *= (r == 0 ? 1 : 2) * (s == 0 ? 1 : 2) / ((double) q * q);
            }
        }
        // KPM side: Σ g_r g_s μ_rs F̂_rs.
        double[] mu = mom.pairMoments();
        double kpm = 0;
        for (int r = 0; r < m; r++) {
            for (int s = 0; s < m; s++) {
                kpm += g[r] * g[s] * mu[r * m + s] * fhat[r][s];
            }
        }
        // Dense side: Σ_αβ O_αβ F_M(x_α, x_β).
        int n = dense.lambda.length;
        double[] x = new double[n];
        for (int al = 0; al < n; al++) {
            x[al] = (dense.lambda[al] - b) / a;
        }
        double[][] tg = chebyshev(x, m, g);             // g_r T_r(x_α)
        double[][] left = new double[n][m];             // Σ_r g_r T_r(x_α) F̂_rs
        for (int al = 0; al < n; al++) {
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < m; s++) {
                    left[al][s] += tg[al][r] * fhat[r][s];
                }
            }
        }
        double exact = 0;
        for (int al = 0; al < n; al++) {
            for (int be = 0; be < n; be++) {
                double fm = 0;
                for (int s = 0; s < m; s++) {
                    fm += left[al][s] * tg[be][s];
                }
                exact += dense.overlap[al][be] * fm;
            }
        }
        assertEquals(exact, kpm, 1e-10 * Math.abs(exact), "Σ g g μ F̂ vs Σ O F_M");
        // The same identity for the global DOS: N Σ_r g_r μ̄_r … is covered by μ_00 = N.
        assertEquals(n, mu[0], 1e-12 * n, "μ_00 = Σ_αβ O_αβ = N (Eq. 26)");
    }

    /** out[i][r] = w_r T_r(x_i) (w = 1 if null). */
    static double[][] chebyshev(double[] x, int m, double[] w) {
        double[][] out = new double[x.length][m];
        for (int i = 0; i < x.length; i++) {
            double prev = 1;
            double cur = x[i];
            out[i][0] = 1;
            if (m > 1) {
                out[i][1] = cur;
            }
            for (int r = 2; r < m; r++) {
                double next = 2 * x[i] * cur - prev;
                out[i][r] = next;
                prev = cur;
                cur = next;
            }
            if (w != null) {
                for (int r = 0; r < m; r++) {
                    out[i][r] *= w[r];
                }
            }
        }
        return out;
    }
}
