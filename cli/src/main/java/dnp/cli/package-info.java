/**
 * The {@code dnp} command line: thin picocli commands that parse their options into a job
 * specification, call the sweep engine, analysis and plotting, and print. Exit codes: 0 success,
 * 2 bad input, 3 no LAPACKE provider, 1 anything else. Nothing depends on it.
 */
package dnp.cli;
