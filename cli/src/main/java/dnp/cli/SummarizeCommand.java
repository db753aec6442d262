package dnp.cli;

import dnp.analysis.Summary;
import dnp.plot.figures.SummaryOutput;
import dnp.sweep.UserInputException;
import dnp.sweep.Warnings;
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

    @Override
    public Integer call() throws IOException {
        Path target = out != null ? out : dirs.getFirst().resolve("summary");
        if (Files.exists(target.resolve("polarization.csv")) && !force) {
            throw new UserInputException(target + " already holds a summary: use --force to overwrite it");
        }
        Summary summary = Summary.read(dirs);
        if (summary.records().size() < summary.planned()) {
            Warnings.once(summary.records().size() + " of " + summary.planned() + " realizations of the sweep are "
                    + "finished: the tables average those; rerun the sweep (every shard) to finish it");
        }
        SummaryOutput.write(summary, target, !noPlots);
        System.err.println("dnp summarize: " + summary.records().size() + " realizations from " + dirs.size()
                + " folder(s) into " + target);
        return 0;
    }
}
