package dnp.nativebindings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledProviderTest {

    @Test
    void defaultProviderIsTheBundledOpenBlas() {
        Provider p = NativeLibraries.provider();
        assertEquals(Provider.Kind.BUNDLED, p.kind(), p.description());
        assertTrue(p.isOpenBlas());
        assertTrue(p.openBlasConfig().startsWith("OpenBLAS 0.3.31"), p.openBlasConfig());
        assertFalse(p.openBlasCoreName().isEmpty());
        assertTrue(p.threads() >= 1);
    }

    @Test
    void threadCountCanBeSetAndRead() {
        Provider p = NativeLibraries.provider();
        int before = p.threads();
        try {
            assertTrue(p.setThreads(1));
            assertEquals(1, p.threads());
        } finally {
            p.setThreads(before);
        }
        assertThrows(IllegalArgumentException.class, () -> p.setThreads(0));
    }

    @Test
    void dsyevdAndDsyevrSolveATwoByTwo() {
        try (Arena arena = Arena.ofConfined()) {
            // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
            MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);
            MemorySegment w = arena.allocate(ValueLayout.JAVA_DOUBLE, 2);
            double[] m = {2, 1, 1, 2};
            MemorySegment.copy(m, 0, a, ValueLayout.JAVA_DOUBLE, 0, 4);
            Lapack.dsyevd(Lapack.Job.VECTORS, 2, a, 2, w);
            assertEquals(1.0, w.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), 1e-15);
            assertEquals(3.0, w.getAtIndex(ValueLayout.JAVA_DOUBLE, 1), 1e-15);
            double v0 = a.getAtIndex(ValueLayout.JAVA_DOUBLE, 0);
            double v1 = a.getAtIndex(ValueLayout.JAVA_DOUBLE, 1);
            assertEquals(0.0, v0 + v1, 1e-15); // (1, -1)/√2 for λ = 1

            MemorySegment.copy(m, 0, a, ValueLayout.JAVA_DOUBLE, 0, 4);
            MemorySegment z = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);
            int found = Lapack.dsyevr(Lapack.Job.VECTORS, 2, a, 2, 2, 2, w, z, 2);
            assertEquals(1, found);
            assertEquals(3.0, w.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), 1e-14);
        }
    }

    @Test
    void dsyevd2stageIsPresentAndSolvesATwoByTwo() {
        // Fails when the bundled provider lost the two-stage routine and eigenvalues-only runs fell back.
        assertTrue(Lapack.hasDsyevd2stage(), NativeLibraries.provider().description());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);
            MemorySegment w = arena.allocate(ValueLayout.JAVA_DOUBLE, 2);
            MemorySegment.copy(new double[]{2, 1, 1, 2}, 0, a, ValueLayout.JAVA_DOUBLE, 0, 4);
            Lapack.dsyevd2stage(2, a, 2, w);
            assertEquals(1.0, w.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), 1e-15);
            assertEquals(3.0, w.getAtIndex(ValueLayout.JAVA_DOUBLE, 1), 1e-15);
            assertEquals(0, Lapack.dsyevd2stage(0, a, 1, w));
            var tooSmall = assertThrows(IllegalArgumentException.class, () -> Lapack.dsyevd2stage(3, a, 3, w));
            assertTrue(tooSmall.getMessage().startsWith("dsyevd_2stage: a holds 4 doubles, needs 9"), tooSmall.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Lapack.dsyevd2stage(2, a, 1, w));
            assertThrows(IllegalArgumentException.class, () -> Lapack.dsyevd2stage(-1, a, 1, w));
        }
    }

    @Test
    void nonFiniteMatrixOrBadArgumentsGiveClearErrors() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);
            MemorySegment w = arena.allocate(ValueLayout.JAVA_DOUBLE, 2);
            var tooSmall = assertThrows(IllegalArgumentException.class,
                    () -> Lapack.dsyevd(Lapack.Job.VECTORS, 3, a, 3, w));
            assertTrue(tooSmall.getMessage().contains("needs 9"), tooSmall.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Lapack.dsyevd(Lapack.Job.VECTORS, 2, a, 1, w));
            assertThrows(IllegalArgumentException.class,
                    () -> Lapack.dsyevd(Lapack.Job.VECTORS, 2, MemorySegment.ofArray(new double[4]), 2, w));
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, Double.NaN);
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, Double.NaN);
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, 3, Double.NaN);
            // LAPACK either reports the NaN (info ≠ 0) or returns NaNs; it must not crash or hang.
            try {
                Lapack.dsyevd(Lapack.Job.VECTORS, 2, a, 2, w);
                assertTrue(Double.isNaN(w.getAtIndex(ValueLayout.JAVA_DOUBLE, 0)));
            } catch (LapackException expected) {
                assertTrue(expected.getMessage().startsWith("dsyevd returned info"), expected.getMessage());
            }
        }
    }

    @Test
    void dgemmAndDsyrkAgreeOnAtA() {
        try (Arena arena = Arena.ofConfined()) {
            int k = 3, n = 2;
            MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, k * n);
            MemorySegment.copy(new double[]{1, 2, 3, 4, 5, 6}, 0, a, ValueLayout.JAVA_DOUBLE, 0, 6);
            MemorySegment c1 = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);
            MemorySegment c2 = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);
            Blas.dgemm(true, false, n, n, k, 1.0, a, k, a, k, 0.0, c1, n);
            Blas.dsyrkLower(true, n, k, 1.0, a, k, 0.0, c2, n);
            // AᵀA = [[14, 32], [32, 77]]
            assertEquals(14, c1.getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
            assertEquals(32, c1.getAtIndex(ValueLayout.JAVA_DOUBLE, 1));
            assertEquals(77, c1.getAtIndex(ValueLayout.JAVA_DOUBLE, 3));
            assertEquals(14, c2.getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
            assertEquals(32, c2.getAtIndex(ValueLayout.JAVA_DOUBLE, 1));
            assertEquals(77, c2.getAtIndex(ValueLayout.JAVA_DOUBLE, 3));
        }
    }

    @Test
    void concurrentExtractionsAgreeOnOneVerifiedFolder(@TempDir Path root) throws Exception {
        Path target = root.resolve("openblas-test");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Path> task = () -> NativeLibraries.BundledOpenBlas.ensureExtracted(target);
                results.add(pool.submit(task));
            }
            for (Future<Path> f : results) {
                assertEquals(target, f.get());
            }
        } finally {
            pool.shutdown();
        }
        try (var files = Files.list(root)) {
            assertEquals(List.of(target), files.toList(), "temporary folders left behind");
        }
        assertTrue(Files.size(target.resolve("libopenblas.so.0")) > 1_000_000);

        // A truncated library is detected and replaced on the next start.
        Files.write(target.resolve("libopenblas.so.0"), new byte[10]);
        NativeLibraries.BundledOpenBlas.ensureExtracted(target);
        assertTrue(Files.size(target.resolve("libopenblas.so.0")) > 1_000_000);
    }
}
