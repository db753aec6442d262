package dnp.kernel.model;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The Anderson matrix of Eq. 7, centred: M_ij = Δ_i δ_ij − t·[i, j nearest neighbours].
 * ω_e is never put on the diagonal (it would cost four decimal digits): ε_α = ω_e + λ_α.
 */
public final class AndersonHamiltonian {
    private AndersonHamiltonian() {}

    /**
     * Builds M into a new off-heap matrix, both triangles filled. Periodic boundaries need L ≥ 3
     * (checked by {@link Lattice}); each bond is written once per direction, so L = 3 has no
     * double bonds.
     */
    public static DenseMatrix build(Lattice lattice, double hopping, Disorder disorder) {
        int n = lattice.sites();
        if (disorder.sites() != n) {
            throw new IllegalArgumentException("disorder has " + disorder.sites() + " values, lattice has " + n);
        }
        DenseMatrix m = DenseMatrix.zeros(n);
        fill(lattice, hopping, disorder, m);
        return m;
    }

    /** Writes M into {@code m} (which must be zero off the bonds). */
    public static void fill(Lattice lattice, double hopping, Disorder disorder, DenseMatrix m) {
        int size = lattice.size();
        boolean periodic = lattice.boundary() == BoundaryCondition.PERIODIC;
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = lattice.index(x, y, z);
                    m.set(i, i, disorder.at(i));
                    // Bonds to the +x, +y, +z neighbour; the −direction bonds are the same bonds seen
                    // from the other site.
                    if (x + 1 < size || periodic) {
                        bond(m, i, lattice.index((x + 1) % size, y, z), hopping);
                    }
                    if (y + 1 < size || periodic) {
                        bond(m, i, lattice.index(x, (y + 1) % size, z), hopping);
                    }
                    if (z + 1 < size || periodic) {
                        bond(m, i, lattice.index(x, y, (z + 1) % size), hopping);
                    }
                }
            }
        }
    }

    private static void bond(DenseMatrix m, int i, int j, double hopping) {
        m.set(i, j, -hopping);
        m.set(j, i, -hopping);
    }

    /**
     * Replaces each eigenvalue λ_α of a decomposition of M by the Rayleigh quotient φ_αᵀMφ_α/φ_αᵀφ_α,
     * evaluated on the lattice (7 terms per site) in twice the working precision (error-free
     * products by FMA and error-free sums, Ogita–Rump–Oishi "Dot2"). For a computed eigenvector with
     * residual r, (quotient, vector) is an exact eigenpair of a matrix within ‖r‖ of M: used for
     * solvers whose eigenvalues and eigenvectors come from separate computations
     * ({@link dnp.kernel.eigen.EigenSolver#pairsFromOneFactorization()}), so that the strongly
     * cancelling rate sums of Eq. 19 at large t see consistent pairs (docs/model.md#numerical-accuracy).
     * Values of one ascending run that rounding would put out of order are tied to their predecessor.
     */
    public static void refineEigenvalues(Lattice lattice, double hopping, Disorder disorder, EigenDecomposition eigen) {
        int n = lattice.sites();
        double[] lambda = eigen.eigenvalues();
        MemorySegment vectors = eigen.vectors().segment();
        double[] onsite = disorder.values();
        java.util.stream.IntStream.range(0, n).parallel().forEach(alpha ->
                lambda[alpha] = rayleighQuotient(lattice, hopping, onsite, vectors, (long) n * alpha));
        for (int a = 1; a < n; a++) {
            lambda[a] = Math.max(lambda[a], lambda[a - 1]);
        }
    }

    /** φᵀMφ/φᵀφ for φ = vectors[offset, offset + N) in double-double accumulation. */
    private static double rayleighQuotient(Lattice lattice, double hopping, double[] onsite, MemorySegment vectors,
                                           long offset) {
        int size = lattice.size();
        boolean periodic = lattice.boundary() == BoundaryCondition.PERIODIC;
        DoubleDouble diagonal = new DoubleDouble();
        DoubleDouble bonds = new DoubleDouble();
        DoubleDouble norm = new DoubleDouble();
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = lattice.index(x, y, z);
                    double phi = vectors.getAtIndex(ValueLayout.JAVA_DOUBLE, offset + i);
                    double square = phi * phi;
                    double squareError = Math.fma(phi, phi, -square);
                    norm.add(square);
                    norm.add(squareError);
                    diagonal.addProduct(onsite[i], square);
                    diagonal.add(onsite[i] * squareError);
                    if (x + 1 < size || periodic) {
                        bonds.addProduct(phi, vectors.getAtIndex(ValueLayout.JAVA_DOUBLE,
                                offset + lattice.index((x + 1) % size, y, z)));
                    }
                    if (y + 1 < size || periodic) {
                        bonds.addProduct(phi, vectors.getAtIndex(ValueLayout.JAVA_DOUBLE,
                                offset + lattice.index(x, (y + 1) % size, z)));
                    }
                    if (z + 1 < size || periodic) {
                        bonds.addProduct(phi, vectors.getAtIndex(ValueLayout.JAVA_DOUBLE,
                                offset + lattice.index(x, y, (z + 1) % size)));
                    }
                }
            }
        }
        // φᵀMφ = Σ Δ_i φ_i² − 2t Σ_bonds φ_i φ_j (each bond once, both triangles of M).
        DoubleDouble numerator = diagonal;
        numerator.addProduct(-2 * hopping, bonds.high);
        numerator.add(-2 * hopping * bonds.low);
        return (numerator.high + numerator.low) / (norm.high + norm.low);
    }

    /** An unevaluated sum high + low accumulated with error-free transformations. */
    private static final class DoubleDouble {
        double high;
        double low;

        /** Adds x with Knuth's TwoSum; the rounding error goes to the low part. */
        void add(double x) {
            double s = high + x;
            double b = s - high;
            low += (high - (s - b)) + (x - b);
            high = s;
        }

        /** Adds a·b exactly up to the low part: TwoProduct by FMA. */
        void addProduct(double a, double b) {
            double p = a * b;
            add(p);
            low += Math.fma(a, b, -p);
        }
    }
}
