package dnp.kernel.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Plain-loop {@link SpectralKernels}: the fallback where the Vector API is not available. */
public final class ScalarSpectralKernels implements SpectralKernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public double sum(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    public double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void lorentzian(double[] o, double[] lambda, int n, double shift, double t2Squared,
                           double[] lorentz, double[] weighted, double[] sums) {
        double so = 0;
        double sl = 0;
        for (int a = 0; a < n; a++) {
            double d = shift - lambda[a];
            double l = 1.0 / (1.0 + t2Squared * d * d);
            double w = o[a] * l;
            lorentz[a] = l;
            weighted[a] = w;
            so += w;
            sl += l;
        }
        sums[0] = so;
        sums[1] = sl;
    }

    @Override
    public void dot2(double[] a, double[] b, double[] p, int n, double[] out) {
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < n; i++) {
            sa += a[i] * p[i];
            sb += b[i] * p[i];
        }
        out[0] = sa;
        out[1] = sb;
    }

    @Override
    public void square(MemorySegment a, long n) {
        for (long i = 0; i < n; i++) {
            double v = a.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v * v);
        }
    }
}
