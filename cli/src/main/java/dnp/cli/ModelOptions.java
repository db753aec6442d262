package dnp.cli;

import dnp.kernel.eigen.EigenSolver;
import dnp.kernel.eigen.LapackEigenSolver;
import dnp.kernel.model.AnalysisOptions;
import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Convention;
import dnp.kernel.model.FrequencyPair;
import dnp.kernel.model.PhysicalParameters;
import dnp.reference.ReferenceEigenSolver;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options shared by the commands that compute realizations: Table I parameters (paper units),
 * disorder width, boundaries, convention, eigen stage, frequency lists and binning.
 */
final class ModelOptions {
    static final PhysicalParameters T = PhysicalParameters.TABLE_I;

    @Option(names = "--w", paramLabel = "W", description = "disorder width w, 2π·MHz (default ${DEFAULT-VALUE})")
    double width = PhysicalParameters.DEFAULT_DISORDER_WIDTH;

    @Option(names = "--bc", paramLabel = "BC", description = "boundary conditions: periodic or open (default ${DEFAULT-VALUE})")
    String boundary = "periodic";

    @Option(names = "--convention", paramLabel = "C", description = "si (Eq. 19–20, default) or paper (Eq. 22 as printed)")
    String convention = "si";

    @Option(names = "--driver", paramLabel = "D", description = "eigen stage: dsyevd (default), dsyevr or reference")
    String driver = "dsyevd";

    @Option(names = "--omega-n", paramLabel = "LIST", split = ",", description = "nuclear Zeeman ω_n, 2π·MHz, comma-separated (default 20)")
    List<Double> omegaN = List.of(PhysicalParameters.DEFAULT_OMEGA_N);

    @Option(names = "--omega-mw", paramLabel = "LIST", split = ",", description = "microwave ω_MW, 2π·MHz, comma-separated (default 93860)")
    List<Double> omegaMW = List.of(PhysicalParameters.DEFAULT_OMEGA_MW);

    @Option(names = "--t1e", paramLabel = "S", description = "T_1e, s (default ${DEFAULT-VALUE})")
    double t1e = T.t1e();
    @Option(names = "--t2e", paramLabel = "S", description = "T_2e, s (default ${DEFAULT-VALUE})")
    double t2e = T.t2e();
    @Option(names = "--omega1", paramLabel = "F", description = "microwave amplitude ω_1, 2π·MHz (default ${DEFAULT-VALUE})")
    double omega1 = T.omega1();
    @Option(names = "--t1n", paramLabel = "S", description = "T_1n, s (default ${DEFAULT-VALUE})")
    double t1n = T.t1n();
    @Option(names = "--t2n", paramLabel = "S", description = "T_2n, s (default ${DEFAULT-VALUE})")
    double t2n = T.t2n();
    @Option(names = "--a0", paramLabel = "F", description = "hyperfine coupling A_0, 2π·MHz (default ${DEFAULT-VALUE})")
    double a0 = T.a0();
    @Option(names = "--bath-temperature", paramLabel = "K", description = "T_bath, kelvin (default ${DEFAULT-VALUE})")
    double bathTemperature = T.bathTemperature();
    @Option(names = "--omega-e", paramLabel = "F", description = "electron Zeeman ω_e, 2π·MHz (default ${DEFAULT-VALUE})")
    double omegaE = T.omegaE();
    @Option(names = "--nuclear-ratio", paramLabel = "R", description = "N_n/N_e (default ${DEFAULT-VALUE})")
    double nuclearRatio = T.nuclearRatio();

