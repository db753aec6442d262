package dnp.kpm;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.PhysicalParameters;
import dnp.kernel.model.RealizationInput;

import java.util.List;

/** Dense eigen decomposition and overlap matrix for the tests (small L only). */
final class Dense {
    final double[] lambda;
    final double[][] overlap; // O_αβ

    private Dense(double[] lambda, double[][] overlap) {
        this.lambda = lambda;
        this.overlap = overlap;
    }

    static final List<FrequencyPair> PAIRS = List.of(new FrequencyPair(20, 93860), new FrequencyPair(5, 93860),
            new FrequencyPair(20, 93880));

    static RealizationInput input(int size, BoundaryCondition bc, double t, Convention convention) {
        Lattice lattice = new Lattice(size, bc);
        return new RealizationInput(lattice, t, Disorder.box(lattice.sites(), 108, 7, size), PhysicalParameters.TABLE_I,
                PAIRS, AnalysisOptions.DEFAULTS, convention);
    }

    static Dense of(RealizationInput input) {
        int n = input.sites();
        DenseMatrix h = AndersonHamiltonian.build(input.lattice(), input.hopping(), input.disorder());
        try (EigenDecomposition e = new LapackEigenSolver(LapackEigenSolver.Routine.DSYEVD).decompose(h)) {
            double[][] q = new double[n][n]; // q[α][j] = φ_αj²
            for (int a = 0; a < n; a++) {
                for (int j = 0; j < n; j++) {
                    double phi = e.vectors().get(j, a);
                    q[a][j] = phi * phi;
                }
            }
            double[][] o = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += q[a][j] * q[b][j];
                    }
                    o[a][b] = s;
                    o[b][a] = s;
                }
            }
            return new Dense(e.eigenvalues().clone(), o);
        }
    }
}
