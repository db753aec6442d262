package dnp.sweep;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-line warnings on stderr, {@code dnp: warning: …}: whenever the program takes another path than
 * the one asked for, or uses data it could not verify, the output says so. A message is printed once
 * per process, however often the same folder or file is read.
 */
public final class Warnings {
    private Warnings() {}

    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();

    /** Prints {@code message} unless this process printed it already. */
    public static void once(String message) {
        String line = message.replace('\n', ' ').replace('\r', ' ');
        if (SHOWN.add(line)) {
            System.err.println("dnp: warning: " + line);
            System.err.flush();
        }
    }
}
