package dnp.sweep.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Sweep lines that hold less than every observable. */
public final class SpectrumLines {
    private SpectrumLines() {}

    /**
     * ⟨r⟩ of one realization over the central levels or an energy window (dnp transition), with the routine
     * that computed the levels ({@code eigenvalues}: a LAPACK routine, dsyevd_2stage from a size on, or
     * lanczos) and, where a Lanczos window had to be taken from dense eigenvalues because its two recursions
     * did not agree, why ({@code lanczosFallback}; absent otherwise). Lines written before these members
     * existed have neither.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GapRatioLine(String schema, String key, @JsonProperty("L") int size, double t, long realization,
                               double gapRatio, int gapRatioCount, EigenStage eigenvalues, String lanczosFallback,
                               Provenance provenance) implements SweepLine {
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
