package dnp.kpm;

/**
 * Element offsets (site index × B) of one lattice row (fixed y, z) and of its four y/z neighbour rows,
 * for the block layout of {@link BlockStencil}. Site (x, y, z) is i = x + L(y + Lz). A neighbour row
 * that an open boundary removes is the zero row with stride 0, so that its site xi reads
 * {@code offset + xi·stride} = the zero row for every xi; existing rows have stride B.
 *
 * @param site       i of the row's first site (x = 0)
 * @param centre     site·B
 * @param xMinusWrap offset read as the x − 1 neighbour of x = 0 (the row's last site, or the zero row)
 * @param xPlusWrap  offset read as the x + 1 neighbour of x = L − 1 (the row's first site, or the zero row)
 */
record Rows(int site, int centre, int xMinusWrap, int xPlusWrap, int yMinus, int yMinusStride, int yPlus,
            int yPlusStride, int zMinus, int zMinusStride, int zPlus, int zPlusStride) {

    static Rows of(ScaledHamiltonian h, int b, int y, int z) {
        int size = h.size();
        boolean periodic = h.periodic();
        int zero = h.sites() * b;
        int site = size * (y + size * z);
        int ym = neighbour(y - 1, size, periodic);
        int yp = neighbour(y + 1, size, periodic);
        int zm = neighbour(z - 1, size, periodic);
        int zp = neighbour(z + 1, size, periodic);
        return new Rows(site, site * b,
                periodic ? (site + size - 1) * b : zero,
                periodic ? site * b : zero,
                ym < 0 ? zero : size * (ym + size * z) * b, ym < 0 ? 0 : b,
                yp < 0 ? zero : size * (yp + size * z) * b, yp < 0 ? 0 : b,
                zm < 0 ? zero : size * (y + size * zm) * b, zm < 0 ? 0 : b,
                zp < 0 ? zero : size * (y + size * zp) * b, zp < 0 ? 0 : b);
    }

    /** The coordinate q wrapped into [0, L) on a periodic lattice; −1 if it falls off an open one. */
    private static int neighbour(int q, int size, boolean periodic) {
        if (q >= 0 && q < size) {
            return q;
        }
        return periodic ? Math.floorMod(q, size) : -1;
    }
}
