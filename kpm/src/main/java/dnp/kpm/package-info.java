/**
 * The kernel polynomial method (KPM; Weiße, Wellein, Alvermann, Fehske, Rev. Mod. Phys. 78, 275
 * (2006)) route to the observables of the paper without diagonalization and without N² memory:
 * a matrix-free block stencil for the Anderson Hamiltonian (Eq. 7), Chebyshev moments of local and
 * global densities of states, and the rate sums of Eq. 19–20 / Eq. 22 estimated from those moments
 * and handed to {@link dnp.kernel.physics.NuclearPolarization#evaluate}, the one home of the rate
 * formulas.
 *
 * <p>Depends on the kernel (model, physics formulas, vectorization choice) and on native-bindings
 * (BLAS). Nothing in the kernel, reference or native-bindings modules may depend on this package;
 * the CLI and the benchmarks may.
 */
package dnp.kpm;
