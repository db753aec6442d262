package dnp.cli;

import dnp.cli.options.ModelOptions;
import dnp.cli.options.RealizationOptions;
import dnp.kernel.Realization;
import dnp.kernel.model.Bounds;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import dnp.kernel.result.RealizationResult;
import dnp.sweep.AtomicFiles;
import dnp.sweep.ComputationException;
import dnp.sweep.KpmRealization;
import dnp.sweep.Warnings;
import dnp.sweep.MemoryPlan;
import dnp.sweep.records.Method;
import dnp.sweep.ModelSpec;
import dnp.sweep.Parallelism;
import dnp.sweep.ProvenanceCollector;
import dnp.sweep.records.Documents;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.ResultRecords;
import dnp.sweep.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "single", mixinStandardHelpOptions = true,
        description = "One disorder realization: every observable as one JSON document on stdout.")
final class SingleCommand implements Callable<Integer> {
    @Mixin
    RealizationOptions which;
    @Option(names = "--disorder", paramLabel = "FILE", description = "read Δ_i from FILE (one decimal number per line, 2π·MHz, within ±"
            + Bounds.MAX_FREQUENCY_TEXT + ", site order x + L(y + Lz)) instead of generating them")
    Path disorderFile;
    @Option(names = "--blas-threads", paramLabel = "N", description = "BLAS threads (default: all cores)")
    Integer blasThreads;
    @Option(names = "--with-arrays", description = "also write the binned K(ε,ε′) matrix")
    boolean withArrays;
    @Option(names = "--with-weights", description = "also write the microwave weight A_α² of every eigenstate (Eq. B3)")
    boolean withWeights;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the JSON to FILE instead of stdout")
    Path output;
    @Option(names = "--force", description = "overwrite an existing --output file")
    boolean force;
    @Mixin
    ModelOptions model;

    @Override
    public Integer call() {
        ModelSpec spec = model.spec();
        if (output != null && Files.exists(output) && !force) {
            throw new UserInputException(output + " exists: use --force to overwrite it");
        }
        Lattice lattice = new Lattice(which.size, spec.boundary());
        RealizationInput input;
        RealizationRecord record;
        Parallelism.configureBlas(blasThreads);
        if (spec.method() == Method.KPM) {
            MemoryPlan.checkKpm(which.size, spec.kpm());
            input = new RealizationInput(lattice, which.hopping, disorder(lattice, spec), spec.physics(), spec.pairs(),
                    spec.analysis(), spec.convention());
            int threads = blasThreads != null ? blasThreads : Parallelism.cores();
            record = KpmRealization.compute(null, input, spec.kpm(), threads, null, Warnings::once);
        } else {
            MemoryPlan.check(which.size, spec.driver(), 1);
            input = new RealizationInput(lattice, which.hopping, disorder(lattice, spec), spec.physics(),
                    spec.pairs(), spec.analysis(), spec.convention());
            RealizationResult result = Realization.compute(input, spec.solver());
            record = ResultRecords.document(result, withArrays, withWeights, ProvenanceCollector.collect());
        }
        ComputationException.requireFinite(record, "the realization");
        String text = Documents.pretty(record);
        if (output == null) {
            System.out.print(text);
        } else {
            try {
                AtomicFiles.write(output, text);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return 0;
    }

    private Disorder disorder(Lattice lattice, ModelSpec spec) {
        if (disorderFile == null) {
            return Disorder.box(lattice.sites(), spec.width(), which.seed, which.realization);
        }
        if (!Files.isRegularFile(disorderFile)) {
            throw new UserInputException("--disorder " + disorderFile + ": no such file");
        }
        try {
            return Disorder.read(disorderFile, lattice.sites(), spec.width());
        } catch (IOException ex) {
            throw new UserInputException("--disorder " + disorderFile + ": " + ex.getMessage());
        }
    }
}
