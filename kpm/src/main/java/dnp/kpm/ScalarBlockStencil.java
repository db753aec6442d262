package dnp.kpm;

/** {@link BlockStencil} with plain loops: the reference and the fallback. */
public final class ScalarBlockStencil implements BlockStencil {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void applyRows(ScaledHamiltonian h, int b, double[] x, double[] out, double factor, boolean subtract,
                          int z, int yFrom, int yTo, double[] sums, int offset) {
        int size = h.size();
        double[] d = h.diagonal();
        double ftau = factor * h.hopping();
        boolean dots = sums != null;
        double[] rowXX = new double[b];
        double[] rowXO = new double[b];
        int ps = offset;
        if (dots) {
            java.util.Arrays.fill(sums, ps, ps + 2 * b, 0.0);
        }
        for (int y = yFrom; y < yTo; y++) {
            Rows r = Rows.of(h, b, y, z);
            if (dots) {
                java.util.Arrays.fill(rowXX, 0.0);
                java.util.Arrays.fill(rowXO, 0.0);
            }
            for (int xi = 0; xi < size; xi++) {
                int e = r.centre() + xi * b;
                int xm = xi > 0 ? e - b : r.xMinusWrap();
                int xp = xi < size - 1 ? e + b : r.xPlusWrap();
                int ym = r.yMinus() + xi * r.yMinusStride();
                int yp = r.yPlus() + xi * r.yPlusStride();
                int zm = r.zMinus() + xi * r.zMinusStride();
                int zp = r.zPlus() + xi * r.zPlusStride();
                double fd = factor * d[r.site() + xi];
                for (int c = 0; c < b; c++) {
                    double nb = x[xm + c] + x[xp + c] + x[ym + c] + x[yp + c] + x[zm + c] + x[zp + c];
                    double xv = x[e + c];
                    double v = fd * xv - ftau * nb;
                    if (subtract) {
                        v = v - out[e + c];
                    }
                    out[e + c] = v;
                    rowXX[c] = rowXX[c] + xv * xv;
                    rowXO[c] = rowXO[c] + v * xv;
                }
            }
            if (dots) {
                for (int c = 0; c < b; c++) {
                    sums[ps + c] = sums[ps + c] + rowXX[c];
                    sums[ps + b + c] = sums[ps + b + c] + rowXO[c];
                }
            }
        }
    }
}
