package dnp.sweep;

/**
 * Shard {@code index} of {@code count} (1-based) of a sweep's units of work: every unit whose position
 * is ≡ index − 1 (mod count).
 */
public record Shard(int index, int count) {
    /** The whole sweep, one shard. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new UserInputException("--shard " + index + "/" + count + " must be I/N with 1 ≤ I ≤ N, e.g. 3/8");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
