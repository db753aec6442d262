package dnp.kpm;

import java.util.Locale;

/**
 * How the site sums of the KPM route are estimated: from the local moments of S sampled sites
 * ({@link KpmEngine}, {@link KpmEvaluator}: exact with all sites, error ∝ 1/√S), or from random vectors
 * on random parts of the lattice, every site at once ({@link VectorEngine}, {@link VectorEvaluator};
 * docs/model.md, "The stochastic-vector estimator").
 */
public enum Estimator {
    SITES, VECTORS;

    /** The name in options and outputs: {@code sites}, {@code vectors}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
