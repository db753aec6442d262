/**
 * The formulas of the paper (unit conversion, Eq. 11, Eq. 19–22, the resonant approximation of
 * Eq. 24 and the nuclear resonance width, the level and eigenfunction statistics) and the passes that
 * evaluate them from an eigen decomposition: the overlap matrix is formed block by block and fed to
 * its consumers (rate sums, overlap statistics). Each formula has one home here; docs/model.md gives
 * the equations. May use {@code model}, {@code eigen}, {@code vector} and {@code result}.
 */
package dnp.kernel.physics;
