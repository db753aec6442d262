package dnp.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API constants, in a class of their own so that nothing loads them without the module. */
final class VectorConstants {
    private VectorConstants() {}

    /** The widest double species this CPU supports (4 lanes with AVX2, 8 with AVX-512). */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
}
