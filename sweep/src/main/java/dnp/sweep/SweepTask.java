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

    /** The keys of every task of a grid (the realizations {@code first} … {@code first + count − 1} of each L and t). */
    public static java.util.Set<String> keys(java.util.List<Integer> sizes, java.util.List<Double> hoppings, int first,
                                             int count) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (int size : sizes) {
            for (long r = first; r < (long) first + count; r++) {
                for (double t : hoppings) {
                    keys.add(key(size, t, (int) r));
                }
            }
        }
        return keys;
    }
}
