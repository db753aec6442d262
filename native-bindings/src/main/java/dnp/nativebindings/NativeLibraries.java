package dnp.nativebindings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Loads one LAPACKE provider per JVM, on first use.
 *
 * <p>Order of precedence:
 * <ol>
 *   <li>the system property {@value #LIBRARY_PROPERTY}, else the environment variable
 *       {@value #LIBRARY_ENV}: a {@code :}-separated list of shared libraries (absolute paths, or
 *       sonames resolved by the dynamic loader's search path), loaded in the order given; symbols
 *       are looked up in that order. Example for Debian's packages:
 *       {@code liblapacke.so.3:libopenblas.so.0}; for MKL: {@code libmkl_rt.so}.</li>
 *   <li>otherwise the OpenBLAS bundled in the Maven Central artifact
 *       {@code org.bytedeco:openblas:0.3.31-1.5.13:linux-x86_64}, extracted once into a per-user
 *       cache folder ({@value #CACHE_ENV}, else {@code $XDG_CACHE_HOME/dnp}, else
 *       {@code ~/.cache/dnp}); see {@link BundledOpenBlas}.</li>
 * </ol>
 * When nothing loads, the error is one line naming every place tried.
 */
public final class NativeLibraries {
    private NativeLibraries() {}

    /** System property naming a user LAPACKE provider. */
    public static final String LIBRARY_PROPERTY = "dnp.lapacke.library";
    /** Environment variable naming a user LAPACKE provider (the property wins). */
    public static final String LIBRARY_ENV = "DNP_LAPACKE_LIBRARY";
    /** Environment variable overriding the cache folder of the bundled OpenBLAS. */
    public static final String CACHE_ENV = "DNP_CACHE_DIR";

    private static volatile Provider provider;
    private static volatile RuntimeException failure;

    /** The loaded provider; loads it on first call. Throws {@link IllegalStateException} if none loads. */
    public static Provider provider() {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (NativeLibraries.class) {
            if (provider == null) {
                if (failure != null) {
                    throw failure;
                }
                try {
                    provider = load();
                } catch (IllegalStateException ex) {
                    failure = ex;
                    throw ex;
                }
            }
            return provider;
        }
    }

    /** Whether a provider loads in this JVM (loads it if not yet done). */
    public static boolean isLoadable() {
        try {
            provider();
            return true;
        } catch (IllegalStateException ex) {
            return false;
        }
    }

    private static Provider load() {
        String requested = System.getProperty(LIBRARY_PROPERTY);
        String origin = "system property " + LIBRARY_PROPERTY;
        if (requested == null || requested.isBlank()) {
            requested = System.getenv(LIBRARY_ENV);
            origin = "environment variable " + LIBRARY_ENV;
        }
        List<String> tried = new ArrayList<>();
        if (requested != null && !requested.isBlank()) {
            Provider p = loadUserLibraries(requested, origin, tried);
            if (p != null) {
                return p;
            }
        } else {
            try {
                return BundledOpenBlas.load(tried);
            } catch (IOException | RuntimeException ex) {
                tried.add("bundled OpenBLAS " + BundledOpenBlas.VERSION + " (" + ex.getMessage() + ")");
            }
        }
        throw new IllegalStateException("no LAPACKE library could be loaded; tried: " + String.join("; ", tried)
                + ". Set -D" + LIBRARY_PROPERTY + " or " + LIBRARY_ENV
                + " to a ':'-separated list of libraries exporting LAPACKE_dsyevd (e.g. liblapacke.so.3:libopenblas.so.0)");
    }

    private static Provider loadUserLibraries(String requested, String origin, List<String> tried) {
        Arena arena = Arena.global();
        SymbolLookup lookup = null;
        List<String> loaded = new ArrayList<>();
        boolean failed = false;
        for (String entry : requested.split(":")) {
            String name = entry.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                SymbolLookup one = name.contains("/")
                        ? SymbolLookup.libraryLookup(Path.of(name), arena)
                        : SymbolLookup.libraryLookup(name, arena);
                lookup = lookup == null ? one : lookup.or(one);
                loaded.add(name);
            } catch (IllegalArgumentException ex) {
                tried.add(name + " from " + origin + " (cannot be opened; LD_DEBUG=libs shows why)");
                failed = true;
            }
        }
        if (failed || lookup == null) {
            return null;
        }
        if (lookup.find("LAPACKE_dsyevd").isEmpty()) {
            tried.add(String.join(":", loaded) + " from " + origin + " (loaded but exports no LAPACKE_dsyevd)");
            return null;
        }
        return new Provider(Provider.Kind.USER, "user " + String.join(":", loaded) + " (" + origin + ")", lookup);
    }

    /** Cache root for extracted libraries. */
    static Path cacheRoot() {
        String override = System.getenv(CACHE_ENV);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "dnp");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "dnp");
    }

    /**
     * The OpenBLAS shipped inside {@code org.bytedeco:openblas} (DYNAMIC_ARCH, exports LAPACKE,
     * CBLAS and openblas_*). Extraction is atomic and safe against concurrent starts: files are
     * written into a private temporary folder, each checked against the SHA-256 pinned below, and
     * the folder is renamed into place in one step; a process that loses the race uses the
     * winner's folder. Loading follows the order libquadmath, libgfortran, libopenblas, so that no
     * system Fortran runtime and no LD_LIBRARY_PATH are needed.
     */
    static final class BundledOpenBlas {
        static final String VERSION = "0.3.31-1.5.13";
        private static final String RESOURCE_DIR = "org/bytedeco/openblas/linux-x86_64/";
        /** File name, SHA-256, in load order; libgcc_s is extracted for completeness but the system's is used. */
        private static final String[][] FILES = {
                {"libquadmath.so.0", "67d3147512460e56dc805582ed5d32b66a7a199247ba5a27b7cb3054d2b2fef2"},
                {"libgfortran.so.5", "3ec471016fbfea6ccda4736fbbf2d0098e6386d2c34fb7ae9b15d91fa1b38874"},
                {"libopenblas.so.0", "e3a80f7696735e6bcd374fbe6c91e42f83dc8bfb09c5b92a5f73d67c76b55ec1"},
        };

        static Provider load(List<String> tried) throws IOException {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
                throw new IOException("bundled OpenBLAS is for linux-x86_64, this is " + os + "-" + arch);
            }
            if (NativeLibraries.class.getClassLoader().getResource(RESOURCE_DIR + FILES[2][0]) == null) {
                throw new IOException("resource " + RESOURCE_DIR + FILES[2][0]
                        + " not on the class path (artifact org.bytedeco:openblas:" + VERSION + ":linux-x86_64)");
            }
            Path dir = ensureExtracted(cacheRoot().resolve("openblas-" + VERSION));
            Arena arena = Arena.global();
            SymbolLookup lookup = null;
            for (String[] file : FILES) {
                Path lib = dir.resolve(file[0]);
                try {
                    lookup = SymbolLookup.libraryLookup(lib, arena);
                } catch (IllegalArgumentException ex) {
                    throw new IOException("cannot load " + lib + " (LD_DEBUG=libs shows why)");
                }
            }
            return new Provider(Provider.Kind.BUNDLED, "bundled OpenBLAS " + VERSION + " from " + dir, lookup);
        }

        static Path ensureExtracted(Path target) throws IOException {
            if (isComplete(target)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp-");
            try {
                for (String[] file : FILES) {
                    extractVerified(RESOURCE_DIR + file[0], tmp.resolve(file[0]), file[1]);
                }
                // rename(2) of a folder onto an existing non-empty folder fails: the first process
                // to finish wins, the others use its folder. A broken folder in the way is moved aside.
                for (int attempt = 0; attempt < 3 && !isComplete(target); attempt++) {
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileSystemException raced) {
                        if (Files.exists(target) && !isComplete(target)) {
                            Path aside = target.resolveSibling(target.getFileName() + ".broken-"
                                    + ProcessHandle.current().pid() + "-" + System.nanoTime());
                            try {
                                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                                deleteTree(aside);
                            } catch (FileSystemException movedByAnother) {
                                // another process is repairing it; look again
                            }
                        }
                    }
                }
            } finally {
                deleteTree(tmp);
            }
            if (!isComplete(target)) {
                throw new IOException("extracted OpenBLAS in " + target + " is incomplete");
            }
            return target;
        }

        /**
         * A folder is complete when every library has its marker (pinned SHA-256 and size, written
         * only after the checksum matched) and still has that size: folders are verified before they
         * are renamed into place, so re-hashing 40 MB at every start is not needed.
         */
        private static boolean isComplete(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return false;
            }
            for (String[] file : FILES) {
                Path p = dir.resolve(file[0]);
                if (!Files.isRegularFile(p)) {
                    return false;
                }
                Path marker = dir.resolve(file[0] + ".sha256");
                if (!Files.isRegularFile(marker)) {
                    return false;
                }
                String[] parts = Files.readString(marker).trim().split(" ");
                if (parts.length != 2 || !parts[0].equals(file[1]) || Long.parseLong(parts[1]) != Files.size(p)) {
                    return false;
                }
            }
            return true;
        }

        private static void extractVerified(String resource, Path out, String sha256) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException ex) {
                throw new IOException(ex);
            }
            long size;
            try (InputStream in = new DigestInputStream(resource(resource), digest);
                 OutputStream os = Files.newOutputStream(out)) {
                size = in.transferTo(os);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new IOException("checksum mismatch for " + resource + ": expected " + sha256 + ", got " + actual);
            }
            Files.writeString(out.resolveSibling(out.getFileName() + ".sha256"), sha256 + " " + size + "\n");
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IOException("resource " + name + " not on the class path");
            }
            return in;
        }

        private static void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
