package dnp.sweep;

import dnp.kernel.model.PhysicalParameters;

import java.util.List;

/**
 * The sweep behind each of the paper's Figs. 2–7: the published size and number of realizations
 * (docs/model.md#parameters-table-i, the paper's figure captions), a quick default that runs in
 * minutes on 2 cores, the hoppings and the frequency pairs.
 */
public record FigurePreset(int figure, int quickSize, int quickRealizations, int paperSize, int paperRealizations,
                           List<Double> hoppings, List<Double> omegaN, List<Double> omegaMW, int energyBins) {

    /** Hoppings of the P_n(t) figures, 2π·MHz, around t_c ≈ 6.5 on a log axis. */
    public static final List<Double> HOPPINGS = List.of(1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 12.0, 15.0,
            20.0, 30.0, 40.0, 60.0);

    private static final List<Double> DEFAULT_OMEGA_N = List.of(PhysicalParameters.DEFAULT_OMEGA_N);
    private static final List<Double> DEFAULT_OMEGA_MW = List.of(PhysicalParameters.DEFAULT_OMEGA_MW);

    public static FigurePreset of(int figure) {
        return switch (figure) {
            // DOS figures: fewer, wider energy bins and more realizations for smooth histograms.
            case 2 -> new FigurePreset(2, 8, 24, 8, 100, List.of(1.0, 5.0, 8.0, 14.0), DEFAULT_OMEGA_N,
                    DEFAULT_OMEGA_MW, 40);
            case 3, 5 -> new FigurePreset(figure, 10, 8, 18, 60, HOPPINGS, DEFAULT_OMEGA_N, DEFAULT_OMEGA_MW, 64);
            case 4 -> new FigurePreset(4, 10, 8, 18, 60, HOPPINGS, List.of(5.0, 10.0, 20.0, 30.0, 40.0),
                    List.of(93860.0, 93870.0, 93880.0, 93890.0), 64);
            case 6 -> new FigurePreset(6, 8, 24, 8, 100, List.of(2.0, 6.5, 20.0, 50.0), DEFAULT_OMEGA_N,
                    DEFAULT_OMEGA_MW, 40);
            case 7 -> new FigurePreset(7, 10, 8, 20, 10, HOPPINGS, List.of(1.0, 2.0, 3.0, 4.0, 5.0), DEFAULT_OMEGA_MW,
                    64);
            default -> throw new UserInputException("figure " + figure + " is not one of the paper's figures 2–7");
        };
    }

    /**
     * The sweep of this figure for a model (its convention and eigen stage are kept, frequencies and
     * energy bins set here), at the quick or published size unless {@code size} or
     * {@code realizations} override them.
     */
    public SweepSpec sweep(ModelSpec base, boolean paper, Integer size, Integer realizations, long seed) {
        ModelSpec model = base.withFrequencies(omegaN, omegaMW)
                .withAnalysis(base.analysis().withEnergyBins(energyBins));
        int l = size != null ? size : paper ? paperSize : quickSize;
        int r = realizations != null ? realizations : paper ? paperRealizations : quickRealizations;
        return new SweepSpec(List.of(l), hoppings, r, 0, seed, model);
    }
}
