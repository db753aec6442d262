package dnp.kpm;

import dnp.kernel.eigen.DenseMatrix;
import dnp.kernel.model.AndersonHamiltonian;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The block stencil against the dense matrix–vector product, and SIMD against scalar. */
class StencilTest {

    @ParameterizedTest(name = "L={0} {1} B={2}")
    @CsvSource({"3, PERIODIC, 8", "4, PERIODIC, 16", "5, PERIODIC, 3", "6, PERIODIC, 8", "2, OPEN, 8", "4, OPEN, 8",
            "5, OPEN, 5", "7, OPEN, 16"})
    void matchesDenseProduct(int size, BoundaryCondition bc, int b) {
        Lattice lattice = new Lattice(size, bc);
        int n = lattice.sites();
        double t = 6.5;
        Disorder disorder = Disorder.box(n, 108, 3, size);
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, t, disorder, 1.0, 0.0); // H̃ = M itself
        Random random = new Random(size);
        double[] x = new double[BlockStencil.length(h, b)];
        for (int i = 0; i < n * b; i++) {
            x[i] = random.nextGaussian();
        }
        double[] prev = new double[x.length];
        for (int i = 0; i < n * b; i++) {
            prev[i] = random.nextGaussian();
        }
        try (DenseMatrix m = AndersonHamiltonian.build(lattice, t, disorder)) {
            double[] expectedProduct = new double[n * b];
            double[] expectedStep = new double[n * b];
            double scaleOfValues = 0;
            for (int c = 0; c < b; c++) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += m.get(i, j) * x[j * b + c];
                    }
                    expectedProduct[i * b + c] = s;
                    expectedStep[i * b + c] = 2 * s - prev[i * b + c];
                    scaleOfValues = Math.max(scaleOfValues, Math.abs(s));
                }
            }
            for (BlockStencil stencil : stencils()) {
                double[] y = new double[x.length];
                stencil.apply(h, b, x, y, 1.0, false, null, null);
                assertClose(expectedProduct, y, n * b, 1e-13 * scaleOfValues, stencil.name() + " H·V");
                double[] out = prev.clone();
                double[] xx = new double[b];
                double[] xo = new double[b];
                stencil.apply(h, b, x, out, 2.0, true, xx, xo);
                assertClose(expectedStep, out, n * b, 1e-13 * scaleOfValues, stencil.name() + " Chebyshev step");
                for (int c = 0; c < b; c++) {
                    double dxx = 0;
                    double dxo = 0;
                    for (int i = 0; i < n; i++) {
                        dxx += x[i * b + c] * x[i * b + c];
                        dxo += expectedStep[i * b + c] * x[i * b + c];
                    }
                    assertEquals(dxx, xx[c], 1e-13 * dxx, "⟨x|x⟩");
                    assertEquals(dxo, xo[c], 1e-13 * n * scaleOfValues * 4, "⟨out|x⟩");
                }
                assertEquals(0.0, out[n * b], "zero row stays zero");
            }
        }
    }

    @ParameterizedTest(name = "L={0} {1} B={2}")
    @CsvSource({"6, PERIODIC, 8", "5, OPEN, 16", "4, PERIODIC, 32", "3, OPEN, 24"})
    void simdEqualsScalar(int size, BoundaryCondition bc, int b) {
        BlockStencil panama = Stencils.panamaOrNull();
        assumeTrue(panama != null, "Vector API not available");
        Lattice lattice = new Lattice(size, bc);
        ScaledHamiltonian h = ScaledHamiltonian.of(lattice, 6.5, Disorder.box(lattice.sites(), 108, 5, 1), 0.01);
        Random random = new Random(11);
        double[] x = new double[BlockStencil.length(h, b)];
        double[] prev = new double[x.length];
        for (int i = 0; i < lattice.sites() * b; i++) {
            x[i] = random.nextGaussian();
            prev[i] = random.nextGaussian();
        }
        double[] a1 = prev.clone();
        double[] a2 = prev.clone();
        double[] xx1 = new double[b], xo1 = new double[b], xx2 = new double[b], xo2 = new double[b];
        new ScalarBlockStencil().apply(h, b, x, a1, 2.0, true, xx1, xo1);
        panama.apply(h, b, x, a2, 2.0, true, xx2, xo2);
        // Same operations in the same order, no FMA: identical, not merely close.
        assertArrayEquals(a1, a2);
        assertArrayEquals(xx1, xx2);
        assertArrayEquals(xo1, xo2);
    }

    /** Fails when the stencil silently fell back to the scalar loops: it follows the kernel's one provider. */
    @Test
    void vectorStencilIsUsedUnlessScalarWasAskedFor() {
        String name = Stencils.preferred().name();
        assertEquals(dnp.kernel.vector.VectorizationProvider.getInstance().name(), name);
        if (dnp.kernel.vector.VectorizationProvider.scalarRequested()) {
            assertEquals("scalar", name);
        } else {
            assertTrue(name.startsWith("panama"), "expected the Vector API stencil, got " + name);
        }
    }

    private static BlockStencil[] stencils() {
        BlockStencil panama = Stencils.panamaOrNull();
        return panama == null ? new BlockStencil[] {new ScalarBlockStencil(), Stencils.preferred()}
                : new BlockStencil[] {new ScalarBlockStencil(), panama, Stencils.preferred()};
    }

    private static void assertClose(double[] expected, double[] actual, int count, double tol, String what) {
        for (int i = 0; i < count; i++) {
            assertEquals(expected[i], actual[i], tol, what + " at " + i);
        }
    }
}
