/**
 * picocli mixins shared by the commands; each builds an immutable specification of the sweep
 * engine ({@code ModelSpec}, {@code SweepSpec}) and reports bad values by option name.
 */
package dnp.cli.options;
