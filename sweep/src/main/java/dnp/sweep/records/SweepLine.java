package dnp.sweep.records;

/** One finished realization of a sweep, as one line of a shard's JSON Lines file. */
public interface SweepLine {
    /** The task's name in its sweep, {@code "L=… t=… r=…"}. */
    String key();

    /**
     * The name of an observable the record must hold as a finite number but does not (a P_n that
     * overflowed), or null: such a record is an error of the run, never written as a null.
     */
    default String nonFinite() {
        return null;
    }
}
