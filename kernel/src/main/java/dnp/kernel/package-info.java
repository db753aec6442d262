/**
 * The physics of one disorder realization: {@link dnp.kernel.Realization} turns a
 * {@link dnp.kernel.model.RealizationInput} into a {@link dnp.kernel.result.RealizationResult} with
 * every observable of the paper from one diagonalization (docs/model.md). Sub-packages, in the order
 * data flows: {@code model} (inputs, lattice, disorder, Hamiltonian), {@code eigen} (the eigen stage on
 * off-heap memory), {@code physics} (formulas and the passes over the overlaps), {@code vector} (scalar
 * and Vector API kernels), {@code result} (outputs). Depends on
 * native-bindings only; the sweep engine, the reference checks and the benchmarks depend on it.
 */
package dnp.kernel;
