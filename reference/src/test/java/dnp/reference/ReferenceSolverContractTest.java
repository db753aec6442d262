package dnp.reference;

import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.EigenSolverContract;

/** The eigen-solver contract on the reference solver (Householder tridiagonalization, implicit QL). */
class ReferenceSolverContractTest extends EigenSolverContract {
    @Override
    protected EigenSolver solver() {
        return new ReferenceEigenSolver();
    }
}
