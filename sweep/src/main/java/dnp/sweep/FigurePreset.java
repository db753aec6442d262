package dnp.sweep;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.PhysicalParameters;

import java.util.List;

/**
 * The sweep behind each of the paper's Figs. 2–7, the checks of Eq. 24 and Eq. 29 and the ω_MW profile of
 * the enhancement ε: the published
 * size and number of realizations (docs/model.md#parameters-table-i, the paper's figure captions), a
 * quick default that runs in minutes on 2 cores, the hoppings, the frequency pairs and the binning.
 *
 * @param name       "2" … "7", "eq24", "eq29" or "profile"
 * @param analysis   the analysis options of the figure (energy bins, ω bins, sampled GOE)
 */
public record FigurePreset(String name, List<Integer> quickSizes, int quickRealizations, List<Integer> paperSizes,
                           int paperRealizations, List<Double> hoppings, List<Double> omegaN, List<Double> omegaMW,
                           AnalysisOptions analysis) {

    /** Hoppings of the P_n(t) figures, 2π·MHz, around t_c ≈ 6.5 on a log axis. */
    public static final List<Double> HOPPINGS = List.of(1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 12.0, 15.0,
            20.0, 30.0, 40.0, 60.0);

    /** Hoppings of the Eq. 29 check: below t_c, near it (t_c ≈ 6.53) and deep in the extended phase. */
    public static final List<Double> CHECK_HOPPINGS = List.of(3.0, 6.5, 30.0);

    /** Hoppings of the ε profile: localized, near t_c ≈ 6.53 and extended. */
    public static final List<Double> PROFILE_HOPPINGS = List.of(2.0, 6.5, 20.0);

    /**
     * ω_MW of the ε profile, 2π·MHz: ω_e ± 120 in steps of 5, across the centre of the electron band
     * (|λ| ≤ w/2 + 6t, 54 + 6t wide on each side).
     */
    public static final List<Double> PROFILE_OMEGA_MW = java.util.stream.IntStream.rangeClosed(-24, 24)
            .mapToObj(k -> PhysicalParameters.TABLE_I.omegaE() + 5.0 * k).toList();

    /** The names {@link #of} accepts. */
    public static final List<String> NAMES = List.of("2", "3", "4", "5", "6", "7", "eq24", "eq29", "profile");

    private static final List<Double> DEFAULT_OMEGA_N = List.of(PhysicalParameters.DEFAULT_OMEGA_N);
    private static final List<Double> DEFAULT_OMEGA_MW = List.of(PhysicalParameters.DEFAULT_OMEGA_MW);

    public static FigurePreset of(String name) {
        AnalysisOptions base = AnalysisOptions.DEFAULTS;
        return switch (name) {
            // DOS figures: fewer, wider energy bins and more realizations for smooth histograms.
            case "2" -> new FigurePreset(name, List.of(8), 24, List.of(8), 100, List.of(1.0, 5.0, 8.0, 14.0),
                    DEFAULT_OMEGA_N, DEFAULT_OMEGA_MW, base.withEnergyBins(40));
            case "3", "5" -> new FigurePreset(name, List.of(10), 8, List.of(18), 60, HOPPINGS, DEFAULT_OMEGA_N,
                    DEFAULT_OMEGA_MW, base.withEnergyBins(64));
            case "4" -> new FigurePreset(name, List.of(10), 8, List.of(18), 60, HOPPINGS,
                    List.of(5.0, 10.0, 20.0, 30.0, 40.0), List.of(93860.0, 93870.0, 93880.0, 93890.0),
                    base.withEnergyBins(64));
            case "6" -> new FigurePreset(name, List.of(8), 24, List.of(8), 100, List.of(2.0, 6.5, 20.0, 50.0),
                    DEFAULT_OMEGA_N, DEFAULT_OMEGA_MW, base.withEnergyBins(40));
            case "7" -> new FigurePreset(name, List.of(10), 8, List.of(20), 10, HOPPINGS,
                    List.of(1.0, 2.0, 3.0, 4.0, 5.0), DEFAULT_OMEGA_MW, base.withEnergyBins(64));
            // Eq. 24 from the binned K: 128 energy bins keep the bins (1–7 2π·MHz wide) well below ω_n = 20.
            case "eq24" -> new FigurePreset(name, List.of(8), 8, List.of(18), 60, HOPPINGS, DEFAULT_OMEGA_N,
                    DEFAULT_OMEGA_MW, base.withEnergyBins(128));
            // Eq. 29 against L: sampled GOE on, ω bins of 0.1 (below the level spacing of L ≤ 10) up to 30.
            case "eq29" -> new FigurePreset(name, List.of(4, 6, 8, 10), 6, List.of(6, 8, 10, 12, 14, 16), 20,
                    CHECK_HOPPINGS, DEFAULT_OMEGA_N, DEFAULT_OMEGA_MW,
                    base.withEnergyBins(64).withCorrelatorBinWidth(0.1).withCorrelatorMaxOmega(30).withSampledGoe(true));
            // The DNP frequency profile: ε against ω_MW at ω_n = 20 for three hoppings.
            case "profile" -> new FigurePreset(name, List.of(8), 8, List.of(12), 20, PROFILE_HOPPINGS, DEFAULT_OMEGA_N,
                    PROFILE_OMEGA_MW, base);
            default -> throw new UserInputException("figure " + name + " is not one of the paper's figures 2–7 "
                    + "nor a check (eq24, eq29), nor the profile of ε ('profile'), nor 'sizes'");
        };
    }

    /** Whether the preset is one of the paper's numbered figures. */
    public boolean isPaperFigure() {
        return name.chars().allMatch(Character::isDigit);
    }

    /** Whether the figure needs eigenvectors (the binned K(ε, ε′), the sampled GOE): the checks of Eq. 24 and 29. */
    public boolean needsEigenvectors() {
        return name.startsWith("eq");
    }

    /**
     * The sweep of this figure for a model (its convention and eigen stage are kept, frequencies and
     * analysis options set here), at the quick or published sizes unless {@code size} or
     * {@code realizations} override them.
     */
    public SweepSpec sweep(ModelSpec base, boolean paper, Integer size, Integer realizations, long seed) {
        ModelSpec model = base.withFrequencies(omegaN, omegaMW).withAnalysis(analysis);
        List<Integer> sizes = size != null ? List.of(size) : paper ? paperSizes : quickSizes;
        int r = realizations != null ? realizations : paper ? paperRealizations : quickRealizations;
        return new SweepSpec(sizes, hoppings, r, 0, seed, model);
    }
}
