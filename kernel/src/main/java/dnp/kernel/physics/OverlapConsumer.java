package dnp.kernel.physics;

/**
 * One use of the overlap matrix O, fed by {@link OverlapBlocks} one column β at a time with only its
 * rows α ≥ β (o[α] = O_αβ for α in [β, N); O is symmetric), in ascending β. Each consumer keeps its
 * own sums; several consumers read the same blocks, so O is formed once for all of them.
 */
interface OverlapConsumer {
    /** Takes column β of O, rows α ≥ β. */
    void accept(int beta, double[] o);

    /** Adds the sums of {@code other}, a consumer of the same kind fed other columns of the same matrix. */
    void add(OverlapConsumer other);

    static void addInto(double[] target, double[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] += source[i];
        }
    }
}
