package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.Disorder;
import dnp.kernel.model.Lattice;

/**
 * The Anderson matrix of Eq. 7, M_ij = Δ_i δ_ij − t·[i, j nearest neighbours] (centred: ε = ω_e + λ),
 * rescaled for the Chebyshev recursion, H̃ = (M − b)/a, and kept matrix-free: the only N-sized array
 * is the scaled diagonal (Δ_i − b)/a. Gershgorin's theorem puts the spectrum in
 * [min Δ − 6t, max Δ + 6t] (also with open boundaries, where sites have fewer neighbours), so
 * b = (max Δ + min Δ)/2 and a = (1 + {@link KpmSettings#MARGIN})·((max Δ − min Δ)/2 + 6t) map it into
 * [−1/(1+margin), 1/(1+margin)] ⊂ (−1, 1).
 */
public final class ScaledHamiltonian {
    private final int size;
    private final boolean periodic;
    private final double[] diagonal;
    private final double hopping;
    private final double scale;
    private final double shift;

    private ScaledHamiltonian(int size, boolean periodic, double[] diagonal, double hopping, double scale, double shift) {
        this.size = size;
        this.periodic = periodic;
        this.diagonal = diagonal;
        this.hopping = hopping;
        this.scale = scale;
        this.shift = shift;
    }

    /** H̃ with the Gershgorin rescaling and the given relative margin. */
    public static ScaledHamiltonian of(Lattice lattice, double t, Disorder disorder, double margin) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < disorder.sites(); i++) {
            lo = Math.min(lo, disorder.at(i));
            hi = Math.max(hi, disorder.at(i));
        }
        double half = (hi - lo) / 2 + 6 * Math.abs(t);
        if (!(half > 0)) {
            half = Math.max(1.0, Math.abs(hi)); // t = 0 and constant Δ: any positive scale works
        }
        return of(lattice, t, disorder, (1 + margin) * half, (hi + lo) / 2);
    }

    /** H̃ = (M − shift)/scale for a given scale and shift (the caller guarantees ‖H̃‖ &lt; 1 if it wants Chebyshev stability). */
    public static ScaledHamiltonian of(Lattice lattice, double t, Disorder disorder, double scale, double shift) {
        int n = lattice.sites();
        if (disorder.sites() != n) {
            throw new IllegalArgumentException("disorder has " + disorder.sites() + " values, lattice has " + n);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (disorder.at(i) - shift) / scale;
        }
        return new ScaledHamiltonian(lattice.size(), lattice.boundary() == BoundaryCondition.PERIODIC, d, t / scale,
                scale, shift);
    }

    public int size() {
        return size;
    }

    public int sites() {
        return diagonal.length;
    }

    public boolean periodic() {
        return periodic;
    }

    /** (Δ_i − b)/a. */
    double[] diagonal() {
        return diagonal;
    }

    /** t/a. */
    public double hopping() {
        return hopping;
    }

    /** a: λ = a·x + b. */
    public double scale() {
        return scale;
    }

    /** b. */
    public double shift() {
        return shift;
    }
}
