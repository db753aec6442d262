package dnp.analysis;

import dnp.kernel.result.Localization;
import dnp.sweep.SweepStore;
import dnp.sweep.SweepTask;
import dnp.sweep.UserInputException;
import dnp.sweep.records.PairRecord;
import dnp.sweep.records.RealizationRecord;
import dnp.sweep.records.RealizationRecord.LocalizationRecord;
import dnp.sweep.records.SweepParameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The realizations of one or more sweep folders (shards of one sweep, or sweeps of the same
 * physics with other grids), merged by key, and their averages per (L, t) and per frequency pair.
 */
public final class Summary {
    private final SweepParameters parameters;
    private final List<Path> folders;
    private final List<RealizationRecord> records;
    private final int planned;

    private Summary(SweepParameters parameters, List<Path> folders, List<RealizationRecord> records, int planned) {
        this.parameters = parameters;
        this.folders = folders;
        this.records = records;
        this.planned = planned;
    }

    /** Reads and merges sweep folders; refuses folders of different physics, naming the first parameter that differs. */
    public static Summary read(List<Path> dirs) throws IOException {
        if (dirs.isEmpty()) {
            throw new UserInputException("summarize needs at least one sweep folder");
        }
        SweepParameters physics = null;
        Path first = null;
        Map<String, RealizationRecord> merged = new LinkedHashMap<>();
        java.util.Set<String> planned = new java.util.HashSet<>();
        for (Path dir : dirs) {
            SweepParameters parameters = SweepStore.readManifest(dir).parameters();
            if (physics == null) {
                physics = parameters;
                first = dir;
            } else {
                // Grids may differ (other sizes, hoppings, realizations); the physics may not.
                SweepParameters.Difference d = physics.firstDifference(parameters.withGridOf(physics));
                if (d != null) {
                    throw new UserInputException(dir + " and " + first + " are sweeps of different parameters and "
                            + "cannot be merged (" + d.name() + ": " + first + ": " + d.here() + ", " + dir + ": "
                            + d.there() + ")");
                }
            }
            SweepStore.readRecords(dir, RealizationRecord.class).forEach(merged::putIfAbsent);
            planned.addAll(SweepTask.keys(parameters.sizes(), parameters.hoppings(), parameters.firstRealization(),
                    parameters.realizations()));
        }
        // Averages must not depend on how the work was sharded: sum in realization order.
        List<RealizationRecord> records = new ArrayList<>(merged.values());
        records.sort(Comparator.comparingInt(RealizationRecord::size).thenComparingDouble(RealizationRecord::t)
                .thenComparingLong(RealizationRecord::realization));
        if (records.isEmpty()) {
            throw new UserInputException("no finished realizations in " + dirs);
        }
        return new Summary(physics, List.copyOf(dirs), records, planned.size());
    }

    /**
     * The realizations the manifests of the folders plan (the union of their grids); {@link #records()}
     * may hold fewer while a sweep is unfinished.
     */
    public int planned() {
        return planned;
    }

    /** The sweep parameters of the first folder (the physics is the same in all). */
    public SweepParameters parameters() {
        return parameters;
    }

    /** The folders merged. */
    public List<Path> folders() {
        return folders;
    }

