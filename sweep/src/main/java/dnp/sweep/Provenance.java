package dnp.sweep;

import dnp.kernel.vector.VectorizationProvider;
import dnp.nativebindings.NativeLibraries;
import dnp.nativebindings.Provider;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a result came from: program version, JDK, LAPACKE provider, SIMD path, date. */
public final class Provenance {
    private Provenance() {}

    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    public static Map<String, Object> collect() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", "dnp");
        m.put("version", version());
        m.put("date", Instant.now().toString());
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + Runtime.version());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("vectorization", VectorizationProvider.kernels().name());
        try {
            Provider p = NativeLibraries.provider();
            m.put("lapackeProvider", p.description());
            m.put("openblasConfig", p.openBlasConfig());
            m.put("openblasCore", p.openBlasCoreName());
            m.put("blasThreads", p.threads());
        } catch (IllegalStateException ex) {
            m.put("lapackeProvider", "none: " + ex.getMessage());
        }
        return m;
    }
}
