package dnp.sweep;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress in a log: one line at most per interval, one at the end; nothing when quiet. */
class ProgressTest {

    @Test
    void logLinesAtMostOncePerIntervalAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        Progress p = new Progress(10, false, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 30,
                () -> now[0]);
        for (int i = 0; i < 10; i++) {
            now[0] += 10_000_000_000L; // 10 s per realization
            p.step();
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // at 30, 60 and 90 s, and the last one at 100 s
        assertEquals(4, lines.length, String.join("\n", lines));
        assertTrue(lines[0].equals("dnp: 3/10 realizations, 0.100/s, elapsed 30s, ETA 1m10s"), lines[0]);
        assertTrue(lines[3].startsWith("dnp: 10/10 realizations"), lines[3]);
    }

    @Test
    void quietPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(3, true, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0,
                System::nanoTime);
        p.step();
        p.step();
        p.step();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
