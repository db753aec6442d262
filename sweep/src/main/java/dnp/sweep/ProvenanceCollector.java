package dnp.sweep;

import dnp.kernel.vector.VectorizationProvider;
import dnp.nativebindings.NativeLibraries;
import dnp.nativebindings.Provider;
import dnp.sweep.records.Provenance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Collects the {@link Provenance} of an output: the version and git commit the program was built
 * from (recorded in {@code git.properties} at build time), the command line the run was started
 * with, the JDK, SIMD path, LAPACK provider and threads, host and times.
 */
public final class ProvenanceCollector {
    private ProvenanceCollector() {}

    private static final Instant STARTED = Instant.now();
    private static volatile List<String> commandLine = List.of();
    private static final Properties GIT = gitProperties();

    /** Records the arguments the program was started with ({@code dnp} followed by them). */
    public static void commandLine(List<String> arguments) {
        List<String> full = new java.util.ArrayList<>();
        full.add("dnp");
        full.addAll(arguments);
        commandLine = List.copyOf(full);
    }

    public static String version() {
        String v = ProvenanceCollector.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    private static Properties gitProperties() {
        Properties p = new Properties();
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream("git.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // no build information: the fields stay unknown
        }
        return p;
    }

    /** The commit the program was built from, or "unknown". */
    public static String commit() {
        return GIT.getProperty("git.commit.id", "unknown");
    }

    /** Whether the tree it was built from had uncommitted changes; null if unknown. */
    public static Boolean dirty() {
        String d = GIT.getProperty("git.dirty");
        return d == null ? null : Boolean.valueOf(d);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException ex) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    /** The provenance of an output finished now. */
    public static Provenance collect() {
        String provider = null;
        String config = null;
        String core = null;
        Integer threads = null;
        try {
            Provider p = NativeLibraries.provider();
            provider = p.description();
            config = p.openBlasConfig();
            core = p.openBlasCoreName();
            threads = p.threads();
        } catch (IllegalStateException ex) {
            provider = "none: " + ex.getMessage();
        }
        return new Provenance("dnp", version(), commit(), dirty(), commandLine,
                System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), host(),
                VectorizationProvider.kernels().name(), VectorizationProvider.kernels().vectorBits(), provider, config, core,
                threads, STARTED.toString(), Instant.now().toString());
    }
}
