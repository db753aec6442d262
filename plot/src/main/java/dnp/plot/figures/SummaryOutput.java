package dnp.plot.figures;

import dnp.analysis.FigureData;
import dnp.analysis.SizeSeries;
import dnp.analysis.Summary;
import dnp.sweep.AtomicFiles;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.records.Documents;
import dnp.sweep.records.SummaryRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A summary folder: the CSV tables of a {@link Summary}, their README, provenance and overview plots. */
public final class SummaryOutput {
    private SummaryOutput() {}

    public static final String README = """
            Tables written by dnp summarize (one row per group; comma-separated; NaN marks a missing value).
            mean, std (sample standard deviation, n - 1) and sem (standard error, std/sqrt(n)) are over realizations.
            polarization.csv  per L, t and (omegaN, omegaMW): P_n (Anderson), P_n^GOE (O -> 1/N), sampled GOE,
                              PnEq24 (the resonant approximation of Eq. 24 from each realization's binned K of
                              distinct states, with the convention's prefactor: 4x the printed one under si),
                              PnEq24GOE (Eq. 24 with K = rho*rho of each realization, Eq. 23),
                              numeratorOverLeakage (the exact electron numerator over the leakage alone),
                              numerator of the convention's P_n, ISS emission + absorption, K and R at omegaN;
                              C_of_means = mean K / mean R (averages first, then the ratio). R_mean is the pair
                              histogram of each realization's own spectrum (the default); Rdos is the integral
                              of rho*rho of the mean DOS (Eq. 30 read literally), C_dos = mean K / Rdos.
                              Eq29_pair = C_of_means * PnGOE_mean and Eq29_dos = C_dos * PnGOE_mean (Eq. 29);
                              levelsPerWidth = N rho(omegaMW) / T2n', levels within one nuclear resonance width;
                              PnThermal = tanh(beta omegaN / 2), the Boltzmann nuclear polarization at T_bath;
                              enhancement = P_n / PnThermal (epsilon) and buildUpTime = N_n / (Omega_emit +
                              Omega_abs) in seconds (T_B = 1/(W+ + W-)), per realization, then averaged.
            statistics.csv    per L and t: IPR, mean gap ratio <r>, DOS second moment; the localization length of
                              the central 20% of the states (Eq. 31): decayRate = 1/xi per realization,
                              xi_of_mean = 1/mean(decayRate), xi_exceeds_L (1: xi >= L, not localized on this
                              lattice), exceedsL_fraction of realizations; participation length (1/<I_2>)^(1/3);
                              centreDos rho per site at the band centre; levelSpacing_of_means
                              Delta_xi = 1/(rho xi^3) (Eq. 33), the level spacing in one localization volume, not
                              1/(N rho); variance of the microwave weights A^2 (Eq. B3).
            correlator.csv    per L, t and omega bin: K(omega), R(omega) and C = mean K / mean R; Rdos and
                              C_dos as above, over the same omega bin.
            dos.csv           per L, t and energy bin: mean density of states.
            provenance.json   schema dnp.summary/1: the sweeps' parameters, folders, realizations, provenance.
            Frequencies and energies in 2pi*MHz.
            """;

    public static final String SIZES_README = """
            Tables written by dnp figure sizes (comma-separated; NaN marks a missing value).
            sizes.csv   one row per (L, t): method (dense or kpm; KPM moments M and sampled sites S, 0 = all),
                        realizations, P_n at Pn_omegaN (mean, std, sem over realizations), and at C_omegaN
                        K and R (means) and C = mean K / mean R with C_std = std(K) / mean R and
                        C_sem = sem(K) / mean R (the error bars drawn are the std columns).
            L<size>/    the summary tables of each size's sweep (see the README.txt there), with provenance.
            Frequencies in 2pi*MHz, t in 2pi*MHz.
            """;

    /** Writes sizes.csv and its README.txt into {@code target} (each size's summary goes into its own folder). */
    public static void writeSizes(List<SizeSeries.Curve> curves, Path target) throws IOException {
        Files.createDirectories(target);
        SizeSeries.table(curves).write(target.resolve("sizes.csv"));
        AtomicFiles.write(target.resolve("README.txt"), SIZES_README);
    }

    /** Writes the tables, README.txt and provenance.json into {@code target}, and the plots when asked. */
    public static void write(Summary summary, Path target, boolean plots) throws IOException {
        Files.createDirectories(target);
        summary.polarization().write(target.resolve("polarization.csv"));
        summary.statistics().write(target.resolve("statistics.csv"));
        summary.correlator().write(target.resolve("correlator.csv"));
        summary.dos().write(target.resolve("dos.csv"));
        AtomicFiles.write(target.resolve("README.txt"), README);
        AtomicFiles.write(target.resolve("provenance.json"), Documents.pretty(new SummaryRecord(SummaryRecord.SCHEMA,
                summary.parameters(), summary.folders().stream().map(Path::toString).toList(),
                summary.records().size(), ProvenanceCollector.collect())));
        if (plots) {
            List<Integer> all = new ArrayList<>();
            for (int k = 0; k < summary.pairCount(); k++) {
                all.add(k);
            }
            PaperFigures.polarization(summary, all.subList(0, Math.min(all.size(), 3)), "Nuclear polarization")
                    .write(target.resolve("polarization"));
            int size = FigureData.sizes(summary).getLast();
            PaperFigures.correlator(summary, size, all).write(target.resolve("correlator"));
            if (summary.records().stream().anyMatch(r -> r.localization() != null)) {
                LocalizationFigures.localizationLength(summary).write(target.resolve("localization"));
                LocalizationFigures.levelSpacing(summary).write(target.resolve("level-spacing"));
            }
        }
    }
}
