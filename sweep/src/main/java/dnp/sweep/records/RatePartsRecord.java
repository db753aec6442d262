package dnp.sweep.records;

/** The three parts of a rate Ω(±ω_n) (Eq. 19): three-spin (ISS), polarization loss (PL) and leakage. */
public record RatePartsRecord(double iss, double pl, double leakage) {
    public double total() {
        return iss + pl + leakage;
    }
}
