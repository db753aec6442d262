package dnp.sweep;

import dnp.sweep.records.Method;
import dnp.kernel.model.RealizationInput;
import dnp.kpm.Estimator;
import dnp.sweep.records.SweepLine;
import dnp.sweep.records.SweepParameters;

import dnp.kernel.Realization;
import dnp.kernel.result.RealizationResult;
import dnp.nativebindings.NativeLibraries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs the unfinished realizations of one shard of a sweep into its folder. */
public final class SweepRunner {
    private SweepRunner() {}

    /**
     * Units of work in the shard, units found already done, units computed now, and realizations
     * combined from site parts now. A unit is a realization, or with site parts one part of one
     * ({@link SitePartSweep}); without site parts {@code combined} is 0.
     */
    public record Outcome(int total, int skipped, int computed, int combined) {
        public Outcome(int total, int skipped, int computed) {
            this(total, skipped, computed, 0);
        }
    }

    /** The folder of a sweep's moment files unless --moment-cache names another. */
    public static final String MOMENTS = "moments";

    /**
     * Where a KPM sweep keeps its moments: {@code momentCache} when given; otherwise DIR/moments for the
     * site estimator (its files are O(S·M), and a rerun with other frequencies reads them) and nowhere for
     * the vector estimator, whose Gram matrices take J·M² floats per realization (288 MB at M = 3000, J = 8):
     * those are kept only where asked for, or where a realization is split over jobs ({@code --site-parts}).
     */
    static Path momentFolder(KpmSpec kpm, Path dir, Path momentCache) {
        if (momentCache != null) {
            return momentCache;
        }
        return kpm.estimator() == Estimator.SITES ? dir.resolve(MOMENTS) : null;
    }

    /** Computes every observable of each unfinished realization of one shard of {@code spec}. */
    public static Outcome run(SweepSpec spec, Path dir, int shard, int shards, Integer parallel, Integer blasThreads,
                              boolean quiet) throws IOException {
        return run(spec, dir, shard, shards, parallel, blasThreads, quiet, null);
    }

    /**
     * As {@link #run(SweepSpec, Path, int, int, Integer, Integer, boolean)}; with {@code method = kpm} the
     * moments of each realization are read from, or computed into, {@code momentCache} (default
     * DIR/moments): another sweep of the same realizations with other frequencies, times, temperature or
     * convention then needs no stencil work.
     */
    public static Outcome run(SweepSpec spec, Path dir, int shard, int shards, Integer parallel, Integer blasThreads,
                              boolean quiet, Path momentCache) throws IOException {
        return run(spec, dir, shard, shards, parallel, blasThreads, quiet, momentCache, 1);
    }

    /**
     * As {@link #run(SweepSpec, Path, int, int, Integer, Integer, boolean, Path)}, with each KPM
     * realization's sites divided into {@code siteParts} parts that the shards share ({@link SitePartSweep};
     * 1: undivided).
     */
    public static Outcome run(SweepSpec spec, Path dir, int shard, int shards, Integer parallel, Integer blasThreads,
                              boolean quiet, Path momentCache, int siteParts) throws IOException {
        SitePartSweep.check(spec, siteParts);
        Parallelism.check(parallel, blasThreads);
        if (spec.model().method() == Method.KPM) {
            MemoryPlan.checkKpm(spec.largestSize(), spec.model().kpm());
            // The stencil uses every core itself: one realization at a time.
            // A damaged moment file is computed again, a read-only cache only not written: each said in a warning.
            KpmSpec kpm = spec.model().kpm();
            Path cache = momentFolder(kpm, dir, momentCache);
            int threads = blasThreads != null ? blasThreads : Parallelism.cores();
            if (siteParts > 1) {
                return SitePartSweep.run(spec, dir, shard, shards, siteParts, threads, quiet,
                        cache != null ? cache : dir.resolve(MOMENTS));
            }
            // One realization at a time; BLAS (the evaluator's dgemm) gets the same threads as the stencil.
            return run(spec, spec.parameters(), dir, shard, shards, 1, threads, quiet,
                    task -> KpmRealization.compute(task.key(), spec.input(task), kpm, threads, cache, Warnings::once));
        }
        return run(spec, spec.parameters(), dir, shard, shards, parallel, blasThreads, quiet, task -> {
            RealizationResult result = Realization.compute(spec.input(task), spec.model().solver());
            return ResultRecords.line(task, result, ProvenanceCollector.collect());
        });
    }

    /**
     * Runs the unfinished tasks of one shard, each turned into one record by {@code compute}, into a
     * folder whose manifest holds {@code parameters}.
     */
    public static Outcome run(SweepSpec spec, SweepParameters parameters, Path dir, int shard, int shards,
                              Integer parallel, Integer blasThreads, boolean quiet,
                              Function<SweepTask, ? extends SweepLine> compute) throws IOException {
        Parallelism.check(parallel, blasThreads);
        // What the manifest says runs: a Lanczos window needs no N² matrix, central states take dsyevr.
        boolean dense = parameters.method() == Method.DENSE;
        if (dense) {
            // At least one realization must fit, before the folder is written; the count at once is checked below.
            MemoryPlan.check(spec.largestSize(), parameters.driver(), 1);
        }
        List<SweepTask> mine = spec.shard(shard, shards);
        try (SweepStore store = SweepStore.open(dir, parameters, shard, shards)) {
            Set<String> done = store.finishedKeys();
            List<SweepTask> todo = mine.stream().filter(t -> !done.contains(t.key())).toList();
            Parallelism par = Parallelism.choose(parallel, blasThreads, spec.largestSize(), todo.size());
            if (dense) {
                MemoryPlan.check(spec.largestSize(), parameters.driver(), par.realizations());
            }
            if (!todo.isEmpty() && parameters.driver().isNative()) {
                NativeLibraries.provider().setThreads(par.blasThreads());
            }
            Progress progress = new Progress(todo.size(), quiet);
            int[] saved = new int[1];
            RunStatus.Scope status = RunStatus.running(() -> saved[0] + " of the " + todo.size()
                    + " realizations this run had to compute are saved in " + store.file() + " (" + (mine.size()
                    - todo.size() + saved[0]) + " of " + mine.size() + " of the shard); run the same command again to "
                    + "resume", () -> saved[0] = store.stopAppending());
            ExecutorService pool = Executors.newFixedThreadPool(par.realizations(), r -> {
                Thread t = new Thread(r, "dnp-sweep");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (SweepTask task : todo) {
                    futures.add(pool.submit(() -> {
                        SweepLine record;
                        try {
                            record = compute.apply(task);
                        } catch (UserInputException | ComputationException | UncheckedIOException ex) {
                            throw ex; // one line each, naming the realization or the file
                        } catch (RuntimeException ex) {
                            throw new IllegalStateException("realization " + task.key() + " failed: " + ex.getMessage(), ex);
                        }
                        try {
                            store.append(record);
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                        progress.step();
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            } catch (ExecutionException ex) {
                pool.shutdownNow();
                if (ex.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(ex.getCause());
            } finally {
                pool.shutdown();
                status.close();
            }
            return new Outcome(mine.size(), mine.size() - todo.size(), todo.size());
        }
    }
}
