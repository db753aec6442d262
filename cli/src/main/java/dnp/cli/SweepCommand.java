package dnp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"A grid of t, realizations and L into an output folder, crash-safe and resumable.",
                "Rerunning the same command skips finished realizations; other parameters into the same folder are refused."})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--L", paramLabel = "LIST", description = "lattice sizes, e.g. 8,10 or 8:12:2 (default ${DEFAULT-VALUE})")
    String sizes = "8";
    @Option(names = "--t", paramLabel = "LIST", required = true,
            description = "hoppings t (2π·MHz): a list 1,2,5 and/or start:stop:step ranges")
    String hoppings;
    @Option(names = "--realizations", paramLabel = "N", description = "disorder realizations per (L, t) (default ${DEFAULT-VALUE})")
    int realizations = 10;
    @Option(names = "--first-realization", paramLabel = "K", description = "index of the first realization (default ${DEFAULT-VALUE})")
    int firstRealization = 0;
    @Option(names = "--seed", description = "disorder seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
    Path out;
    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N (1-based), e.g. for job arrays")
    String shard = "1/1";
    @Option(names = "--parallel", paramLabel = "P", description = "realizations at once (default: chosen from L and cores)")
    Integer parallel;
    @Option(names = "--blas-threads", paramLabel = "B", description = "BLAS threads per realization (default: cores / parallel)")
    Integer blasThreads;
    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;
    @Mixin
    ModelOptions model;

    @Override
    public Integer call() throws IOException {
        int[] s = parseShard(shard);
        SweepPlan plan = new SweepPlan(Grid.parseSizes(sizes), Grid.parse("--t", hoppings), realizations,
                firstRealization, seed, model);
        SweepRunner.Outcome outcome = SweepRunner.run(plan, out, s[0], s[1], parallel, blasThreads, quiet);
        System.err.println("dnp sweep: shard " + s[0] + "/" + s[1] + ": " + outcome.computed() + " computed, "
                + outcome.skipped() + " already done, " + outcome.total() + " in shard; results in " + out);
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
        throw new CliException("--shard '" + text + "' must be I/N with 1 ≤ I ≤ N, e.g. 3/8");
    }
}
