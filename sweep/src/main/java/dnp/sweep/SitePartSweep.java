package dnp.sweep;

import dnp.sweep.records.Method;
import dnp.kernel.model.RealizationInput;
import dnp.kpm.KpmMoments;
import dnp.kpm.KpmSettings;
import dnp.kpm.Estimator;
import dnp.kpm.GramMoments;
import dnp.kpm.MomentStore;
import dnp.kpm.VectorMomentStore;
import dnp.kpm.VectorSettings;
import dnp.kpm.SiteParts;
import dnp.nativebindings.NativeLibraries;
import dnp.sweep.records.RealizationRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A KPM sweep whose realizations are divided over sites ({@code --site-parts K}): the moments of each
 * realization's site sample and trace vectors ({@link SiteParts}), or the vector estimator's groups
 * ({@link VectorMomentStore#groupsOfPart}: whole groups, so the result does not depend on K), are
 * computed in K parts, and a unit of work is one (realization, part). Unit u = (task index)·K + part; shard I of N takes the units
 * with u ≡ I − 1 (mod N), so the parts of one realization go to different shards.
 *
 * <p>Each part's moments go to their own file in the moment store (fsync, atomic rename): a killed
 * task loses only the part in flight, and a rerun skips every part whose file exists. Whichever task
 * finds all K part files present adds them ({@link MomentStore#readParts}, the same sites in the same
 * order as an undivided run), evaluates the realization and appends its record to its own shard
 * file, all under the folder's lock {@code DIR/results/combine.lock} and only if no shard file holds
 * the record yet: two tasks that finish a realization's last two parts at once write it exactly once.
 * A task killed between writing the last part and appending the record leaves the parts; the next
 * run of any shard holding a part of that realization (a requeue, a resubmission) combines them.
 */
public final class SitePartSweep {
    private SitePartSweep() {}

    /** One unit of work: part {@code part} (0-based) of the realization of {@code task}. */
    public record Unit(int index, SweepTask task, int part) {}

    /** Every unit of the sweep, in order: the parts of a task follow each other. */
    public static List<Unit> units(SweepSpec spec, int parts) {
        List<Unit> units = new ArrayList<>();
        for (SweepTask task : spec.tasks()) {
            for (int p = 0; p < parts; p++) {
                units.add(new Unit(units.size(), task, p));
            }
        }
        return units;
    }

    /** The units of shard {@code shard} of {@code shards} (1-based). */
    public static List<Unit> shard(SweepSpec spec, int parts, int shard, int shards) {
        return units(spec, parts).stream().filter(u -> u.index() % shards == shard - 1).toList();
    }

    /**
     * Refuses a division the sweep cannot make: K &lt; 1, K &gt; 1 with the dense method, or more parts than
     * a realization of some L has sites.
     */
    public static void check(SweepSpec spec, int parts) {
        if (parts < 1) {
            throw new UserInputException("--site-parts must be at least 1, got " + parts);
        }
        if (parts == 1) {
            return;
        }
        if (spec.model().method() != Method.KPM) {
            throw new UserInputException("--site-parts needs --method kpm: the dense method diagonalizes each "
                    + "realization whole");
        }
        long units = (long) spec.tasks().size() * parts;
        if (units > SweepSpec.MAX_REALIZATIONS) {
            throw new UserInputException("--site-parts " + parts + " divides the sweep into " + units
                    + " units of work; at most " + SweepSpec.MAX_REALIZATIONS + ": use fewer parts or realizations");
        }
        for (int size : spec.sizes()) {
            int n = size * size * size;
            KpmSpec kpm = spec.model().kpm();
            if (kpm.estimator() == Estimator.VECTORS) {
                int groups = kpm.vectorSettings(n, 1).groups();
                if (parts > groups) {
                    throw new UserInputException(String.format(Locale.ROOT, "--site-parts %d exceeds the %d groups "
                            + "of the vector estimator at L = %d (each part computes whole groups): use at most %d parts",
                            parts, groups, size, groups));
                }
                continue;
            }
            int sites = SiteParts.siteCount(n, kpm.settings(n, 1));
            if (parts > sites) {
                throw new UserInputException(String.format(Locale.ROOT,
                        "--site-parts %d exceeds the %d %s of a realization at L = %d: use at most %d parts",
                        parts, sites, sites == n ? "sites" : "sampled sites (--sites)", size, sites));
            }
        }
    }

    /**
     * Computes the unfinished parts of one shard into {@code moments} and combines every realization of
     * the shard whose parts are all present into a record in {@code dir}.
     *
     * @return units in the shard, units found done (record or part file present), parts computed now, and
     *         realizations combined now
     */
    public static SweepRunner.Outcome run(SweepSpec spec, Path dir, int shard, int shards, int parts, int threads,
                                          boolean quiet, Path folder) throws IOException {
        check(spec, parts);
        Parallelism.choose(1, threads, spec.largestSize(), 1); // refuses threads < 1 with the option's name
        List<Unit> mine = shard(spec, parts, shard, shards);
        try (SweepStore store = SweepStore.open(dir, spec.parameters().withSiteParts(parts), shard, shards)) {
            Set<String> done = new HashSet<>(store.finishedKeys());
            List<Unit> open = mine.stream().filter(u -> !done.contains(u.task().key())).toList();
            Set<Unit> todo = new HashSet<>();
            for (Unit u : open) {
                if (!files(spec, spec.input(u.task()), threads, folder).has(u.part(), parts)) {
                    todo.add(u);
                }
            }
            if (!open.isEmpty()) {
                // The stencil runs on `threads` Java threads; the evaluator's dgemm gets as many BLAS threads.
                NativeLibraries.provider().setThreads(threads);
            }
            Progress progress = new Progress(todo.size(), quiet);
            int combined = 0;
            int[] records = new int[1];
            RunStatus.Scope status = RunStatus.running(() -> "the site parts finished so far are saved in "
                    + folder + ", and " + records[0] + " realization(s) combined in this run in "
                    + store.file() + "; run the same command again to resume", () -> records[0] = store.stopAppending());
            for (Unit u : open) {
                if (done.contains(u.task().key())) {
                    continue;
                }
                PartFiles files = files(spec, spec.input(u.task()), threads, folder);
                try {
                    if (todo.contains(u)) {
                        files.compute(u.part(), parts);
                        progress.step();
                    }
                    if (combine(dir, store, u.task(), files, parts)) {
                        combined++;
                        done.add(u.task().key());
                    }
                } catch (RuntimeException ex) {
                    throw new IllegalStateException("realization " + u.task().key() + ", site part " + (u.part() + 1)
                            + " of " + parts + " failed: " + ex.getMessage(), ex);
                }
            }
            status.close();
            return new SweepRunner.Outcome(mine.size(), mine.size() - todo.size(), todo.size(), combined);
        }
    }

    /**
     * The part files of one realization in {@code folder}, of the estimator the sweep uses: the site
     * estimator's sites and trace vectors ({@link SiteParts}, {@link MomentStore}) or the vector
     * estimator's groups ({@link VectorMomentStore}). A damaged file is computed again, with a warning.
     */
    interface PartFiles {
        /** Whether part {@code part} of {@code parts} is on disk. */
        boolean has(int part, int parts) throws IOException;

        /** Computes part {@code part} of {@code parts} (or reads it) and leaves it on disk. */
        void compute(int part, int parts) throws IOException;

        /** The record of the realization from all its parts; the time counted is that of reading and adding them. */
        RealizationRecord combine(String key, int parts) throws IOException;
    }

    static PartFiles files(SweepSpec spec, RealizationInput input, int threads, Path folder) {
        KpmSpec kpm = spec.model().kpm();
        if (kpm.estimator() == Estimator.VECTORS) {
            VectorMomentStore store = new VectorMomentStore(folder, Warnings::once);
            VectorSettings settings = kpm.vectorSettings(input.sites(), threads);
            return new PartFiles() {
                public boolean has(int part, int parts) {
                    return store.hasPart(input, settings, part, parts);
                }

                public void compute(int part, int parts) throws IOException {
                    store.loadPart(input, settings, part, parts);
                }

                public RealizationRecord combine(String key, int parts) throws IOException {
                    long start = System.nanoTime();
                    GramMoments all = store.readParts(input, settings, parts);
                    return KpmRealization.record(key, input, all, (System.nanoTime() - start) * 1e-9,
                            ProvenanceCollector.collect());
                }
            };
        }
        MomentStore store = new MomentStore(folder, Warnings::once);
        KpmSettings settings = kpm.settings(input.sites(), threads);
        return new PartFiles() {
            public boolean has(int part, int parts) {
                return store.hasPart(input, settings, part, parts);
            }

            public void compute(int part, int parts) throws IOException {
                store.loadPart(input, settings, part, parts);
            }

            public RealizationRecord combine(String key, int parts) throws IOException {
                long start = System.nanoTime();
                KpmMoments sum = store.readParts(input, settings, parts);
                return KpmRealization.record(key, input, sum, (System.nanoTime() - start) * 1e-9,
                        ProvenanceCollector.collect());
            }
        };
    }

    /**
     * If every part of the realization is present and no shard file holds its record yet, adds the
     * parts, evaluates the record and appends it to this shard's file, under the folder's combine lock.
     */
    static boolean combine(Path dir, SweepStore store, SweepTask task, PartFiles files, int parts) throws IOException {
        for (int p = 0; p < parts; p++) {
            if (!files.has(p, parts)) {
                return false;
            }
        }
        return FileLocks.exclusive(dir.resolve(SweepStore.RESULTS).resolve(SweepStore.COMBINE_LOCK),
                "the combine step of " + dir, () -> {
            if (store.finishedKeys().contains(task.key())) {
                return false; // another task combined it first
            }
            store.append(files.combine(task.key(), parts));
            return true;
        });
    }
}
