/**
 * What is computed from finished sweeps: statistics over realizations ({@link dnp.analysis.Stats},
 * the one home of means, standard errors and C = K̄/R̄), summary tables, the data behind each figure
 * (with R = ∫ρ̄ρ̄ of the averaged DOS, {@link dnp.analysis.DensityCorrelation}, and the checks of Eq. 24 and 29),
 * crossings of ⟨r⟩ curves with bootstrap intervals, finite-size-scaling fits of ⟨r⟩
 * ({@link dnp.analysis.FiniteSizeScaling}), multifractal fits, and the literature values
 * results are compared with. Depends on the sweep engine (to read its folders) and the kernel;
 * plotting and the command line depend on it.
 */
package dnp.analysis;
