package dnp.kernel.model;

/**
 * The L×L×L cubic lattice, N = L³ sites indexed i = x + L·(y + L·z).
 *
 * @param size     linear size L
 * @param boundary periodic (default) or open
 */
public record Lattice(int size, BoundaryCondition boundary) {

    /** Largest L whose N² matrix index fits a Java long comfortably and N a LAPACK int. */
    public static final int MAX_SIZE = 1000;

    public Lattice {
        if (boundary == null) {
            throw new IllegalArgumentException("boundary condition must be given");
        }
        if (size < 1) {
            throw new IllegalArgumentException("lattice size L must be at least 1, got " + size);
        }
        if (boundary == BoundaryCondition.PERIODIC && size < 3) {
            throw new IllegalArgumentException("lattice size L = " + size
                    + " is too small for periodic boundaries (L = 2 would double the hopping): use L >= 3 or --bc open");
        }
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("lattice size L = " + size + " exceeds " + MAX_SIZE);
        }
    }

    public static Lattice periodic(int size) {
        return new Lattice(size, BoundaryCondition.PERIODIC);
    }

    /** N = L³. */
    public int sites() {
        return size * size * size;
    }

    /** Site index of (x, y, z), each in [0, L). */
    public int index(int x, int y, int z) {
        return x + size * (y + size * z);
    }
}
