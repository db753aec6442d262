/**
 * Measurement tools behind the tables of kpm/BENCHMARKS-kpm.md that a JMH benchmark cannot give:
 * whole KPM realizations timed with their memory ({@link dnp.benchmarks.tools.KpmTiming}), the error
 * and time of the site and vector estimators on one realization ({@link dnp.benchmarks.tools.EstimatorComparison}),
 * and the coverage of the vector estimator's error bars ({@link dnp.benchmarks.tools.VectorCoverage}).
 * Run from the benchmarks jar: {@code ./dnp bench-tool NAME ARGS}.
 */
package dnp.benchmarks.tools;
