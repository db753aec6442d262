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

    /** Mean IPR of one realization's central eigenstates (dnp multifractal). */
    public record IprLine(String schema, String key, @JsonProperty("L") int size, double t, long realization,
                          double ipr, Provenance provenance) implements SweepLine {
        public static final String SCHEMA = "dnp.central-ipr/1";
    }
}
