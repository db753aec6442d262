package dnp.analysis;

import dnp.kernel.io.Json;
import dnp.sweep.SweepStore;
import dnp.sweep.UserInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The realizations of one or more sweep folders (shards of one sweep, or sweeps of the same
 * physics with other grids), merged by key, and their averages per (L, t) and per frequency pair.
 */
public final class Summary {
    /** Parameters that define the physics; folders merged together must agree on them. */
    private static final List<String> GRID_KEYS = List.of("sizes", "hoppings", "realizations", "firstRealization");

    private final Map<String, Object> parameters;
    private final List<Map<String, Object>> records;

    private Summary(Map<String, Object> parameters, List<Map<String, Object>> records) {
        this.parameters = parameters;
        this.records = records;
    }

    /** Reads and merges sweep folders; refuses folders of different physics, naming the first parameter that differs. */
    public static Summary read(List<Path> dirs) throws IOException {
        if (dirs.isEmpty()) {
            throw new UserInputException("summarize needs at least one sweep folder");
        }
        Map<String, Object> physics = null;
        Path first = null;
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (Path dir : dirs) {
            Map<String, Object> parameters = Json.object(SweepStore.readManifest(dir).get("parameters"));
            Map<String, Object> p = new LinkedHashMap<>(parameters);
            GRID_KEYS.forEach(p::remove);
            if (physics == null) {
                physics = parameters;
                first = dir;
            } else {
                Map<String, Object> q = new LinkedHashMap<>(physics);
                GRID_KEYS.forEach(q::remove);
                if (!SweepStore.canonical(p).equals(SweepStore.canonical(q))) {
                    throw new UserInputException(dir + " and " + first + " are sweeps of different parameters and cannot "
                            + "be merged (" + SweepStore.firstDifference(q, p) + ")");
                }
            }
            SweepStore.readRecords(dir).forEach(merged::putIfAbsent);
        }
        // Averages must not depend on how the work was sharded: sum in realization order.
        List<Map<String, Object>> records = new ArrayList<>(merged.values());
        records.sort(Comparator.comparingDouble((Map<String, Object> r) -> Json.number(r.get("L")))
                .thenComparingDouble(r -> Json.number(r.get("t")))
                .thenComparingDouble(r -> Json.number(r.get("realization"))));
        if (records.isEmpty()) {
            throw new UserInputException("no finished realizations in " + dirs);
        }
        return new Summary(physics, records);
    }

    /** The sweep parameters of the first folder (the physics is the same in all). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Every realization's record, sorted by L, t, realization. */
    public List<Map<String, Object>> records() {
        return records;
    }

    /** One point of the grid. */
    public record SizeAndHopping(int size, double hopping) implements Comparable<SizeAndHopping> {
        @Override
        public int compareTo(SizeAndHopping o) {
            return Comparator.comparingInt(SizeAndHopping::size).thenComparingDouble(SizeAndHopping::hopping)
                    .compare(this, o);
        }
    }

