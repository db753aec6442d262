package dnp.kernel.model;

import dnp.kernel.eigen.DenseMatrix;

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
}
