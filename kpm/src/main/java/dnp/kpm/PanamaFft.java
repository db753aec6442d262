package dnp.kpm;

import jdk.incubator.vector.DoubleVector;

import static dnp.kernel.vector.PanamaVectorConstants.SPECIES;

/**
 * The butterfly passes of {@link Fft} on the Vector API, for the passes whose butterflies come in
 * contiguous runs of at least one vector (half-length h ≥ lanes): lanes run over k, with the same
 * operations in the same order as the scalar loops (separate multiply and add), so the transform is
 * bit-identical to the scalar one.
 */
final class PanamaFft {
    static final int LANES = dnp.kernel.vector.PanamaVectorConstants.LANES;

    private PanamaFft() {}

    /** Two fused radix-2 stages (half-lengths h and 2h = len) over all blocks of 2·len; needs h % LANES == 0. */
    static void fusedPass(double[] re, double[] im, double[] tc, double[] ts, int n, int len) {
        int h = len >> 1;
        for (int start = 0; start < n; start += 2 * len) {
            for (int k = 0; k < h; k += LANES) {
                int p0 = start + k;
                int p1 = p0 + h;
                int p2 = p0 + len;
                int p3 = p2 + h;
                DoubleVector wr = DoubleVector.fromArray(SPECIES, tc, h + k);
                DoubleVector wi = DoubleVector.fromArray(SPECIES, ts, h + k);
                DoubleVector r0 = DoubleVector.fromArray(SPECIES, re, p0), i0 = DoubleVector.fromArray(SPECIES, im, p0);
                DoubleVector r1 = DoubleVector.fromArray(SPECIES, re, p1), i1 = DoubleVector.fromArray(SPECIES, im, p1);
                DoubleVector r2 = DoubleVector.fromArray(SPECIES, re, p2), i2 = DoubleVector.fromArray(SPECIES, im, p2);
                DoubleVector r3 = DoubleVector.fromArray(SPECIES, re, p3), i3 = DoubleVector.fromArray(SPECIES, im, p3);
                DoubleVector tr = r1.mul(wr).sub(i1.mul(wi));
                DoubleVector ti = r1.mul(wi).add(i1.mul(wr));
                DoubleVector a0r = r0.add(tr), a0i = i0.add(ti);
                DoubleVector a1r = r0.sub(tr), a1i = i0.sub(ti);
                tr = r3.mul(wr).sub(i3.mul(wi));
                ti = r3.mul(wi).add(i3.mul(wr));
                DoubleVector a2r = r2.add(tr), a2i = i2.add(ti);
                DoubleVector a3r = r2.sub(tr), a3i = i2.sub(ti);
                DoubleVector vr = DoubleVector.fromArray(SPECIES, tc, len + k);
                DoubleVector vi = DoubleVector.fromArray(SPECIES, ts, len + k);
                tr = a2r.mul(vr).sub(a2i.mul(vi));
                ti = a2r.mul(vi).add(a2i.mul(vr));
                a0r.sub(tr).intoArray(re, p2);
                a0i.sub(ti).intoArray(im, p2);
                a0r.add(tr).intoArray(re, p0);
                a0i.add(ti).intoArray(im, p0);
                DoubleVector ur = DoubleVector.fromArray(SPECIES, tc, len + k + h);
                DoubleVector ui = DoubleVector.fromArray(SPECIES, ts, len + k + h);
                tr = a3r.mul(ur).sub(a3i.mul(ui));
                ti = a3r.mul(ui).add(a3i.mul(ur));
                a1r.sub(tr).intoArray(re, p3);
                a1i.sub(ti).intoArray(im, p3);
                a1r.add(tr).intoArray(re, p1);
                a1i.add(ti).intoArray(im, p1);
            }
        }
    }

    /** One radix-2 stage of half-length half over blocks of 2·half; needs half % LANES == 0. */
    static void radix2Pass(double[] re, double[] im, double[] tc, double[] ts, int n, int half) {
        for (int start = 0; start < n; start += 2 * half) {
            for (int k = 0; k < half; k += LANES) {
                int p = start + k;
                int q = p + half;
                DoubleVector wr = DoubleVector.fromArray(SPECIES, tc, half + k);
                DoubleVector wi = DoubleVector.fromArray(SPECIES, ts, half + k);
                DoubleVector rq = DoubleVector.fromArray(SPECIES, re, q), iq = DoubleVector.fromArray(SPECIES, im, q);
                DoubleVector rp = DoubleVector.fromArray(SPECIES, re, p), ip = DoubleVector.fromArray(SPECIES, im, p);
                DoubleVector tr = rq.mul(wr).sub(iq.mul(wi));
                DoubleVector ti = rq.mul(wi).add(iq.mul(wr));
                rp.sub(tr).intoArray(re, q);
                ip.sub(ti).intoArray(im, q);
                rp.add(tr).intoArray(re, p);
                ip.add(ti).intoArray(im, p);
            }
        }
    }
}
