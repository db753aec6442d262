package dnp.sweep;

import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;
import dnp.sweep.records.SweepParameters;

import java.util.ArrayList;
import java.util.List;

/**
 * One sweep: lattice sizes × hoppings × realizations of one model, immutable and validated on
 * construction. Its tasks come in a fixed order (L, then realization, then t); realization r has
 * the same disorder (seed, r) at every t, so sweeps over t use correlated samples.
 */
public record SweepSpec(List<Integer> sizes, List<Double> hoppings, int realizations, int firstRealization,
                        long seed, ModelSpec model) {

    /**
     * Most realizations (L × t × realization) one sweep holds: every resume and summary reads all its
     * lines (a few kB each) into memory. Larger studies are several sweeps (--first-realization).
     */
    public static final int MAX_REALIZATIONS = 1_000_000;

    public SweepSpec {
        if (sizes == null || sizes.isEmpty() || hoppings == null || hoppings.isEmpty()) {
            throw new UserInputException("a sweep needs at least one --L and one --t");
        }
        if (realizations < 1) {
            throw new UserInputException("--realizations must be at least 1, got " + realizations);
        }
        if (firstRealization < 0) {
            throw new UserInputException("--first-realization must not be negative, got " + firstRealization);
        }
        // In 64 bits: the last index and the count must not wrap around.
        long last = (long) firstRealization + realizations - 1;
        if (last > Integer.MAX_VALUE) {
            throw new UserInputException("--first-realization " + firstRealization + " with --realizations "
                    + realizations + " reaches realization index " + last + ", beyond the largest, "
                    + Integer.MAX_VALUE);
        }
        long total = (long) sizes.size() * hoppings.size() * realizations;
        if (total > MAX_REALIZATIONS) {
            throw new UserInputException(String.format(java.util.Locale.ROOT, "%d sizes × %d hoppings × %d "
                    + "realizations = %d realizations: one sweep holds at most %d; divide the study into several sweeps "
                    + "with --first-realization", sizes.size(), hoppings.size(), realizations, total,
                    MAX_REALIZATIONS));
        }
        for (double t : hoppings) {
            dnp.kernel.model.Bounds.frequency("--t: hopping t", t);
        }
        for (int size : sizes) {
            new Lattice(size, model.boundary()); // validates L against the boundary conditions
        }
        // The same (L, t) twice would compute the same realizations twice.
        refuseRepeats("--L", sizes);
        refuseRepeats("--t", hoppings);
        sizes = List.copyOf(sizes);
        hoppings = List.copyOf(hoppings);
    }

    private static void refuseRepeats(String option, List<?> values) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Object v : values) {
            if (!seen.add(v)) {
                throw new UserInputException(option + ": " + v + " appears twice");
            }
        }
    }

    public List<SweepTask> tasks() {
        List<SweepTask> tasks = new ArrayList<>();
        for (int size : sizes) {
            for (int r = firstRealization; r < firstRealization + realizations; r++) {
                for (double t : hoppings) {
                    tasks.add(new SweepTask(tasks.size(), size, t, r));
                }
            }
        }
        return tasks;
    }

    /** Shard {@code shard} of {@code shards} (1-based): every task whose index ≡ shard − 1 (mod shards). */
    public List<SweepTask> shard(int shard, int shards) {
        return tasks().stream().filter(t -> t.index() % shards == shard - 1).toList();
    }

    /** The lattice of a task. */
    public Lattice lattice(SweepTask task) {
        return new Lattice(task.size(), model.boundary());
    }

    /** The disorder of a task: box disorder of width w fixed by (seed, realization). */
    public Disorder disorder(SweepTask task) {
        return Disorder.box(lattice(task).sites(), model.width(), seed, task.realization());
    }

    public RealizationInput input(SweepTask task) {
        return new RealizationInput(lattice(task), task.hopping(), disorder(task), model.physics(), model.pairs(),
                model.analysis(), model.convention());
    }

    /** What the manifest records, and what a rerun must match. */
    public SweepParameters parameters() {
        return model.parameters(sizes, hoppings, realizations, firstRealization, seed);
    }

    public int largestSize() {
        return sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    public SweepSpec withSizes(List<Integer> s) {
        return new SweepSpec(s, hoppings, realizations, firstRealization, seed, model);
    }
}
