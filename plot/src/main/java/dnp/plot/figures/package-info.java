/**
 * The paper's figures, the checks of its approximations (Eq. 24, Eq. 29, the two forms of R of
 * Eq. 30) and the critical-point plots drawn from analysis data, and the summary
 * folder (tables, README, provenance, plots). Depends on {@code dnp.plot} and the analysis module;
 * only the command line depends on it.
 */
package dnp.plot.figures;
