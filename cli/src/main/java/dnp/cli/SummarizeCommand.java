package dnp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Merge sweep folders (shards, or sweeps of the same physics) into CSV tables and plots.")
final class SummarizeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "sweep folders")
    List<Path> dirs;
    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: FIRST_DIR/summary)")
    Path out;
    @Option(names = "--force", description = "overwrite an existing summary")
    boolean force;
    @Option(names = "--no-plots", description = "tables only")
    boolean noPlots;

    static final String README = """
            Tables written by dnp summarize (one row per group; comma-separated; NaN marks a missing value).
            mean, std (sample standard deviation, n - 1) and sem (standard error, std/sqrt(n)) are over realizations.
            polarization.csv  per L, t and (omegaN, omegaMW): P_n (Anderson), P_n^GOE (O -> 1/N), sampled GOE,
                              numerator of the convention's P_n, ISS emission + absorption, K and R at omegaN;
                              C_of_means = mean K / mean R (averages first, then the ratio).
            statistics.csv    per L and t: IPR, mean gap ratio <r>, DOS second moment.
            correlator.csv    per L, t and omega bin: K(omega), R(omega) and C = mean K / mean R.
            dos.csv           per L, t and energy bin: mean density of states.
            provenance.json   the sweep's parameters, how many realizations, program version, provider, date.
            Frequencies and energies in 2pi*MHz.
            """;

    @Override
    public Integer call() throws IOException {
        Path target = out != null ? out : dirs.getFirst().resolve("summary");
        if (Files.exists(target.resolve("polarization.csv")) && !force) {
            throw new CliException(target + " already holds a summary: use --force to overwrite it");
        }
        Summary summary = Summary.read(dirs);
        write(summary, target, !noPlots);
        System.err.println("dnp summarize: " + summary.records.size() + " realizations from " + dirs.size()
                + " folder(s) into " + target);
        return 0;
    }

    static void write(Summary summary, Path target, boolean plots) throws IOException {
        Files.createDirectories(target);
        summary.polarization().write(target.resolve("polarization.csv"));
        summary.statistics().write(target.resolve("statistics.csv"));
        summary.correlator().write(target.resolve("correlator.csv"));
        summary.dos().write(target.resolve("dos.csv"));
        AtomicFiles.write(target.resolve("README.txt"), README);
        java.util.Map<String, Object> provenance = new java.util.LinkedHashMap<>();
        provenance.put("parameters", summary.parameters);
        provenance.put("realizations", summary.records.size());
        provenance.put("summarized", Provenance.collect());
        AtomicFiles.write(target.resolve("provenance.json"), dnp.kernel.io.JsonWriter.pretty(provenance));
        if (plots) {
            List<Integer> all = new java.util.ArrayList<>();
            for (int k = 0; k < summary.pairCount(); k++) {
                all.add(k);
            }
            Figures.polarization(summary, all.subList(0, Math.min(all.size(), 3)), "Nuclear polarization")
                    .write(target.resolve("polarization"));
            int size = Figures.sizes(summary).getLast();
            Figures.correlator(summary, size, all).write(target.resolve("correlator"));
        }
    }
}
