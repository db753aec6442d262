package dnp.kernel.vector;

import jdk.incubator.vector.DoubleVector;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import static dnp.kernel.vector.VectorConstants.LANES;
import static dnp.kernel.vector.VectorConstants.SPECIES;

/**
 * {@link SpectralKernels} on the Vector API (jdk.incubator.vector): full-width lanes over the
 * bulk of each loop, a scalar tail for the rest.
 */
final class PanamaSpectralKernels implements SpectralKernels {

    /**
     * Sum of the lanes in lane order. {@code reduceLanes(ADD)} leaves the order to the
     * implementation, and interpreted and JIT-compiled code then round differently: a fixed order
     * keeps results identical from run to run.
     */
    private static double reduce(DoubleVector v) {
        double[] lanes = v.toArray();
        double s = 0;
        for (double x : lanes) {
            s += x;
        }
        return s;
    }

    @Override
    public String name() {
        return "panama(" + SPECIES.vectorBitSize() + "-bit)";
    }

    @Override
    public double sum(double[] a, int from, int to) {
        int i = from;
        double s = 0;
        if (to - from >= LANES) {
            DoubleVector acc = DoubleVector.zero(SPECIES);
            int upper = from + SPECIES.loopBound(to - from);
            for (; i < upper; i += LANES) {
                acc = acc.add(DoubleVector.fromArray(SPECIES, a, i));
            }
            s = reduce(acc);
        }
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    public double dot(double[] a, double[] b, int n) {
        int i = 0;
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int upper = SPECIES.loopBound(n);
        for (; i < upper; i += LANES) {
            acc = DoubleVector.fromArray(SPECIES, a, i).fma(DoubleVector.fromArray(SPECIES, b, i), acc);
        }
        double s = reduce(acc);
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void lorentzian(double[] o, double[] lambda, int n, double shift, double t2Squared,
                           double[] lorentz, double[] weighted, double[] sums) {
        int a = 0;
        DoubleVector accWeighted = DoubleVector.zero(SPECIES);
        DoubleVector accLorentz = DoubleVector.zero(SPECIES);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        int upper = SPECIES.loopBound(n);
        for (; a < upper; a += LANES) {
            DoubleVector d = DoubleVector.broadcast(SPECIES, shift).sub(DoubleVector.fromArray(SPECIES, lambda, a));
            DoubleVector l = one.div(d.mul(d).mul(t2Squared).add(1.0));
            DoubleVector w = DoubleVector.fromArray(SPECIES, o, a).mul(l);
            l.intoArray(lorentz, a);
            w.intoArray(weighted, a);
            accWeighted = accWeighted.add(w);
            accLorentz = accLorentz.add(l);
        }
        double so = reduce(accWeighted);
        double sl = reduce(accLorentz);
        for (; a < n; a++) {
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
        int i = 0;
        DoubleVector accA = DoubleVector.zero(SPECIES);
        DoubleVector accB = DoubleVector.zero(SPECIES);
        int upper = SPECIES.loopBound(n);
        for (; i < upper; i += LANES) {
            DoubleVector pv = DoubleVector.fromArray(SPECIES, p, i);
            accA = DoubleVector.fromArray(SPECIES, a, i).fma(pv, accA);
            accB = DoubleVector.fromArray(SPECIES, b, i).fma(pv, accB);
        }
        double sa = reduce(accA);
        double sb = reduce(accB);
        for (; i < n; i++) {
            sa += a[i] * p[i];
            sb += b[i] * p[i];
        }
        out[0] = sa;
        out[1] = sb;
    }

    @Override
    public void square(MemorySegment a, long n) {
        long i = 0;
        long upper = n - n % LANES;
        for (; i < upper; i += LANES) {
            DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, a, 8 * i, ByteOrder.nativeOrder());
            v.mul(v).intoMemorySegment(a, 8 * i, ByteOrder.nativeOrder());
        }
        for (; i < n; i++) {
            double v = a.getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i);
            a.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i, v * v);
        }
    }
}
