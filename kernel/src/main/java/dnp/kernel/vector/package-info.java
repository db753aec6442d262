/**
 * The inner loops over eigenvalue pairs and overlap columns behind one interface, with a scalar
 * implementation and a Vector API one chosen at run time ({@link
 * dnp.kernel.vector.VectorizationProvider}; -Ddnp.vectorization=scalar forces the scalar path, a
 * one-line warning says when the Vector API is missing). Vector API constants live in
 * {@code VectorConstants}. Depends on nothing else of the kernel.
 */
package dnp.kernel.vector;
