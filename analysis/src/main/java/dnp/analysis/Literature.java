package dnp.analysis;

/** Values from the literature that outputs compare against, each with its source. */
public final class Literature {
    private Literature() {}

    /**
     * Critical disorder of the 3D Anderson model with box disorder, w/t_c = 16.530 (95% interval
     * 16.524–16.536): Rodriguez, Vasquez, Slevin, Römer, PRB 84, 134209 (2011).
     */
    public static final double CRITICAL_RATIO = 16.530;
    public static final String CRITICAL_RATIO_SOURCE =
            "Rodriguez, Vasquez, Slevin, Römer, PRB 84, 134209 (2011): 16.530 (16.524–16.536)";

    /**
     * Critical exponent of the localization length, ν = 1.590 (95% interval 1.579–1.602): Rodriguez,
     * Vasquez, Slevin, Römer, PRB 84, 134209 (2011).
     */
    public static final double CRITICAL_NU = 1.590;
    public static final String CRITICAL_NU_SOURCE =
            "Rodriguez, Vasquez, Slevin, Römer, PRB 84, 134209 (2011): 1.590 (1.579–1.602)";

    /** Mean adjacent-gap ratio of uncorrelated (Poisson) levels, 2 ln 2 − 1 ≈ 0.3863 (Atas et al., PRL 110, 084101 (2013)). */
    public static final double GAP_RATIO_POISSON = 2 * Math.log(2) - 1;
    /** Mean adjacent-gap ratio of the GOE, 0.5307 (Atas et al., PRL 110, 084101 (2013)). */
    public static final double GAP_RATIO_GOE = 0.5307;

    /** The correlation dimension at the transition the paper quotes, d_2 ≈ 1.44 (PRB 98, 224202, below Eq. 32, citing its refs. 32, 35). */
    public static final double PAPER_D2 = 1.44;
    public static final String PAPER_D2_SOURCE = "Rodríguez-Arias et al., PRB 98, 224202 (2018), below Eq. 32: d_2 ≈ 1.44";
    /** The paper's exponent of C(ω) ∝ ω^(−μ) at the transition, μ = 1 − d_2/d ≈ 0.52 (PRB 98, 224202, Eq. 33). */
    public static final double PAPER_MU = 0.52;

    /** Dimension d of the Anderson lattice, in μ = 1 − D_2/d (Eq. 33) and δt ∝ ω_n^(1/(dν)) (Eq. 34). */
    public static final int DIMENSION = 3;

    /**
     * Correlation dimension D_2 at the transition of the 3D Anderson model, about 1.2–1.3 (multifractal
     * finite-size scaling): Rodriguez, Vasquez, Slevin, Römer, PRB 84, 134209 (2011).
     */
    public static final double CRITICAL_D2_LOW = 1.2;
    public static final double CRITICAL_D2_HIGH = 1.3;
    public static final String CRITICAL_D2_SOURCE =
            "Rodriguez, Vasquez, Slevin, Römer, PRB 84, 134209 (2011): D_2 ≈ 1.2–1.3, ν = 1.590";

    /** μ = 1 − D_2/d (Eq. 33). */
    public static double muFromD2(double d2) {
        return 1 - d2 / DIMENSION;
    }

    /** The exponent of the peak width δt ∝ ω_n^(1/(dν)) (Eq. 34) with the literature ν: 0.2096. */
    public static double widthExponent() {
        return 1 / (DIMENSION * CRITICAL_NU);
    }

    /**
     * Correlation dimension of critical eigenstates of the 3D Anderson model (orthogonal class),
     * D_2 = d + Δ_2 ≈ 1.3, from the system-size scaling of the ensemble-averaged IPR: Mildenberger, Evers,
     * Mirlin, PRB 66, 033109 (2002), reviewed in Evers and Mirlin, Rev. Mod. Phys. 80, 1355 (2008).
     */
    public static final double D2 = 1.3;
    public static final String D2_SOURCE = "Mildenberger, Evers, Mirlin, PRB 66, 033109 (2002); Evers, Mirlin, "
            + "Rev. Mod. Phys. 80, 1355 (2008): D_2 ≈ 1.3 (3D orthogonal class)";
    /**
     * μ = 1 − D_2/d for the overlap function C(ω) ∝ ω^(−μ) (Chalker's relation, confirmed for the 3D
     * Anderson model by Cuevas and Kravtsov, PRB 76, 235119 (2007)), with D_2 = {@link #D2}.
     */
    public static final double MU_FROM_D2 = muFromD2(D2);
    public static final String MU_SOURCE = "μ = 1 − D_2/3 (Cuevas, Kravtsov, PRB 76, 235119 (2007)) with D_2 ≈ 1.3";
}
