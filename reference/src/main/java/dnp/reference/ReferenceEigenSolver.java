package dnp.reference;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;

/**
 * A pure-Java symmetric eigensolver, written for clarity rather than speed: Householder reduction
 * to tridiagonal form followed by the implicit QL algorithm with Wilkinson-type shifts (procedures
 * tred2 and tql2 of Wilkinson and Reinsch, Handbook for Automatic Computation, Vol. II, 1971, as in
 * EISPACK). O(N³) work on plain {@code double[][]} arrays, no dependencies.
 *
 * <p>The eigenvectors overwrite the given matrix in place: column α holds eigenvector α, so
 * φ_αj = {@code vectors.get(j, α)}, and the eigenvalues come in ascending order.
 */
public final class ReferenceEigenSolver implements EigenSolver {

    /** QL sweeps allowed per eigenvalue before giving up (two or three are typical). */
    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public EigenDecomposition decompose(DenseMatrix matrix) {
        int n = matrix.order();
        double[][] vectors = lowerTriangleSymmetrized(matrix);
        double[] values = new double[n];
        diagonalize(vectors, values);
        for (int alpha = 0; alpha < n; alpha++) {
            for (int j = 0; j < n; j++) {
                matrix.set(j, alpha, vectors[j][alpha]);
            }
        }
        return new EigenDecomposition(values, matrix);
    }

    @Override
    public Levels levels(DenseMatrix matrix) {
        double[][] vectors = lowerTriangleSymmetrized(matrix);
        double[] values = new double[matrix.order()];
        diagonalize(vectors, values);
        return new Levels(values, name());
    }

    /** A[i][j] = A[j][i] = matrix(i, j) for i ≥ j: only the lower triangle is read. */
    private static double[][] lowerTriangleSymmetrized(DenseMatrix matrix) {
        int n = matrix.order();
        double[][] a = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double value = matrix.get(i, j);
                a[i][j] = value;
                a[j][i] = value;
            }
        }
        return a;
    }

    /**
     * Diagonalizes the symmetric matrix {@code a}: on return {@code values} holds the eigenvalues
     * ascending and column α of {@code a} the orthonormal eigenvector of {@code values[α]}.
     */
    static void diagonalize(double[][] a, double[] values) {
        int n = a.length;
        if (n == 0) {
            return;
        }
        double[] offDiagonal = new double[n];
        householderTridiagonalize(a, values, offDiagonal);
        implicitQl(a, values, offDiagonal);
        sortAscending(a, values);
    }

    /**
     * tred2: orthogonal similarity transformation A = Z T Zᵀ with T tridiagonal. On return
     * {@code d} is the diagonal of T, {@code e[i]} its subdiagonal element T(i, i−1) (e[0] = 0),
     * and {@code v} holds Z.
     */
    private static void householderTridiagonalize(double[][] v, double[] d, double[] e) {
        int n = v.length;
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
        }
        // Annihilate row i left of the subdiagonal, for i = n−1 down to 1, with a Householder
        // reflector P = I − u uᵀ/h; d holds the current row i (then u) during step i.
        for (int i = n - 1; i > 0; i--) {
            double scale = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            double h = 0;
            if (scale == 0) {
                // Row already reduced: nothing to reflect.
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                    v[j][i] = 0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = f > 0 ? -Math.sqrt(h) : Math.sqrt(h);
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                // p = A u / h (in e), then K = uᵀp/(2h) and q = p − K u; A ← A − u qᵀ − q uᵀ.
                for (int j = 0; j < i; j++) {
                    e[j] = 0;
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k < i; k++) {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k < i; k++) {
                        v[k][j] -= f * e[k] + g * d[k];
                    }
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                }
            }
            d[i] = h;
        }
        // Accumulate the reflectors into Z = P_{n−1} ⋯ P_1.
        for (int i = 0; i < n - 1; i++) {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = v[k][i + 1] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += v[k][i + 1] * v[k][j];
                    }
                    for (int k = 0; k <= i; k++) {
                        v[k][j] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                v[k][i + 1] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0;
        }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /**
     * tql2: diagonalizes the tridiagonal T (diagonal d, subdiagonal e as left by
     * {@link #householderTridiagonalize}) by implicitly shifted QL sweeps of Givens rotations,
     * applying every rotation to the columns of {@code v}. On return d holds the eigenvalues
     * (unsorted) and column α of v the eigenvector of d[α].
     */
    private static void implicitQl(double[][] v, double[] d, double[] e) {
        int n = v.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double shiftSum = 0;
        double norm = 0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            norm = Math.max(norm, Math.abs(d[l]) + Math.abs(e[l]));
            // Find the first negligible subdiagonal element e[m], m ≥ l: T splits there.
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > eps * norm) {
                m++;
            }
            if (m > l) {
                int sweeps = 0;
                do {
                    if (++sweeps > MAX_SWEEPS_PER_EIGENVALUE) {
                        throw new ArithmeticException("QL iteration did not converge for eigenvalue " + l);
                    }
                    // Shift: the eigenvalue of the leading 2×2 block closer to d[l].
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    shiftSum += h;
                    // One implicit QL sweep from m − 1 up to l.
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        for (int k = 0; k < n; k++) {
                            h = v[k][i + 1];
                            v[k][i + 1] = s * v[k][i] + c * h;
                            v[k][i] = c * v[k][i] - s * h;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * norm);
            }
            d[l] += shiftSum;
            e[l] = 0;
        }
    }

    /** Sorts the eigenvalues ascending, permuting the eigenvector columns with them. */
    private static void sortAscending(double[][] v, double[] d) {
        int n = d.length;
        for (int i = 0; i < n - 1; i++) {
            int smallest = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[smallest]) {
                    smallest = j;
                }
            }
            if (smallest != i) {
                double value = d[i];
                d[i] = d[smallest];
                d[smallest] = value;
                for (int k = 0; k < n; k++) {
                    double component = v[k][i];
                    v[k][i] = v[k][smallest];
                    v[k][smallest] = component;
                }
            }
        }
    }
}
