package dnp.cli;

import dnp.cli.options.SweepOptions;
import dnp.sweep.SweepRunner;
import dnp.sweep.UserInputException;
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
    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N (1-based), e.g. for job arrays")
    String shard = "1/1";
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        int[] s = parseShard(shard);
        SweepRunner.Outcome outcome = SweepRunner.run(sweep.spec(), sweep.out, s[0], s[1], sweep.parallel,
                sweep.blasThreads, quiet, sweep.momentCache, sweep.siteParts);
        if (sweep.siteParts > 1) {
            System.err.println("dnp sweep: shard " + s[0] + "/" + s[1] + ": " + outcome.computed() + " site parts "
                    + "computed, " + outcome.skipped() + " already done, " + outcome.total() + " in shard; "
                    + outcome.combined() + " realization(s) combined from their parts; results in " + sweep.out);
            return 0;
        }
        System.err.println("dnp sweep: shard " + s[0] + "/" + s[1] + ": " + outcome.computed() + " computed, "
                + outcome.skipped() + " already done, " + outcome.total() + " in shard; results in " + sweep.out);
        return 0;
    }

    static int[] parseShard(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && i >= 1 && i <= n) {
                    return new int[]{i, n};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UserInputException("--shard '" + text + "' must be I/N with 1 ≤ I ≤ N, e.g. 3/8");
    }
}
