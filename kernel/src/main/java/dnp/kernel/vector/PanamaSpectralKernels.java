package dnp.kernel.vector;

import jdk.incubator.vector.DoubleVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static dnp.kernel.vector.PanamaVectorConstants.LANES;
import static dnp.kernel.vector.PanamaVectorConstants.SPECIES;

/**
 * {@link SpectralKernels} on the Vector API (jdk.incubator.vector): full-width lanes over the
 * bulk of each range, the scalar loop for the tail.
 */
final class PanamaSpectralKernels implements SpectralKernels {
    private final ScalarSpectralKernels tail = new ScalarSpectralKernels();

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
        return PanamaVectorConstants.implementationName();
    }

    @Override
    public int vectorBits() {
        return SPECIES.vectorBitSize();
    }

    @Override
    public double sum(double[] a, int from, int to) {
        int upper = from + SPECIES.loopBound(to - from);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int i = from; i < upper; i += LANES) {
            acc = acc.add(DoubleVector.fromArray(SPECIES, a, i));
        }
        return reduce(acc) + tail.sum(a, upper, to);
    }

    @Override
    public double dot(double[] a, double[] b, int from, int to) {
        int upper = from + SPECIES.loopBound(to - from);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int i = from; i < upper; i += LANES) {
            acc = DoubleVector.fromArray(SPECIES, a, i).fma(DoubleVector.fromArray(SPECIES, b, i), acc);
        }
        return reduce(acc) + tail.dot(a, b, upper, to);
    }

    @Override
    public void pairLorentzian(double[] o, double[] lambda, int from, int to, double lambdaBeta, double omega,
                               double t2Squared, double[] sumW, double[] diffW, double[] sumL, double[] diffL,
                               double[] sums) {
        int upper = from + SPECIES.loopBound(to - from);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector acc0 = DoubleVector.zero(SPECIES);
        DoubleVector acc1 = DoubleVector.zero(SPECIES);
        DoubleVector acc2 = DoubleVector.zero(SPECIES);
        DoubleVector acc3 = DoubleVector.zero(SPECIES);
        for (int a = from; a < upper; a += LANES) {
            DoubleVector d = DoubleVector.fromArray(SPECIES, lambda, a).sub(lambdaBeta);
            DoubleVector minus = d.neg().add(omega);
            DoubleVector plus = d.add(omega);
            DoubleVector lm = one.div(minus.mul(minus).mul(t2Squared).add(1.0));
            DoubleVector lp = one.div(plus.mul(plus).mul(t2Squared).add(1.0));
            DoubleVector ls = lm.add(lp);
            DoubleVector ld = lm.sub(lp);
            DoubleVector ov = DoubleVector.fromArray(SPECIES, o, a);
            DoubleVector ws = ov.mul(ls);
            DoubleVector wd = ov.mul(ld);
            ls.intoArray(sumL, a);
            ld.intoArray(diffL, a);
            ws.intoArray(sumW, a);
            wd.intoArray(diffW, a);
            acc0 = acc0.add(ws);
            acc1 = acc1.add(wd);
            acc2 = acc2.add(ls);
            acc3 = acc3.add(ld);
        }
        tail.pairLorentzian(o, lambda, upper, to, lambdaBeta, omega, t2Squared, sumW, diffW, sumL, diffL, sums);
        sums[0] += reduce(acc0);
        sums[1] += reduce(acc1);
        sums[2] += reduce(acc2);
        sums[3] += reduce(acc3);
    }

    @Override
    public void dot4(double[] a, double[] b, double[] c, double[] d, double[] p, int from, int to, double[] out) {
        int upper = from + SPECIES.loopBound(to - from);
        DoubleVector accA = DoubleVector.zero(SPECIES);
        DoubleVector accB = DoubleVector.zero(SPECIES);
        DoubleVector accC = DoubleVector.zero(SPECIES);
        DoubleVector accD = DoubleVector.zero(SPECIES);
        for (int i = from; i < upper; i += LANES) {
            DoubleVector pv = DoubleVector.fromArray(SPECIES, p, i);
            accA = DoubleVector.fromArray(SPECIES, a, i).fma(pv, accA);
            accB = DoubleVector.fromArray(SPECIES, b, i).fma(pv, accB);
            accC = DoubleVector.fromArray(SPECIES, c, i).fma(pv, accC);
            accD = DoubleVector.fromArray(SPECIES, d, i).fma(pv, accD);
        }
        tail.dot4(a, b, c, d, p, upper, to, out);
        out[0] += reduce(accA);
        out[1] += reduce(accB);
        out[2] += reduce(accC);
        out[3] += reduce(accD);
    }

    @Override
    public void square(MemorySegment a, long n) {
        long upper = n - n % LANES;
        for (long i = 0; i < upper; i += LANES) {
            DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, a, 8 * i, ByteOrder.nativeOrder());
            v.mul(v).intoMemorySegment(a, 8 * i, ByteOrder.nativeOrder());
        }
        for (long i = upper; i < n; i++) {
            double v = a.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            a.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v * v);
        }
    }
}
