/**
 * The eigen stage: off-heap symmetric matrices, the {@link dnp.kernel.eigen.EigenSolver} contract and
 * its LAPACK implementation (dsyevd, dsyevr, index windows). Depends on native-bindings only.
 */
package dnp.kernel.eigen;
