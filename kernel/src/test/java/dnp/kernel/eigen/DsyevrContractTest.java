package dnp.kernel.eigen;

/** The eigen-solver contract on LAPACK dsyevr (relatively robust representations). */
class DsyevrContractTest extends EigenSolverContract {
    @Override
    protected EigenSolver solver() {
        return new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVR);
    }
}
