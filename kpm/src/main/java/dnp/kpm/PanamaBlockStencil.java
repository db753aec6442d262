package dnp.kpm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockStencil} on the Vector API: lanes run across the block (B a multiple of the lane
 * count; other B take the scalar loop). The same operations in the same order as
 * {@link ScalarBlockStencil}, with separate multiply and add (no FMA), so results are identical.
 */
final class PanamaBlockStencil implements BlockStencil {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private final ScalarBlockStencil scalar = new ScalarBlockStencil();

    @Override
    public String name() {
        return "panama(" + SPECIES.vectorBitSize() + "-bit)";
    }

    static int lanes() {
        return LANES;
    }

    @Override
    public void apply(ScaledHamiltonian h, int b, double[] x, double[] out, double factor, boolean subtract,
                      double[] xx, double[] xo) {
        if (b % LANES != 0) {
            scalar.apply(h, b, x, out, factor, subtract, xx, xo);
            return;
        }
        int size = h.size();
        int n = h.sites();
        double[] d = h.diagonal();
        double tau = h.hopping();
        boolean periodic = h.periodic();
        int zero = n;
        for (int z = 0; z < size; z++) {
            int zm = z > 0 ? z - 1 : periodic ? size - 1 : -1;
            int zp = z + 1 < size ? z + 1 : periodic ? 0 : -1;
            for (int y = 0; y < size; y++) {
                int ym = y > 0 ? y - 1 : periodic ? size - 1 : -1;
                int yp = y + 1 < size ? y + 1 : periodic ? 0 : -1;
                int row = size * (y + size * z);
                int rowYm = ym < 0 ? -1 : size * (ym + size * z);
                int rowYp = yp < 0 ? -1 : size * (yp + size * z);
                int rowZm = zm < 0 ? -1 : size * (y + size * zm);
                int rowZp = zp < 0 ? -1 : size * (y + size * zp);
                for (int xi = 0; xi < size; xi++) {
                    int i = row + xi;
                    int xm = xi > 0 ? i - 1 : periodic ? row + size - 1 : zero;
                    int xp = xi + 1 < size ? i + 1 : periodic ? row : zero;
                    site(b, x, out, d[i], tau, factor, subtract, xx, xo, i, xm, xp,
                            rowYm < 0 ? zero : rowYm + xi, rowYp < 0 ? zero : rowYp + xi,
                            rowZm < 0 ? zero : rowZm + xi, rowZp < 0 ? zero : rowZp + xi);
                }
            }
        }
    }

    private static void site(int b, double[] x, double[] out, double di, double tau, double factor, boolean subtract,
                             double[] xx, double[] xo, int i, int xm, int xp, int ym, int yp, int zm, int zp) {
        int oi = i * b;
        int oxm = xm * b, oxp = xp * b, oym = ym * b, oyp = yp * b, ozm = zm * b, ozp = zp * b;
        for (int c = 0; c < b; c += LANES) {
            DoubleVector nb = DoubleVector.fromArray(SPECIES, x, oxm + c)
                    .add(DoubleVector.fromArray(SPECIES, x, oxp + c))
                    .add(DoubleVector.fromArray(SPECIES, x, oym + c))
                    .add(DoubleVector.fromArray(SPECIES, x, oyp + c))
                    .add(DoubleVector.fromArray(SPECIES, x, ozm + c))
                    .add(DoubleVector.fromArray(SPECIES, x, ozp + c));
            DoubleVector xi = DoubleVector.fromArray(SPECIES, x, oi + c);
            DoubleVector hx = xi.mul(di).sub(nb.mul(tau));
            DoubleVector v = hx.mul(factor);
            if (subtract) {
                v = v.sub(DoubleVector.fromArray(SPECIES, out, oi + c));
            }
            v.intoArray(out, oi + c);
            if (xx != null) {
                DoubleVector.fromArray(SPECIES, xx, c).add(xi.mul(xi)).intoArray(xx, c);
                DoubleVector.fromArray(SPECIES, xo, c).add(v.mul(xi)).intoArray(xo, c);
            }
        }
    }
}
