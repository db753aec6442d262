package dnp.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "slurm", mixinStandardHelpOptions = true, hidden = true,
        description = "Write an sbatch job-array script for a sweep (see README, \"Running on a cluster\").")
final class SlurmCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("dnp slurm is not available yet: see the README's SLURM job-array script");
    }
}
