package dnp.cli;

import dnp.kernel.Realization;
import dnp.kernel.result.RealizationResult;
import dnp.nativebindings.NativeLibraries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the unfinished realizations of one shard of a sweep into its folder. */
final class SweepRunner {
    private SweepRunner() {}

    /** How many realizations run at once and how many BLAS threads each gets. */
    record Parallelism(int realizations, int blasThreads) {
        /**
         * Default: up to L = 10 independent realizations with one BLAS thread each use the cores better
         * (12% at L = 8); from L = 12 on both ways are within a few percent, and one realization at a
         * time with all cores in BLAS needs half the memory. Measured in BENCHMARKS.md ("Parallelism").
         */
        static Parallelism choose(Integer parallel, Integer blasThreads, int largestSize, int tasks) {
            int cores = Threads.cores();
            int p = parallel != null ? parallel : (largestSize <= 10 ? cores : 1);
            p = Math.max(1, Math.min(p, Math.max(1, tasks)));
            int b = blasThreads != null ? blasThreads : Math.max(1, cores / p);
            if (p < 1 || b < 1) {
                throw new CliException("--parallel and --blas-threads must be at least 1");
            }
            return new Parallelism(p, b);
        }
    }

    record Outcome(int total, int skipped, int computed) {}

    static Outcome run(SweepPlan plan, Path dir, int shard, int shards, Integer parallel, Integer blasThreads,
                       boolean quiet) throws IOException {
        return run(plan, plan.parameters(), dir, shard, shards, parallel, blasThreads, quiet, task -> {
            RealizationResult result = Realization.compute(plan.input(task), plan.model.solver());
            return record(task, result);
        });
    }

    /**
     * Runs the unfinished tasks of one shard, each turned into one record by {@code compute}, into a
     * folder whose manifest holds {@code parameters}.
     */
    static Outcome run(SweepPlan plan, Map<String, Object> parameters, Path dir, int shard, int shards,
                       Integer parallel, Integer blasThreads, boolean quiet,
                       java.util.function.Function<SweepPlan.Task, Map<String, Object>> compute) throws IOException {
        List<SweepPlan.Task> mine = plan.shard(shard, shards);
        try (SweepStore store = SweepStore.open(dir, parameters, shard, shards)) {
            Set<String> done = SweepStore.readRecords(dir).keySet();
            List<SweepPlan.Task> todo = mine.stream().filter(t -> !done.contains(t.key())).toList();
            Parallelism par = Parallelism.choose(parallel, blasThreads, plan.largestSize(), todo.size());
            MemoryPlan.check(plan.largestSize(), plan.model.driverName(), par.realizations());
            if (!todo.isEmpty() && !plan.model.driverName().equals("reference")) {
                NativeLibraries.provider().setThreads(par.blasThreads());
            }
            Progress progress = new Progress(todo.size(), quiet);
            ExecutorService pool = Executors.newFixedThreadPool(par.realizations(), r -> {
                Thread t = new Thread(r, "dnp-sweep");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (SweepPlan.Task task : todo) {
                    futures.add(pool.submit(() -> {
                        Map<String, Object> record;
                        try {
                            record = compute.apply(task);
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
            }
            return new Outcome(mine.size(), mine.size() - todo.size(), todo.size());
        }
    }

    static Map<String, Object> record(SweepPlan.Task task, RealizationResult result) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("key", task.key());
        record.putAll(ResultJson.record(result));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("version", Provenance.version());
        provenance.put("date", java.time.Instant.now().toString());
        record.put("provenance", provenance);
        return record;
    }
}
