/**
 * The results of one realization: per frequency pair (P_n, rate parts, K, R, C), the correlator
 * spectrum, the per-site distribution and the timings. Plain records; may use {@code model}.
 */
package dnp.kernel.result;
