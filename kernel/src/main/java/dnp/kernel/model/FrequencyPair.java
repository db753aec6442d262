package dnp.kernel.model;

/**
 * One (ω_n, ω_MW) combination evaluated on a diagonalization, in 2π·MHz.
 *
 * @param omegaN  nuclear Zeeman frequency ω_n (> 0)
 * @param omegaMW microwave frequency ω_MW
 */
public record FrequencyPair(double omegaN, double omegaMW) {
    public FrequencyPair {
        Bounds.positiveFrequency("ω_n (omega-n)", omegaN);
        Bounds.frequency("ω_MW (omega-mw)", omegaMW);
    }
}
