/**
 * What a realization is computed from: lattice and boundaries, disorder (generated from (seed,
 * realization) or read from a file), Table I parameters, frequency pairs, analysis options, the
 * convention, and the Anderson matrix itself. Shared with the reference implementation. May use
 * {@code eigen} (the matrix type); no other kernel package.
 */
package dnp.kernel.model;
