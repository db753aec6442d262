/**
 * The inner loops that have a scalar and a Vector API implementation, and the one provider that
 * chooses between them once per JVM and hands out every such implementation, the kernel's and the
 * KPM module's alike ({@link dnp.kernel.vector.VectorizationProvider}; -Ddnp.vectorization=scalar
 * forces the scalar path, a one-line warning says when the Vector API cannot run). Vector API
 * constants live in {@link dnp.kernel.vector.PanamaVectorConstants}. Depends on nothing else of the
 * kernel.
 */
package dnp.kernel.vector;
