package dnp.kernel.model;

/**
 * Microscopic parameters of Table I in the paper's units: times in seconds, frequencies in
 * 2π·MHz, temperature in kelvin. Conversion to the computation's units happens only in
 * {@code dnp.kernel.physics.ModelUnits}.
 *
 * @param t1e            electron relaxation time T_1e (s)
 * @param t2e            electron coherence time T_2e (s)
 * @param omega1         microwave amplitude ω_1 (2π·MHz)
 * @param t1n            nuclear relaxation time T_1n (s)
 * @param t2n            nuclear coherence time T_2n (s)
 * @param a0             hyperfine coupling A_0 (2π·MHz)
 * @param bathTemperature bath temperature T_bath (K)
 * @param omegaE         electron Zeeman frequency ω_e, the centre of the band (2π·MHz)
 * @param nuclearRatio   N_n/N_e, nuclei per electron (reference [36])
 */
public record PhysicalParameters(double t1e, double t2e, double omega1, double t1n, double t2n, double a0,
                                 double bathTemperature, double omegaE, double nuclearRatio) {

    /** Table I of the paper. */
    public static final PhysicalParameters TABLE_I =
            new PhysicalParameters(1.0, 1e-6, 0.025, 1e4, 1e-5, 0.00447, 1.2, 93900.0, 1000.0);

    /** Table I's ω_MW (2π·MHz). */
    public static final double DEFAULT_OMEGA_MW = 93860.0;
    /** Table I's ω_n (2π·MHz). */
    public static final double DEFAULT_OMEGA_N = 20.0;
    /** Disorder width w used throughout the paper (2π·MHz). */
    public static final double DEFAULT_DISORDER_WIDTH = 108.0;

    public PhysicalParameters {
        Bounds.time("T_1e (t1e)", t1e);
        Bounds.time("T_2e (t2e)", t2e);
        Bounds.frequency("ω_1 (omega1)", omega1);
        Bounds.time("T_1n (t1n)", t1n);
        Bounds.time("T_2n (t2n)", t2n);
        Bounds.frequency("A_0 (a0)", a0);
        Bounds.temperature("T_bath (bath-temperature)", bathTemperature);
        Bounds.frequency("ω_e (omega-e)", omegaE);
        Bounds.ratio("N_n/N_e (nuclear-ratio)", nuclearRatio);
    }

    public PhysicalParameters withT2n(double value) {
        return new PhysicalParameters(t1e, t2e, omega1, t1n, value, a0, bathTemperature, omegaE, nuclearRatio);
    }

    public PhysicalParameters withOmega1(double value) {
        return new PhysicalParameters(t1e, t2e, value, t1n, t2n, a0, bathTemperature, omegaE, nuclearRatio);
    }
}
