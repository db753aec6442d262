package dnp.kernel.vector;

import java.lang.invoke.MethodType;

/**
 * The Vector API implementations. Loaded only by {@link VectorizationProvider} after it has found the
 * module, so that its references to Panama classes never resolve without it.
 */
final class PanamaVectorizationProvider extends VectorizationProvider {

    PanamaVectorizationProvider() {
        super(new PanamaSpectralKernels(), new PanamaSturmCounter());
    }

    @Override
    public boolean usesVectorApi() {
        return true;
    }

    /**
     * The family's Vector API class. The module is present here, so a class that cannot be loaded is a
     * defect of the build, not of the machine: it is thrown, not hidden behind the scalar loops.
     */
    @Override
    public <T> T implementation(Family<T> family) {
        try {
            Class<?> panama = family.lookup().findClass(family.panamaClass());
            return family.type().cast(family.lookup().findConstructor(panama, MethodType.methodType(void.class)).invoke());
        } catch (Throwable ex) {
            throw new IllegalStateException("cannot load the Vector API implementation " + family.panamaClass(), ex);
        }
    }
}
