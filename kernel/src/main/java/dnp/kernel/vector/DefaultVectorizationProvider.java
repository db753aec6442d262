package dnp.kernel.vector;

/** The scalar loops: the fallback where the Vector API cannot run, and the path {@code -Ddnp.vectorization=scalar} asks for. */
public final class DefaultVectorizationProvider extends VectorizationProvider {

    /** Public so that tests and benchmarks can compare against the scalar path in any JVM. */
    public DefaultVectorizationProvider() {
        super(new ScalarSpectralKernels(), new ScalarSturmCounter());
    }

    @Override
    public boolean usesVectorApi() {
        return false;
    }

    @Override
    public <T> T implementation(Family<T> family) {
        return family.type().cast(family.scalar().get());
    }
}