    /** Every realization's record, sorted by L, t, realization. */
    public List<RealizationRecord> records() {
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
    public TreeMap<SizeAndHopping, List<RealizationRecord>> byPoint() {
        TreeMap<SizeAndHopping, List<RealizationRecord>> groups = new TreeMap<>();
        for (RealizationRecord r : records) {
            groups.computeIfAbsent(new SizeAndHopping(r.size(), r.t()), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** One value per record of a group. */
    public static double[] values(List<RealizationRecord> group, ToDoubleFunction<RealizationRecord> f) {
        return group.stream().mapToDouble(f).toArray();
    }

    /** One value of pair {@code k} per record of a group. */
    public static double[] pairValues(List<RealizationRecord> group, int k, ToDoubleFunction<PairRecord> f) {
        return group.stream().mapToDouble(r -> f.applyAsDouble(r.pairs().get(k))).toArray();
    }

    /** Number of frequency pairs per record (the same for every record of a sweep). */
    public int pairCount() {
        return records.getFirst().pairs().size();
    }

    public dnp.kernel.model.Convention convention() {
        return parameters.convention();
    }

    /**
     * Per (L, t, pair): the polarizations, the rates of Fig. 5, K, R and C at ω_n with R in both forms
     * ({@code R_mean} the pair histogram of each realization's spectrum, the default; {@code Rdos} =
     * ∫ρ̄ρ̄ from the averaged DOS, {@link DensityCorrelation}), the right-hand side of Eq. 29 with each,
     * and the levels per resonance width at ω_MW (docs/model.md).
     */
    public Table polarization() {
        Table csv = new Table("L", "t", "omegaN", "omegaMW", "convention", "realizations",
                "Pn_mean", "Pn_std", "Pn_sem", "PnGOE_mean", "PnGOE_std", "PnGOE_sem",
                "PnGOESampled_mean", "PnGOESampled_std", "PnGOESampled_sem",
                "PnEq24_mean", "PnEq24_std", "PnEq24_sem", "PnEq24GOE_mean", "numeratorOverLeakage_mean",
                "numerator_mean", "numerator_std", "numerator_sem", "issSum_mean", "issSum_std", "issSum_sem",
                "K_mean", "R_mean", "C_of_means", "Rdos", "C_dos", "Eq29_pair", "Eq29_dos", "levelsPerWidth",
                "PnThermal", "enhancement_mean", "enhancement_std", "enhancement_sem", "buildUpTime_mean",
                "buildUpTime_std", "buildUpTime_sem");
        byPoint().forEach((point, group) -> {
            for (int k = 0; k < pairCount(); k++) {
                PairRecord first = group.getFirst().pairs().get(k);
                Stats pn = Stats.of(pairValues(group, k, PairRecord::pn));
                Stats goe = Stats.of(pairValues(group, k, PairRecord::pnGoe));
                Stats sampled = Stats.of(pairValues(group, k, PairRecord::pnGoeSampled));
                Stats eq24 = Stats.of(pairValues(group, k, FigureData::pnEq24));
                int pair = k;
                double eq24Goe = Stats.mean(values(group, r -> FigureData.pnEq24Goe(this, r, pair)), null);
                double overLeakage = Stats.mean(values(group, r -> FigureData.numeratorOverLeakage(this, r, pair)),
                        null);
                Stats numerator = Stats.of(pairValues(group, k, PairRecord::numerator));
                Stats issSum = Stats.of(pairValues(group, k, FigureData::issSum));
                Stats kk = Stats.of(pairValues(group, k, PairRecord::k));
                Stats rr = Stats.of(pairValues(group, k, PairRecord::r));
                double c = Stats.ratioOfMeans(kk.mean(), rr.mean());
                double rdos = FigureData.densityCorrelatorAt(group, first.omegaN());
                Stats enhancement = Stats.of(values(group, r -> FigureData.enhancement(this, r, pair).enhancement()));
                Stats buildUp = Stats.of(values(group, r -> FigureData.enhancement(this, r, pair).buildUpTime()));
                double thermal = FigureData.enhancement(this, group.getFirst(), pair).thermal();
                double cdos = Stats.ratioOfMeans(kk.mean(), rdos);
                csv.row(point.size(), point.hopping(), first.omegaN(), first.omegaMW(),
                        convention(), group.size(), pn.mean(), pn.std(), pn.sem(), goe.mean(), goe.std(), goe.sem(),
                        sampled.mean(), sampled.std(), sampled.sem(), eq24.mean(), eq24.std(), eq24.sem(), eq24Goe,
                        overLeakage, numerator.mean(), numerator.std(), numerator.sem(),
                        issSum.mean(), issSum.std(), issSum.sem(), kk.mean(), rr.mean(), c, rdos, cdos,
                        FigureData.eq29(group, k, false), FigureData.eq29(group, k, true),
                        FigureData.levelsPerWidth(this, group, first.omegaMW()), thermal, enhancement.mean(),
                        enhancement.std(), enhancement.sem(), buildUp.mean(), buildUp.std(), buildUp.sem());
            }
        });
        return csv;
    }

    /**
     * Per (L, t): IPR, ⟨r⟩, the DOS second moment; the localization length of Eq. 31 (κ = 1/ξ averaged
     * over realizations, the self-averaging quantity, then ξ = 1/κ̄ and Δ_ξ = 1/(ρ̄ ξ³) through
     * {@link Localization#of}, with the flag ξ ≥ L and the fraction of realizations flagged); the
     * participation length; and the variance of the microwave weights A_α² of Eq. B3. Records without
     * these (kpm, or older sweeps) give NaN.
     */
    public Table statistics() {
        Table csv = new Table("L", "t", "realizations", "ipr_mean", "ipr_std", "ipr_sem", "gapRatio_mean", "gapRatio_std",
                "gapRatio_sem", "dosSecondMoment_mean", "dosSecondMoment_std", "dosSecondMoment_sem",
                "decayRate_mean", "decayRate_std", "decayRate_sem", "xi_of_mean", "xi_exceeds_L", "exceedsL_fraction",
                "participationLength_mean", "participationLength_sem", "centreDos_mean", "levelSpacing_of_means",
                "microwaveWeightVariance_mean", "microwaveWeightVariance_std", "microwaveWeightVariance_sem");
        byPoint().forEach((point, group) -> {
            Stats ipr = Stats.of(values(group, RealizationRecord::ipr));
            Stats gap = Stats.of(values(group, RealizationRecord::gapRatio));
            Stats m2 = Stats.of(values(group, RealizationRecord::dosSecondMoment));
            Stats kappa = Stats.of(values(group, r -> localization(r, LocalizationRecord::decayRate)));
            Stats length = Stats.of(values(group, r -> localization(r, LocalizationRecord::participationLength)));
            Stats rho = Stats.of(values(group, r -> localization(r, LocalizationRecord::centreDos)));
            Stats flagged = Stats.of(values(group, r -> localization(r, l -> l.exceedsSize() ? 1 : 0)));
            Stats weights = Stats.of(values(group,
                    r -> r.microwaveWeights() == null ? Double.NaN : r.microwaveWeights().variance()));
            Localization mean = meanLocalization(point.size(), group, kappa, length, rho);
            csv.row(point.size(), point.hopping(), group.size(), ipr.mean(), ipr.std(), ipr.sem(), gap.mean(), gap.std(),
                    gap.sem(), m2.mean(), m2.std(), m2.sem(), kappa.mean(), kappa.std(), kappa.sem(), mean.xi(),
                    Double.isNaN(kappa.mean()) ? Double.NaN : mean.exceedsSize() ? 1.0 : 0.0, flagged.mean(),
                    length.mean(), length.sem(), rho.mean(), mean.levelSpacing(), weights.mean(), weights.std(),
                    weights.sem());
        });
        return csv;
    }

    /** ξ = 1/κ̄, its flag and Δ_ξ = 1/(ρ̄ ξ³) from realization averages (Eq. 31, 33), over all their states. */
    public static Localization meanLocalization(int size, List<RealizationRecord> group, Stats kappa, Stats length,
                                                Stats rho) {
        int states = group.stream().mapToInt(r -> r.localization() == null ? 0 : r.localization().states()).sum();
        return Localization.of(states, kappa.mean(), size, length.mean(), rho.mean());
    }

    /** A field of a record's localization, NaN when the record has none. */
    public static double localization(RealizationRecord r, ToDoubleFunction<LocalizationRecord> field) {
        return r.localization() == null ? Double.NaN : field.applyAsDouble(r.localization());
    }

    /**
     * K(ω), R(ω) averaged over realizations first, then C = K̄/R̄; {@code Rdos} is ∫ρ̄ρ̄ from the
     * averaged DOS over the same ω bin and {@code C_dos} = K̄/Rdos (Eq. 30 read literally).
     */
    public Table correlator() {
        Table csv = new Table("L", "t", "omega", "realizations", "K_mean", "K_sem", "R_mean", "C_of_means", "Rdos",
                "C_dos");
        byPoint().forEach((point, group) -> {
            double width = group.getFirst().correlatorBinWidth();
            int bins = group.getFirst().correlatorK().length;
            double[][] dos = FigureData.dosCurve(group);
            double dosWidth = group.getFirst().dos().binWidth();
            for (int b = 0; b < bins; b++) {
                int bb = b;
                Stats k = Stats.of(values(group, r -> r.correlatorK()[bb]));
                Stats rr = Stats.of(values(group, r -> r.correlatorR()[bb]));
                double rdos = DensityCorrelation.binAverage(dos[1], dosWidth, (b - 0.5) * width, (b + 0.5) * width);
                csv.row(point.size(), point.hopping(), b * width, group.size(), k.mean(), k.sem(), rr.mean(),
                        Stats.ratioOfMeans(k.mean(), rr.mean()), rdos, Stats.ratioOfMeans(k.mean(), rdos));
            }
        });
        return csv;
    }

    /** Mean DOS per energy bin; {@code lambda} is the bin centre. */
    public Table dos() {
        Table csv = new Table("L", "t", "lambda", "realizations", "density_mean", "density_sem");
        byPoint().forEach((point, group) -> {
            RealizationRecord.Dos d = group.getFirst().dos();
            for (int b = 0; b < d.density().length; b++) {
                int bb = b;
                Stats s = Stats.of(values(group, r -> r.dos().density()[bb]));
                csv.row(point.size(), point.hopping(), -d.halfWidth() + (b + 0.5) * d.binWidth(), group.size(), s.mean(),
                        s.sem());
            }
        });
        return csv;
    }
}
