package dnp.kpm;

/** {@link BlockStencil} with plain loops: the reference and the fallback. */
public final class ScalarBlockStencil implements BlockStencil {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void apply(ScaledHamiltonian h, int b, double[] x, double[] out, double factor, boolean subtract,
                      double[] xx, double[] xo) {
        int size = h.size();
        int n = h.sites();
        double[] d = h.diagonal();
        double tau = h.hopping();
        boolean periodic = h.periodic();
        int zero = n; // the zero row
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
        for (int c = 0; c < b; c++) {
            double nb = x[oxm + c] + x[oxp + c] + x[oym + c] + x[oyp + c] + x[ozm + c] + x[ozp + c];
            double xi = x[oi + c];
            double hx = di * xi - tau * nb;
            double v = factor * hx;
            if (subtract) {
                v = v - out[oi + c];
            }
            out[oi + c] = v;
            if (xx != null) {
                xx[c] = xx[c] + xi * xi;
                xo[c] = xo[c] + v * xi;
            }
        }
    }
}
