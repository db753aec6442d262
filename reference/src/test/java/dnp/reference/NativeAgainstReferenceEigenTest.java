package dnp.reference;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.eigen.EigenDecomposition;
import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Native LAPACK against the reference eigensolver on Anderson matrices, L = 3…8, periodic and
 * open: eigenvalues within 1e-10 relative, and eigenvectors compared without depending on their
 * signs or on the basis chosen inside degenerate eigenspaces: through the spectral projector of
 * each cluster of equal eigenvalues, Π = Σ_{α∈cluster} φ_α φ_αᵀ.
 */
class NativeAgainstReferenceEigenTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int size = 3; size <= 8; size++) {
            for (BoundaryCondition bc : BoundaryCondition.values()) {
                for (LapackEigenSolver.Routine driver : LapackEigenSolver.Routine.values()) {
                    cases.add(Arguments.of(size, bc, 6.5, 108.0, driver));   // generic, non-degenerate
                    if (size <= 6) {
                        cases.add(Arguments.of(size, bc, 1.0, 0.0, driver)); // w = 0: degenerate shells
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "L={0} {1} t={2} w={3} {4}")
    @MethodSource("cases")
    void spectraAndProjectorsAgree(int size, BoundaryCondition bc, double t, double w, LapackEigenSolver.Routine driver) {
        Lattice lattice = new Lattice(size, bc);
        Disorder disorder = Disorder.box(lattice.sites(), w, 21, size);
        EigenSolver lapack = new LapackEigenSolver(driver);
        try (EigenDecomposition fast = lapack.decompose(AndersonHamiltonian.build(lattice, t, disorder));
             EigenDecomposition slow = new ReferenceEigenSolver().decompose(AndersonHamiltonian.build(lattice, t, disorder))) {
            double[] a = fast.eigenvalues();
            double[] b = slow.eigenvalues();
            double scale = Math.max(Math.abs(a[0]), Math.abs(a[a.length - 1]));
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-10 * scale, "λ_" + i);
            }
            int n = a.length;
            int clusters = 0;
            for (int start = 0; start < n; ) {
                int end = start + 1;
                while (end < n && b[end] - b[end - 1] <= 1e-9 * scale) {
                    end++;
                }
                double difference = projectorDistance(fast.vectors(), slow.vectors(), start, end);
                assertTrue(difference <= 1e-9 * Math.sqrt(end - start),
                        "projector of cluster [" + start + ", " + end + ") differs by " + difference);
                clusters++;
                start = end;
            }
            assertTrue(w > 0 ? clusters == n : clusters < n, "w = 0 must have degenerate clusters");
        }
    }

    /** ‖Π_a − Π_b‖_F for the projectors on columns [from, to) of a and b. */
    static double projectorDistance(DenseMatrix a, DenseMatrix b, int from, int to) {
        int n = a.order();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double pa = 0;
                double pb = 0;
                for (int c = from; c < to; c++) {
                    pa += a.get(i, c) * a.get(j, c);
                    pb += b.get(i, c) * b.get(j, c);
                }
                double d = pa - pb;
                sum += (i == j ? 1 : 2) * d * d;
            }
        }
        return Math.sqrt(sum);
    }
}
