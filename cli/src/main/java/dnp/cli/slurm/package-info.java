/**
 * SLURM job scripts of a sharded sweep, rendered from templates in the resources beside this
 * package ({@code dnp/cli/slurm/*.sbatch}, {@code submit.sh}).
 */
package dnp.cli.slurm;
