/**
 * The sweep engine: immutable job specifications ({@link dnp.sweep.ModelSpec}, {@link
 * dnp.sweep.SweepSpec}, {@link dnp.sweep.FigurePreset}, {@link dnp.sweep.SizesPreset}), the eigen
 * stages by name ({@link dnp.sweep.records.Driver}), parallelism and memory planning, running the unfinished
 * realizations of a shard ({@link dnp.sweep.SweepRunner}) into a crash-safe folder ({@link
 * dnp.sweep.SweepStore}), KPM realizations divided over sites into units that shards share ({@link
 * dnp.sweep.SitePartSweep}),
 * the records written per realization and their provenance. Depends on the kernel and the reference;
 * analysis, plotting and the command line depend on it.
 */
package dnp.sweep;
