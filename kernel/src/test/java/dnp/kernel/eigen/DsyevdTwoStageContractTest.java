package dnp.kernel.eigen;

/** The eigen-solver contract with eigenvalues alone through dsyevd_2stage at every order. */
class DsyevdTwoStageContractTest extends EigenSolverContract {
    @Override
    protected EigenSolver solver() {
        return new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD, 1);
    }
}
