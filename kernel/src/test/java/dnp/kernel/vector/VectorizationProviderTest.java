package dnp.kernel.vector;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one provider: every family it hands out follows its single decision. */
class VectorizationProviderTest {

    interface Doubler {
        double apply(double x);
    }

    /** A family declared outside the kernel, with a scalar implementation and a Vector API class that is not there. */
    static final class ScalarDoubler implements Doubler {
        @Override
        public double apply(double x) {
            return 2 * x;
        }
    }

    @Test
    void everyKernelFamilyFollowsTheProvider() {
        VectorizationProvider p = VectorizationProvider.getInstance();
        assertEquals(p.name(), p.spectralKernels().name());
        assertEquals(p.name(), p.sturmCounter().name());
        assertEquals(p.vectorBits(), p.spectralKernels().vectorBits());
        assertEquals(p.usesVectorApi(), p.name().startsWith("panama"));
        if (VectorizationProvider.scalarRequested()) {
            assertInstanceOf(DefaultVectorizationProvider.class, p);
        } else {
            // Fails when the SIMD path silently fell back (the build runs with the module added).
            assertTrue(p.usesVectorApi(), "expected the Vector API provider, got " + p.name()
                    + VectorizationProvider.panamaUnavailable().map(w -> " (" + w + ")").orElse(""));
        }
        assertTrue(VectorizationProvider.panama().isPresent(), "the Vector API can run in the test JVM");
    }

    @Test
    void familiesFromOtherModulesGetTheScalarOrTheNamedClass() {
        Supplier<Doubler> scalar = ScalarDoubler::new;
        var missing = new VectorizationProvider.Family<>(Doubler.class, MethodHandles.lookup(), "dnp.kernel.vector.NoSuchDoubler", scalar);
        assertInstanceOf(ScalarDoubler.class, new DefaultVectorizationProvider().implementation(missing));
        // On the Panama path a Vector API class that cannot be loaded is a defect: thrown, not replaced by the scalar one.
        VectorizationProvider panama = VectorizationProvider.panama().orElseThrow();
        assertThrows(IllegalStateException.class, () -> panama.implementation(missing));
        var present = new VectorizationProvider.Family<>(SpectralKernels.class, MethodHandles.lookup(),
                "dnp.kernel.vector.PanamaSpectralKernels", ScalarSpectralKernels::new);
        assertInstanceOf(PanamaSpectralKernels.class, panama.implementation(present));
    }
}
