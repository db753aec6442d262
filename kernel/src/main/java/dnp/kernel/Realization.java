package dnp.kernel;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.physics.ObservableStage;
import dnp.kernel.physics.SpectralStatistics;
import dnp.kernel.result.RealizationResult;

/**
 * Entry point of the kernel: one disorder realization → every observable of the paper, from one
 * diagonalization (plus a second one for the optional sampled-GOE comparison).
 *
 * <pre>
 *   var input  = RealizationInput.defaults(8, 6.5, 42, 0);
 *   var result = Realization.compute(input);
 *   result.pairs().get(0).pn();
 * </pre>
 */
public final class Realization {
    private Realization() {}

    /** The default eigen stage: LAPACK dsyevd through the loaded provider. */
    public static EigenSolver defaultSolver() {
        return new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD);
    }

    public static RealizationResult compute(RealizationInput input) {
        return compute(input, defaultSolver());
    }

    public static RealizationResult compute(RealizationInput input, EigenSolver solver) {
        long t0 = System.nanoTime();
        DenseMatrix matrix = AndersonHamiltonian.build(input.lattice(), input.hopping(), input.disorder());
        double buildSeconds = (System.nanoTime() - t0) * 1e-9;
        long t1 = System.nanoTime();
        EigenDecomposition eigen;
        try {
            eigen = solver.decompose(matrix);
        } catch (RuntimeException ex) {
            matrix.close();
            throw ex;
        }
        try (eigen) {
            if (!solver.pairsFromOneFactorization()) {
                AndersonHamiltonian.refineEigenvalues(input.lattice(), input.hopping(), input.disorder(), eigen);
            }
            double eigenSeconds = (System.nanoTime() - t1) * 1e-9;
            return ObservableStage.compute(input, solver, eigen, buildSeconds, eigenSeconds);
        }
    }

    /**
     * The spectrum λ alone (ascending) of the Anderson matrix of a lattice, hopping and disorder, with the
     * routine that computed it.
     */
    public static EigenSolver.Levels levels(Lattice lattice, double hopping, Disorder disorder, EigenSolver solver) {
        try (DenseMatrix m = AndersonHamiltonian.build(lattice, hopping, disorder)) {
            return solver.levels(m);
        }
    }

    /**
     * Mean IPR of the eigenstates il…iu (1-based, ascending energy) of the Anderson matrix, found by
     * dsyevr's index range without the other eigenvectors.
     */
    public static double meanIpr(Lattice lattice, double hopping, Disorder disorder, int il, int iu) {
        return SpectralStatistics.meanIpr(window(lattice, hopping, disorder, il, iu).vectors());
    }

    /**
     * The eigenpairs il…iu (1-based, ascending energy) of the Anderson matrix, by dsyevr's index range
     * without the other eigenvectors.
     */
    public static LapackEigenSolver.Window window(Lattice lattice, double hopping, Disorder disorder, int il, int iu) {
        try (DenseMatrix m = AndersonHamiltonian.build(lattice, hopping, disorder)) {
            return new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR).window(m, il, iu);
        }
    }
}
