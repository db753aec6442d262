package dnp.cli;

import dnp.sweep.records.SealedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM (scancel, a time limit) and SIGINT (Ctrl-C) stop a sweep with one line that says what is saved
 * and how to resume; the count it gives is the file's, and no line is left half written.
 */
class SignalTest {
    @TempDir
    Path dir;

    static final Pattern STOPPED = Pattern.compile("dnp: stopped by a signal: (\\d+) of the (\\d+) realizations this "
            + "run had to compute are saved in (.*) \\((\\d+) of 40 of the shard\\); run the same command again to resume");

    @Test
    void aSignalledSweepSaysWhatIsSavedAndHowToResume() throws Exception {
        Path out = dir.resolve("signalled");
        Path file = SweepFolderIntegrityTest.shardFile(out);
        List<String> sweep = List.of("sweep", "--L", "6", "--t", "1:20:1", "--realizations", "2", "--out", out.toString(),
                "--parallel", "1", "--blas-threads", "1", "-q");
        int before = 0;
        for (String signal : List.of("TERM", "INT")) {
            Path log = dir.resolve(signal + ".log");
            Process p = SweepFolderIntegrityTest.start(log, sweep.toArray(String[]::new));
            int enough = before + 2;
            SweepFolderIntegrityTest.awaitWhile(p, () -> !Files.exists(file)
                    || SweepFolderIntegrityTest.lines(Files.readAllBytes(file)).size() < enough);
            assertTrue(p.isAlive(), "finished before the signal: " + Files.readString(log));
            SweepFolderIntegrityTest.signal(p, signal);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String text = Files.readString(log);
            String last = text.strip().lines().reduce((a, b) -> b).orElseThrow();
            Matcher m = STOPPED.matcher(last);
            assertTrue(m.matches(), "SIG" + signal + ": " + text);
            List<byte[]> lines = SweepFolderIntegrityTest.lines(Files.readAllBytes(file));
            assertEquals(file.toString(), m.group(3));
            assertEquals(40 - before, Integer.parseInt(m.group(2)));
            assertEquals(lines.size() - before, Integer.parseInt(m.group(1)), "the count is the file's");
            assertEquals(lines.size(), Integer.parseInt(m.group(4)));
            assertEquals(Files.size(file), lines.stream().mapToLong(l -> l.length + 1).sum(), "no unfinished line");
            for (byte[] line : lines) {
                assertTrue(SealedLine.open(line) instanceof SealedLine.Verified);
            }
            before = lines.size();
        }
    }
}
