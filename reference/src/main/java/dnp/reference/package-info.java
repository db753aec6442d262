/**
 * A deliberately simple implementation of the same physics (its own Householder + QL eigensolver,
 * naive loops over plain arrays) that the tests compare the kernel with. It shares the kernel's
 * input and result types, never its numerics. Only tests and the sweep engine (which can name it as
 * an eigen stage) depend on it.
 */
package dnp.reference;
