package dnp.cli.options;

import dnp.sweep.records.Driver;

import java.util.Arrays;
import java.util.Iterator;

/** The eigen-stage names for picocli's help and completion, taken from {@link Driver}. */
public final class DriverNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Driver.values()).map(Driver::label).iterator();
    }
}
