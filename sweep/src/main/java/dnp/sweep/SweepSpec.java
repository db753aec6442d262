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
        for (double t : hoppings) {
            if (!Double.isFinite(t) || t < 0) {
                throw new UserInputException("--t: hopping must be a finite number ≥ 0, got " + t);
            }
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
