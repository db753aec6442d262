package dnp.cli;

import dnp.kernel.vector.VectorizationProvider;
import dnp.sweep.MemoryLimits;
import dnp.sweep.MemoryPlan;
import dnp.sweep.ProvenanceCollector;
import dnp.nativebindings.NativeLibraries;
import dnp.nativebindings.Provider;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "JDK, Vector API width, LAPACKE provider, OpenBLAS configuration and threads.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("dnp              " + ProvenanceCollector.version() + " (commit " + ProvenanceCollector.commit() + ")");
        System.out.println("JDK              " + System.getProperty("java.vm.vendor") + " " + Runtime.version()
                + " (" + System.getProperty("java.home") + ")");
        System.out.println("cores            " + Runtime.getRuntime().availableProcessors());
        System.out.println("vector kernels   " + VectorizationProvider.kernels().name());
        Provider p = NativeLibraries.provider();
        System.out.println("LAPACKE provider " + p.description());
        System.out.println("OpenBLAS config  " + p.openBlasConfig());
        System.out.println("OpenBLAS core    " + p.openBlasCoreName());
        System.out.println("BLAS threads     " + p.threads());
        MemoryLimits memory = MemoryLimits.current();
        System.out.println("memory available " + MemoryPlan.gib(memory.bytes()) + " (" + memory.source() + ")");
        return 0;
    }
}
