package dnp.cli;

import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;
import dnp.kernel.model.RealizationInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realizations of a sweep, in a fixed order (L, then realization, then t), each named by a key.
 * Realization r at every t shares the same disorder (seed, r): sweeps over t use correlated samples.
 */
final class SweepPlan {
    final List<Integer> sizes;
    final List<Double> hoppings;
    final int realizations;
    final int firstRealization;
    final long seed;
    final ModelOptions model;

    SweepPlan(List<Integer> sizes, List<Double> hoppings, int realizations, int firstRealization, long seed,
              ModelOptions model) {
        if (realizations < 1) {
            throw new CliException("--realizations must be at least 1, got " + realizations);
        }
        if (firstRealization < 0) {
            throw new CliException("--first-realization must not be negative, got " + firstRealization);
        }
        for (double t : hoppings) {
            if (!Double.isFinite(t) || t < 0) {
                throw new CliException("--t: hopping must be a finite number ≥ 0, got " + t);
            }
        }
        model.validate();
        for (int size : sizes) {
            new Lattice(size, model.boundary()); // validates L against the boundary conditions
        }
        this.sizes = List.copyOf(sizes);
        this.hoppings = List.copyOf(hoppings);
        this.realizations = realizations;
        this.firstRealization = firstRealization;
        this.seed = seed;
        this.model = model;
    }

    record Task(int index, int size, double hopping, int realization) {
        String key() {
            return key(size, hopping, realization);
        }

        static String key(int size, double hopping, int realization) {
            return "L=" + size + " t=" + hopping + " r=" + realization;
        }
    }

    List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (int size : sizes) {
            for (int r = firstRealization; r < firstRealization + realizations; r++) {
                for (double t : hoppings) {
                    tasks.add(new Task(tasks.size(), size, t, r));
                }
            }
        }
        return tasks;
    }

    /** Shard {@code shard} of {@code shards} (1-based): every task whose index ≡ shard − 1 (mod shards). */
    List<Task> shard(int shard, int shards) {
        return tasks().stream().filter(t -> t.index() % shards == shard - 1).toList();
    }

    RealizationInput input(Task task) {
        Lattice lattice = new Lattice(task.size(), model.boundary());
        return new RealizationInput(lattice, task.hopping(),
                Disorder.box(lattice.sites(), model.width, seed, task.realization()), model.physics(), model.pairs(),
                model.analysis(), model.convention());
    }

    /** What the manifest records, and what a rerun must match. */
    Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sizes", sizes);
        m.put("hoppings", hoppings);
        m.put("realizations", realizations);
        m.put("firstRealization", firstRealization);
        m.put("seed", seed);
        m.putAll(model.describe());
        return m;
    }

    int largestSize() {
        return sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
