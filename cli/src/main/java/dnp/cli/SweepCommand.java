package dnp.cli;

import dnp.cli.options.Converters;
import dnp.cli.options.SweepOptions;
import dnp.sweep.Shard;
import dnp.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"A grid of t, realizations and L into an output folder, crash-safe and resumable.",
                "Rerunning the same command skips finished realizations; other parameters into the same folder are refused."})
final class SweepCommand implements Callable<Integer> {
    @Mixin
    SweepOptions sweep;
    @Option(names = "--shard", paramLabel = "I/N", converter = Converters.ShardConverter.class,
            description = "run only shard I of N (1-based), e.g. for job arrays")
    Shard shard = Shard.WHOLE;
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        SweepRunner.Outcome outcome = SweepRunner.run(sweep.spec(), sweep.out, shard.index(), shard.count(),
                sweep.parallel, sweep.blasThreads, quiet, sweep.momentCache, sweep.siteParts);
        if (sweep.siteParts > 1) {
            System.err.println("dnp sweep: shard " + shard + ": " + outcome.computed() + " site parts "
                    + "computed, " + outcome.skipped() + " already done, " + outcome.total() + " in shard; "
                    + outcome.combined() + " realization(s) combined from their parts; results in " + sweep.out);
            return 0;
        }
        System.err.println("dnp sweep: shard " + shard + ": " + outcome.computed() + " computed, "
                + outcome.skipped() + " already done, " + outcome.total() + " in shard; results in " + sweep.out);
        return 0;
    }
}
