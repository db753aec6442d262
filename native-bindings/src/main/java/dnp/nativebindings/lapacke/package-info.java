/**
 * Raw FFM bindings of LAPACKE and CBLAS, in the shape jextract generates (one holder per C
 * function with its {@code FunctionDescriptor}, symbol address and {@code MethodHandle}; typed
 * static wrappers). jextract itself is not distributed through Maven Central, so these classes
 * are written by hand in that shape from OpenBLAS 0.3.31's {@code lapacke.h} and {@code cblas.h}
 * (32-bit {@code lapack_int}/{@code blasint}). Symbols are resolved against whichever provider
 * {@link dnp.nativebindings.lapacke.SymbolProvider} registers (the package above registers the
 * provider its loader chose). This package depends on no other package of the project.
 */
package dnp.nativebindings.lapacke;
