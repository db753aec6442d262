package dnp.kernel.physics;

import dnp.kernel.model.PhysicalParameters;

/**
 * Driven steady-state bias of a single-particle mode, Eq. 11 (the Bloch-equation result):
 * <pre>
 *   P_B(ε) = [1 + T_2e²(ε − ω_MW)²]·tanh(βε/2) / [1 + T_2e²(ε − ω_MW)² + 2ω_1² T_1e T_2e]
 * </pre>
 * with ε = ω_e + λ. With ω_1 = 0 it is the thermal tanh(βε/2).
 */
public final class ElectronPolarization {
    private ElectronPolarization() {}

    /** P_α = P_B(ω_e + λ_α) for every λ, at microwave frequency ω_MW. */
    public static double[] biases(double[] lambda, PhysicalParameters physics, ModelUnits units, double omegaMW) {
        double detuningOffset = physics.omegaE() - omegaMW; // ε − ω_MW = (ω_e − ω_MW) + λ keeps the digits
        double saturation = 2 * physics.omega1() * physics.omega1() * units.t1e() * units.t2e();
        double[] p = new double[lambda.length];
        for (int a = 0; a < lambda.length; a++) {
            double detuning = units.t2e() * (detuningOffset + lambda[a]);
            double lorentz = 1 + detuning * detuning;
            double thermal = Math.tanh(units.beta() * (physics.omegaE() + lambda[a]) / 2);
            p[a] = lorentz * thermal / (lorentz + saturation);
        }
        return p;
    }
}
