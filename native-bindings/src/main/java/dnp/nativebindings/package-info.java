/**
 * Loading a LAPACKE + CBLAS provider (the bundled OpenBLAS, or a user-named library) and the
 * validated facades {@link dnp.nativebindings.Lapack} and {@link dnp.nativebindings.Blas}: public
 * methods check their arguments and turn LAPACK info codes into exceptions; the raw downcalls live in
 * {@code lapacke}. Depends on nothing of the project; everything numerical above it may use it.
 */
package dnp.nativebindings;
