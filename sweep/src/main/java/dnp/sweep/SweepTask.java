package dnp.sweep;

/** One realization of a sweep: its place in the sweep's order, L, t and the realization index. */
public record SweepTask(int index, int size, double hopping, int realization) {

    /** The name of the task in the sweep's records. */
    public String key() {
        return key(size, hopping, realization);
    }

    public static String key(int size, double hopping, int realization) {
        return "L=" + size + " t=" + hopping + " r=" + realization;
    }
}
