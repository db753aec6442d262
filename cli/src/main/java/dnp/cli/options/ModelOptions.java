package dnp.cli.options;

import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Bounds;
import dnp.kernel.model.Convention;
import dnp.kernel.model.PhysicalParameters;
import dnp.sweep.records.Driver;
import dnp.sweep.ModelSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * Options shared by the commands that compute realizations: Table I parameters (paper units),
 * disorder width, boundaries, convention, eigen stage, frequency lists and binning.
 */
public final class ModelOptions {
    private static final PhysicalParameters T = PhysicalParameters.TABLE_I;

    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE}; " + Bounds.FREQUENCY_RANGE + ")")
    double width = PhysicalParameters.DEFAULT_DISORDER_WIDTH;

    @Option(names = "--bc", paramLabel = "BC", description = "boundary conditions: periodic or open (default ${DEFAULT-VALUE})")
    BoundaryCondition boundary = ModelSpec.DEFAULTS.boundary();

    @Option(names = "--convention", paramLabel = "C", description = "si (Eq. 19–20, default) or paper (Eq. 22 as printed)")
    Convention convention = ModelSpec.DEFAULTS.convention();

    @Option(names = "--driver", paramLabel = "D", completionCandidates = DriverNames.class,
            description = "eigen stage: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Driver driver = Driver.DEFAULT;

    @Option(names = "--omega-n", paramLabel = "LIST", split = ",", description = "nuclear Zeeman ω_n, 2π·MHz, comma-separated (default 20; above 0, at most " + Bounds.MAX_FREQUENCY_TEXT + ")")
    List<Double> omegaN = List.of(PhysicalParameters.DEFAULT_OMEGA_N);

    @Option(names = "--omega-mw", paramLabel = "LIST", split = ",", description = "microwave ω_MW, 2π·MHz, comma-separated (default 93860; " + Bounds.FREQUENCY_RANGE + ")")
    List<Double> omegaMW = List.of(PhysicalParameters.DEFAULT_OMEGA_MW);

    @Option(names = "--t1e", paramLabel = "S", description = "T_1e, s (default ${DEFAULT-VALUE}; " + Bounds.TIME_RANGE + ")")
    double t1e = T.t1e();
    @Option(names = "--t2e", paramLabel = "S", description = "T_2e, s (default ${DEFAULT-VALUE}; " + Bounds.TIME_RANGE + ")")
    double t2e = T.t2e();
    @Option(names = "--omega1", paramLabel = "F", description = "microwave amplitude ω_1, 2π·MHz (default ${DEFAULT-VALUE}; " + Bounds.FREQUENCY_RANGE + ")")
    double omega1 = T.omega1();
    @Option(names = "--t1n", paramLabel = "S", description = "T_1n, s (default ${DEFAULT-VALUE}; " + Bounds.TIME_RANGE + ")")
    double t1n = T.t1n();
    @Option(names = "--t2n", paramLabel = "S", description = "T_2n, s (default ${DEFAULT-VALUE}; " + Bounds.TIME_RANGE + ")")
    double t2n = T.t2n();
    @Option(names = "--a0", paramLabel = "F", description = "hyperfine coupling A_0, 2π·MHz (default ${DEFAULT-VALUE}; " + Bounds.FREQUENCY_RANGE + ")")
    double a0 = T.a0();
    @Option(names = "--bath-temperature", paramLabel = "K", description = "T_bath, kelvin (default ${DEFAULT-VALUE}; " + Bounds.TEMPERATURE_RANGE + ")")
    double bathTemperature = T.bathTemperature();
    @Option(names = "--omega-e", paramLabel = "F", description = "electron Zeeman ω_e, 2π·MHz (default ${DEFAULT-VALUE}; " + Bounds.FREQUENCY_RANGE + ")")
    double omegaE = T.omegaE();
    @Option(names = "--nuclear-ratio", paramLabel = "R", description = "N_n/N_e (default ${DEFAULT-VALUE}; " + Bounds.RATIO_RANGE + ")")
    double nuclearRatio = T.nuclearRatio();

    @Option(names = "--bin-width", paramLabel = "F", description = "ω bin width of K, R, C, 2π·MHz (default ${DEFAULT-VALUE}; above 0, at most " + Bounds.MAX_FREQUENCY_TEXT + ")")
    double binWidth = AnalysisOptions.DEFAULTS.correlatorBinWidth();
    @Option(names = "--max-omega", paramLabel = "F", description = "largest ω of the K, R, C table, 2π·MHz (default ${DEFAULT-VALUE}; " + Bounds.FREQUENCY_RANGE + ", at most 10^6 bins)")
    double maxOmega = AnalysisOptions.DEFAULTS.correlatorMaxOmega();
    @Option(names = "--energy-bins", paramLabel = "N", description = "bins of the DOS and binned K(ε,ε′) (default ${DEFAULT-VALUE}; 1 to 10000)")
    int energyBins = AnalysisOptions.DEFAULTS.energyBins();
    @Option(names = "--gap-fraction", paramLabel = "F", description = "central fraction of levels for ⟨r⟩ (default ${DEFAULT-VALUE}; above 0, at most 1)")
    double gapFraction = AnalysisOptions.DEFAULTS.gapRatioFraction();
    @Option(names = "--sampled-goe", description = "also P_n with sampled GOE eigenvectors (a second diagonalization)")
    boolean sampledGoe;
    @Option(names = "--site-distribution", description = "also the per-nucleus P_n^j of Eq. C7 (N³ extra per pair)")
    boolean siteDistribution;

    @Mixin
    MethodOptions method;

    /** The model these options describe; throws with the option's name when a value is invalid. */
    public ModelSpec spec() {
        PhysicalParameters physics = new PhysicalParameters(t1e, t2e, omega1, t1n, t2n, a0, bathTemperature, omegaE,
                nuclearRatio);
        AnalysisOptions analysis = new AnalysisOptions(binWidth, maxOmega, energyBins, gapFraction, sampledGoe,
                siteDistribution, AnalysisOptions.DEFAULTS.siteHistogramBins());
        ModelSpec model = new ModelSpec(width, boundary, convention, driver, omegaN, omegaMW, physics, analysis, ModelSpec.DEFAULTS.method(),
                ModelSpec.DEFAULTS.kpm());
        return method.applyTo(model);
    }
}