    /** Records grouped by (L, t), sorted. */
    public TreeMap<SizeAndHopping, List<Map<String, Object>>> byPoint() {
        TreeMap<SizeAndHopping, List<Map<String, Object>>> groups = new TreeMap<>();
        for (Map<String, Object> r : records) {
            groups.computeIfAbsent(new SizeAndHopping((int) Json.number(r.get("L")), Json.number(r.get("t"))),
                    k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    public static List<Double> values(List<Map<String, Object>> group, java.util.function.Function<Map<String, Object>, Object> f) {
        List<Double> v = new ArrayList<>();
        for (Map<String, Object> r : group) {
            v.add(Json.number(f.apply(r)));
        }
        return v;
    }

    public static Map<String, Object> pair(Map<String, Object> record, int k) {
        return Json.object(Json.array(record.get("pairs")).get(k));
    }

    public static double sub(Map<String, Object> m, String a, String b) {
        return Json.number(Json.object(m.get(a)).get(b));
    }

    /** Number of frequency pairs per record (the same for every record of a sweep). */
    public int pairCount() {
        return Json.array(records.getFirst().get("pairs")).size();
    }

    public String convention() {
        return Objects.toString(parameters.get("convention"));
    }

    public Table polarization() {
        Table csv = new Table("L", "t", "omegaN", "omegaMW", "convention", "realizations",
                "Pn_mean", "Pn_std", "Pn_sem", "PnGOE_mean", "PnGOE_std", "PnGOE_sem",
                "PnGOESampled_mean", "PnGOESampled_std", "PnGOESampled_sem",
                "numerator_mean", "numerator_std", "numerator_sem", "issSum_mean", "issSum_std", "issSum_sem",
                "K_mean", "R_mean", "C_of_means");
        byPoint().forEach((point, group) -> {
            for (int k = 0; k < pairCount(); k++) {
                int pk = k;
                Map<String, Object> first = pair(group.getFirst(), k);
                Stats pn = Stats.of(values(group, r -> pair(r, pk).get("Pn")));
                Stats goe = Stats.of(values(group, r -> pair(r, pk).get("PnGOE")));
                Stats sampled = Stats.of(values(group, r -> pair(r, pk).get("PnGOESampled")));
                Stats numerator = Stats.of(values(group, r -> pair(r, pk).get("numerator")));
                List<Double> iss = new ArrayList<>();
                for (Map<String, Object> r : group) {
                    iss.add(sub(pair(r, pk), "emit", "iss") + sub(pair(r, pk), "abs", "iss"));
                }
                Stats issSum = Stats.of(iss);
                Stats kk = Stats.of(values(group, r -> pair(r, pk).get("K")));
                Stats rr = Stats.of(values(group, r -> pair(r, pk).get("R")));
                csv.row(point.size(), point.hopping(), Json.number(first.get("omegaN")), Json.number(first.get("omegaMW")),
                        convention(), group.size(), pn.mean(), pn.std(), pn.sem(), goe.mean(), goe.std(), goe.sem(),
                        sampled.mean(), sampled.std(), sampled.sem(), numerator.mean(), numerator.std(), numerator.sem(),
                        issSum.mean(), issSum.std(), issSum.sem(), kk.mean(), rr.mean(),
                        Stats.ratioOfMeans(kk.mean(), rr.mean()));
            }
        });
        return csv;
    }

    public Table statistics() {
        Table csv = new Table("L", "t", "realizations", "ipr_mean", "ipr_std", "ipr_sem", "gapRatio_mean", "gapRatio_std",
                "gapRatio_sem", "dosSecondMoment_mean", "dosSecondMoment_std", "dosSecondMoment_sem");
        byPoint().forEach((point, group) -> {
            Stats ipr = Stats.of(values(group, r -> r.get("ipr")));
            Stats gap = Stats.of(values(group, r -> r.get("gapRatio")));
            Stats m2 = Stats.of(values(group, r -> r.get("dosSecondMoment")));
            csv.row(point.size(), point.hopping(), group.size(), ipr.mean(), ipr.std(), ipr.sem(), gap.mean(), gap.std(),
                    gap.sem(), m2.mean(), m2.std(), m2.sem());
        });
        return csv;
    }

    /** K(ω), R(ω) averaged over realizations first, then C = K̄/R̄. */
    public Table correlator() {
        Table csv = new Table("L", "t", "omega", "realizations", "K_mean", "K_sem", "R_mean", "C_of_means");
        byPoint().forEach((point, group) -> {
            double width = Json.number(group.getFirst().get("correlatorBinWidth"));
            int bins = Json.array(Json.object(group.getFirst().get("correlatorArrays")).get("K")).size();
            for (int b = 0; b < bins; b++) {
                int bb = b;
                Stats k = Stats.of(values(group, r -> Json.array(Json.object(r.get("correlatorArrays")).get("K")).get(bb)));
                Stats rr = Stats.of(values(group, r -> Json.array(Json.object(r.get("correlatorArrays")).get("R")).get(bb)));
                csv.row(point.size(), point.hopping(), b * width, group.size(), k.mean(), k.sem(), rr.mean(),
                        Stats.ratioOfMeans(k.mean(), rr.mean()));
            }
        });
        return csv;
    }

    public Table dos() {
        Table csv = new Table("L", "t", "lambda", "realizations", "density_mean", "density_sem");
        byPoint().forEach((point, group) -> {
            Map<String, Object> d = Json.object(group.getFirst().get("dos"));
            double half = Json.number(d.get("halfWidth"));
            double width = Json.number(d.get("binWidth"));
            int bins = Json.array(d.get("density")).size();
            for (int b = 0; b < bins; b++) {
                int bb = b;
                Stats s = Stats.of(values(group, r -> Json.array(Json.object(r.get("dos")).get("density")).get(bb)));
                csv.row(point.size(), point.hopping(), -half + (b + 0.5) * width, group.size(), s.mean(), s.sem());
            }
        });
        return csv;
    }
}
