package dnp.kernel.vector;

/**
 * {@link SturmCounter} with plain loops: the reference and the fallback. Eight shifts run as
 * independent chains through one pass over T, so the divisions of different chains overlap instead
 * of waiting on each other's latency.
 */
public final class ScalarSturmCounter implements SturmCounter {
    private static final int CHAINS = 8;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void count(double[] a, double[] b2, int n, double pivmin, double[] shifts, int[] counts) {
        double[] s = new double[CHAINS];
        int[] c = new int[CHAINS];
        for (int from = 0; from < shifts.length; from += CHAINS) {
            int k = Math.min(CHAINS, shifts.length - from);
            for (int j = 0; j < CHAINS; j++) {
                s[j] = j < k ? shifts[from + j] : shifts[from];
            }
            chains(a, b2, n, pivmin, s, c);
            System.arraycopy(c, 0, counts, from, k);
        }
    }

    private static double guard(double q, double pivmin) {
        return Math.abs(q) < pivmin ? -pivmin : q;
    }

    private static void chains(double[] a, double[] b2, int n, double p, double[] s, int[] c) {
        double s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3], s4 = s[4], s5 = s[5], s6 = s[6], s7 = s[7];
        double a0 = a[0];
        double q0 = guard(a0 - s0, p), q1 = guard(a0 - s1, p), q2 = guard(a0 - s2, p), q3 = guard(a0 - s3, p);
        double q4 = guard(a0 - s4, p), q5 = guard(a0 - s5, p), q6 = guard(a0 - s6, p), q7 = guard(a0 - s7, p);
        int c0 = q0 < 0 ? 1 : 0, c1 = q1 < 0 ? 1 : 0, c2 = q2 < 0 ? 1 : 0, c3 = q3 < 0 ? 1 : 0;
        int c4 = q4 < 0 ? 1 : 0, c5 = q5 < 0 ? 1 : 0, c6 = q6 < 0 ? 1 : 0, c7 = q7 < 0 ? 1 : 0;
        for (int i = 1; i < n; i++) {
            double ai = a[i];
            double bb = b2[i - 1];
            q0 = guard(ai - s0 - bb / q0, p);
            q1 = guard(ai - s1 - bb / q1, p);
            q2 = guard(ai - s2 - bb / q2, p);
            q3 = guard(ai - s3 - bb / q3, p);
            q4 = guard(ai - s4 - bb / q4, p);
            q5 = guard(ai - s5 - bb / q5, p);
            q6 = guard(ai - s6 - bb / q6, p);
            q7 = guard(ai - s7 - bb / q7, p);
            c0 += q0 < 0 ? 1 : 0;
            c1 += q1 < 0 ? 1 : 0;
            c2 += q2 < 0 ? 1 : 0;
            c3 += q3 < 0 ? 1 : 0;
            c4 += q4 < 0 ? 1 : 0;
            c5 += q5 < 0 ? 1 : 0;
            c6 += q6 < 0 ? 1 : 0;
            c7 += q7 < 0 ? 1 : 0;
        }
        c[0] = c0; c[1] = c1; c[2] = c2; c[3] = c3; c[4] = c4; c[5] = c5; c[6] = c6; c[7] = c7;
    }
}
