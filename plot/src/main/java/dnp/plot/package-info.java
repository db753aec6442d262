/**
 * A small plotting library: line and marker series with error bars, linear and log axes, written
 * as PNG (Java2D) and SVG from one layout. Depends on nothing of the project but the atomic file
 * writer of the sweep engine.
 */
package dnp.plot;
