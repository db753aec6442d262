/**
 * JSON text: a small reader and writer for the documents the project reads and writes. Depends on
 * nothing.
 */
package dnp.kernel.io;
