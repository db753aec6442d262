package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Sweep lines that hold less than every observable. */
public final class SpectrumLines {
    private SpectrumLines() {}

    /** ⟨r⟩ of one realization over the central levels (dnp transition). */
    public record GapRatioLine(String schema, String key, @JsonProperty("L") int size, double t, long realization,
                               double gapRatio, int gapRatioCount, Provenance provenance) implements SweepLine {
        public static final String SCHEMA = "dnp.gap-ratio/1";
    }

    /**
     * One realization's central eigenstates (dnp multifractal): the mean and mean-log IPR of the
     * {@code states} central ones, and the pairs of the wider window of {@code windowStates} binned by
     * separation in units of the window's mean level spacing (physics/WindowPairs).
     */
    public record CentralStatesLine(String schema, String key, @JsonProperty("L") int size, double t,
                                    long realization, int states, double ipr, double logIpr, int windowStates,
                                    double spacing, double lowestEdge, int binsPerDecade,
                                    double[] pairOverlapSums, long[] pairCounts, Provenance provenance)
            implements SweepLine {
        public static final String SCHEMA = "dnp.central-states/1";
    }
}
