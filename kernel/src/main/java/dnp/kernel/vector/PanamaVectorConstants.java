package dnp.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API constants, in a class of their own so that nothing loads them without the module: only
 * the Panama implementations (here and in the kpm module) read them, and those are loaded only once
 * {@link VectorizationProvider} has chosen the Vector API.
 */
public final class PanamaVectorConstants {
    private PanamaVectorConstants() {}

    /** The widest double species this CPU supports (4 lanes with AVX2, 8 with AVX-512). */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    public static final int LANES = SPECIES.length();

    /** {@code panama(<bits>-bit)}: the name every Panama implementation reports. */
    public static String implementationName() {
        return "panama(" + SPECIES.vectorBitSize() + "-bit)";
    }
}
