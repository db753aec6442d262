package dnp.sweep.records;

/** One finished realization of a sweep, as one line of a shard's JSON Lines file. */
public interface SweepLine {
    /** The task's name in its sweep, {@code "L=… t=… r=…"}. */
    String key();
}
