package dnp.kpm;

import dnp.kernel.vector.PanamaVectorConstants;
import jdk.incubator.vector.DoubleVector;

import static dnp.kernel.vector.PanamaVectorConstants.LANES;
import static dnp.kernel.vector.PanamaVectorConstants.SPECIES;

/**
 * {@link BlockStencil} on the Vector API: lanes run across the block (B a multiple of the lane
 * count; other B take the scalar loop). Each row is swept once per chunk of LANES columns, so the
 * row's dot-product partial sums stay in two vector registers (a sum held in memory would put a
 * store-to-load round trip on every site's critical path). The same operations in the same order as
 * {@link ScalarBlockStencil}, with separate multiply and add (no FMA), so results are identical.
 */
final class PanamaBlockStencil implements BlockStencil {
    private final ScalarBlockStencil scalar = new ScalarBlockStencil();

    @Override
    public String name() {
        return PanamaVectorConstants.implementationName();
    }

    static int lanes() {
        return LANES;
    }

    @Override
    public void applyRows(ScaledHamiltonian h, int b, double[] x, double[] out, double factor, boolean subtract,
                          int z, int yFrom, int yTo, double[] sums, int offset) {
        if (b % LANES != 0) {
            scalar.applyRows(h, b, x, out, factor, subtract, z, yFrom, yTo, sums, offset);
            return;
        }
        int size = h.size();
        double[] d = h.diagonal();
        double ftau = factor * h.hopping();
        if (sums != null) {
            java.util.Arrays.fill(sums, offset, offset + 2 * b, 0.0);
        }
        for (int y = yFrom; y < yTo; y++) {
            Rows r = Rows.of(h, b, y, z);
            for (int c = 0; c < b; c += LANES) {
                row(r, size, b, c, x, out, d, factor, ftau, subtract, sums, offset);
            }
        }
    }

    /** Columns c … c + LANES − 1 of one row; adds the row's dot products to the group's sums. */
    private static void row(Rows r, int size, int b, int c, double[] x, double[] out, double[] d, double factor,
                            double ftau, boolean subtract, double[] sums, int offset) {
        DoubleVector ftauV = DoubleVector.broadcast(SPECIES, ftau);
        DoubleVector xx = DoubleVector.zero(SPECIES);
        DoubleVector xo = DoubleVector.zero(SPECIES);
        int site = r.site();
        int e = r.centre() + c;
        int ym = r.yMinus() + c, yp = r.yPlus() + c, zm = r.zMinus() + c, zp = r.zPlus() + c;
        int sym = r.yMinusStride(), syp = r.yPlusStride(), szm = r.zMinusStride(), szp = r.zPlusStride();
        for (int xi = 0; xi < size; xi++) {
            int xm = xi > 0 ? e - b : r.xMinusWrap() + c;
            int xp = xi < size - 1 ? e + b : r.xPlusWrap() + c;
            DoubleVector nb = DoubleVector.fromArray(SPECIES, x, xm)
                    .add(DoubleVector.fromArray(SPECIES, x, xp))
                    .add(DoubleVector.fromArray(SPECIES, x, ym))
                    .add(DoubleVector.fromArray(SPECIES, x, yp))
                    .add(DoubleVector.fromArray(SPECIES, x, zm))
                    .add(DoubleVector.fromArray(SPECIES, x, zp));
            DoubleVector xv = DoubleVector.fromArray(SPECIES, x, e);
            DoubleVector v = xv.mul(factor * d[site + xi]).sub(nb.mul(ftauV));
            if (subtract) {
                v = v.sub(DoubleVector.fromArray(SPECIES, out, e));
            }
            v.intoArray(out, e);
            xx = xx.add(xv.mul(xv));
            xo = xo.add(v.mul(xv));
            e += b;
            ym += sym;
            yp += syp;
            zm += szm;
            zp += szp;
        }
        if (sums != null) {
            DoubleVector.fromArray(SPECIES, sums, offset + c).add(xx).intoArray(sums, offset + c);
            DoubleVector.fromArray(SPECIES, sums, offset + b + c).add(xo).intoArray(sums, offset + b + c);
        }
    }
}
