/**
 * JMH benchmarks, one jar ({@code benchmarks/target/benchmarks.jar}): the eigen stage per solver and
 * size, the overlap strategies, the spectral kernels (scalar and Vector API) and whole realizations.
 * Depends on the kernel and the reference; nothing depends on it.
 */
package dnp.benchmarks;
