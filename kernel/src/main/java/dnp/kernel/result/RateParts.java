package dnp.kernel.result;

/**
 * The three parts of the nuclear emission rate Ω(+ω_n) and absorption rate Ω(−ω_n) of Eq. 19, in
 * the computation's frequency unit (2π·MHz under {@code si}, the paper's numbers under {@code paper}).
 *
 * @param emitIss  three-spin (ISS) part of Ω_emit
 * @param emitPl   polarization-loss part of Ω_emit
 * @param emitLeak leakage part of Ω_emit, N_n·h(ω_n)/T_1n
 * @param absIss   ISS part of Ω_abs
 * @param absPl    polarization-loss part of Ω_abs
 * @param absLeak  leakage part of Ω_abs, N_n·h(−ω_n)/T_1n
 */
public record RateParts(double emitIss, double emitPl, double emitLeak, double absIss, double absPl,
                        double absLeak) {

    public double emit() {
        return emitIss + emitPl + emitLeak;
    }

    public double absorb() {
        return absIss + absPl + absLeak;
    }
}
