package dnp.kernel.eigen;

/** The eigen-solver contract on LAPACK dsyevd (divide and conquer). */
class DsyevdContractTest extends EigenSolverContract {
    @Override
    protected EigenSolver solver() {
        return new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD);
    }
}
