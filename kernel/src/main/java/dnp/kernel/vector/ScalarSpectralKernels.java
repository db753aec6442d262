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
    public int vectorBits() {
        return Double.SIZE;
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
    public double dot(double[] a, double[] b, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void pairLorentzian(double[] o, double[] lambda, int from, int to, double lambdaBeta, double omega,
                               double t2Squared, double[] sumW, double[] diffW, double[] sumL, double[] diffL,
                               double[] sums) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int a = from; a < to; a++) {
            double d = lambda[a] - lambdaBeta;
            double minus = omega - d;
            double plus = omega + d;
            double lm = 1.0 / (1.0 + t2Squared * (minus * minus));
            double lp = 1.0 / (1.0 + t2Squared * (plus * plus));
            double ls = lm + lp;
            double ld = lm - lp;
            double ws = o[a] * ls;
            double wd = o[a] * ld;
            sumL[a] = ls;
            diffL[a] = ld;
            sumW[a] = ws;
            diffW[a] = wd;
            s0 += ws;
            s1 += wd;
            s2 += ls;
            s3 += ld;
        }
        sums[0] = s0;
        sums[1] = s1;
        sums[2] = s2;
        sums[3] = s3;
    }

    @Override
    public void dot4(double[] a, double[] b, double[] c, double[] d, double[] p, int from, int to, double[] out) {
        double sa = 0;
        double sb = 0;
        double sc = 0;
        double sd = 0;
        for (int i = from; i < to; i++) {
            sa += a[i] * p[i];
            sb += b[i] * p[i];
            sc += c[i] * p[i];
            sd += d[i] * p[i];
        }
        out[0] = sa;
        out[1] = sb;
        out[2] = sc;
        out[3] = sd;
    }

    @Override
    public void square(MemorySegment a, long n) {
        for (long i = 0; i < n; i++) {
            double v = a.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v * v);
        }
    }
}