    @Option(names = "--bin-width", paramLabel = "F", description = "ω bin width of K, R, C, 2π·MHz (default ${DEFAULT-VALUE})")
    double binWidth = AnalysisOptions.DEFAULTS.correlatorBinWidth();
    @Option(names = "--max-omega", paramLabel = "F", description = "largest ω of the K, R, C table, 2π·MHz (default ${DEFAULT-VALUE})")
    double maxOmega = AnalysisOptions.DEFAULTS.correlatorMaxOmega();
    @Option(names = "--energy-bins", paramLabel = "N", description = "bins of the DOS and binned K(ε,ε′) (default ${DEFAULT-VALUE})")
    int energyBins = AnalysisOptions.DEFAULTS.energyBins();
    @Option(names = "--gap-fraction", paramLabel = "F", description = "central fraction of levels for ⟨r⟩ (default ${DEFAULT-VALUE})")
    double gapFraction = AnalysisOptions.DEFAULTS.gapRatioFraction();
    @Option(names = "--sampled-goe", description = "also P_n with sampled GOE eigenvectors (a second diagonalization)")
    boolean sampledGoe;
    @Option(names = "--site-distribution", description = "also the per-nucleus P_n^j of Eq. C7 (N³ extra per pair)")
    boolean siteDistribution;

    PhysicalParameters physics() {
        return new PhysicalParameters(t1e, t2e, omega1, t1n, t2n, a0, bathTemperature, omegaE, nuclearRatio);
    }

    AnalysisOptions analysis() {
        return new AnalysisOptions(binWidth, maxOmega, energyBins, gapFraction, sampledGoe, siteDistribution,
                AnalysisOptions.DEFAULTS.siteHistogramBins());
    }

    BoundaryCondition boundary() {
        return BoundaryCondition.parse(boundary);
    }

    Convention convention() {
        return Convention.parse(convention);
    }

    /** Every ω_n with every ω_MW, ω_MW varying fastest. */
    List<FrequencyPair> pairs() {
        if (omegaN.isEmpty() || omegaMW.isEmpty()) {
            throw new CliException("--omega-n and --omega-mw need at least one value each");
        }
        List<FrequencyPair> pairs = new ArrayList<>();
        for (double n : omegaN) {
            for (double mw : omegaMW) {
                pairs.add(new FrequencyPair(n, mw));
            }
        }
        return pairs;
    }

    String driverName() {
        if (!List.of("dsyevd", "dsyevr", "reference").contains(driver)) {
            throw new CliException("unknown --driver '" + driver + "': expected dsyevd, dsyevr or reference");
        }
        return driver;
    }

    EigenSolver solver() {
        return driverName().equals("reference") ? new ReferenceEigenSolver()
                : new LapackEigenSolver(LapackEigenSolver.Driver.parse(driver));
    }

    /** Validates everything that does not depend on L or t; throws with the parameter's name. */
    void validate() {
        physics();
        analysis();
        boundary();
        convention();
        pairs();
        driverName();
        if (!Double.isFinite(width) || width < 0) {
            throw new CliException("--w (disorder width w) must be a finite number ≥ 0, got " + width);
        }
    }

    /** The parameters as recorded in outputs (and compared when a sweep resumes). */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("w", width);
        m.put("boundary", boundary().label());
        m.put("convention", convention().label());
        m.put("driver", driverName());
        m.put("omegaN", omegaN);
        m.put("omegaMW", omegaMW);
        PhysicalParameters p = physics();
        m.put("t1e", p.t1e());
        m.put("t2e", p.t2e());
        m.put("omega1", p.omega1());
        m.put("t1n", p.t1n());
        m.put("t2n", p.t2n());
        m.put("a0", p.a0());
        m.put("bathTemperature", p.bathTemperature());
        m.put("omegaE", p.omegaE());
        m.put("nuclearRatio", p.nuclearRatio());
        AnalysisOptions a = analysis();
        m.put("binWidth", a.correlatorBinWidth());
        m.put("maxOmega", a.correlatorMaxOmega());
        m.put("energyBins", a.energyBins());
        m.put("gapFraction", a.gapRatioFraction());
        m.put("sampledGoe", a.sampledGoe());
        m.put("siteDistribution", a.siteDistribution());
        return m;
    }
}
