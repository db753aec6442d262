package dnp.kernel.vector;

/** The scalar loops: the fallback where the Vector API cannot run, and the path {@code -Ddnp.vectorization=scalar} asks for. */
public final class DefaultVectorizationProvider extends VectorizationProvider {

    // Both are stateless: one instance serves every caller.
    private final SpectralKernels kernels = new ScalarSpectralKernels();
    private final SturmCounter sturm = new ScalarSturmCounter();

    /** Public so that tests and benchmarks can compare against the scalar path in any JVM. */
    public DefaultVectorizationProvider() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int vectorBits() {
        return Double.SIZE;
    }

    @Override
    public boolean usesVectorApi() {
        return false;
    }

    @Override
    public SpectralKernels spectralKernels() {
        return kernels;
    }

    @Override
    public SturmCounter sturmCounter() {
        return sturm;
    }

    @Override
    public <T> T implementation(Family<T> family) {
        return family.type().cast(family.scalar().get());
    }
}
