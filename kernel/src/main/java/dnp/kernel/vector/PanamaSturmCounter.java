package dnp.kernel.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dnp.kernel.vector.PanamaVectorConstants.LANES;
import static dnp.kernel.vector.PanamaVectorConstants.SPECIES;

/**
 * {@link SturmCounter} on the Vector API: the lanes hold different shifts, and two vectors of
 * shifts go through T together so that the division latency of one hides behind the other. The
 * same subtraction, division and guard per lane as {@link ScalarSturmCounter}, so the counts are
 * identical.
 */
final class PanamaSturmCounter implements SturmCounter {
    private static final int PASS = 2 * LANES;

    @Override
    public String name() {
        return PanamaVectorConstants.implementationName();
    }

    @Override
    public void count(double[] a, double[] b2, int n, double pivmin, double[] shifts, int[] counts) {
        double[] s = new double[PASS];
        double[] c = new double[PASS];
        for (int from = 0; from < shifts.length; from += PASS) {
            int k = Math.min(PASS, shifts.length - from);
            for (int j = 0; j < PASS; j++) {
                s[j] = j < k ? shifts[from + j] : shifts[from];
            }
            DoubleVector sA = DoubleVector.fromArray(SPECIES, s, 0);
            DoubleVector sB = DoubleVector.fromArray(SPECIES, s, LANES);
            DoubleVector pos = DoubleVector.broadcast(SPECIES, pivmin);
            DoubleVector neg = DoubleVector.broadcast(SPECIES, -pivmin);
            DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, a[0]);
            DoubleVector qA = guard(a0.sub(sA), pos, neg);
            DoubleVector qB = guard(a0.sub(sB), pos, neg);
            DoubleVector cA = DoubleVector.zero(SPECIES).add(one, qA.lt(0.0));
            DoubleVector cB = DoubleVector.zero(SPECIES).add(one, qB.lt(0.0));
            for (int i = 1; i < n; i++) {
                DoubleVector ai = DoubleVector.broadcast(SPECIES, a[i]);
                DoubleVector bb = DoubleVector.broadcast(SPECIES, b2[i - 1]);
                qA = guard(ai.sub(sA).sub(bb.div(qA)), pos, neg);
                qB = guard(ai.sub(sB).sub(bb.div(qB)), pos, neg);
                cA = cA.add(one, qA.lt(0.0));
                cB = cB.add(one, qB.lt(0.0));
            }
            cA.intoArray(c, 0);
            cB.intoArray(c, LANES);
            for (int j = 0; j < k; j++) {
                counts[from + j] = (int) c[j];
            }
        }
    }

    private static DoubleVector guard(DoubleVector q, DoubleVector pivmin, DoubleVector negPivmin) {
        VectorMask<Double> tiny = q.lanewise(VectorOperators.ABS).lt(pivmin);
        return q.blend(negPivmin, tiny);
    }
}
