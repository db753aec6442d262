package dnp.sweep;

import dnp.sweep.records.Documents;
import dnp.sweep.records.Manifest;
import dnp.sweep.records.SweepLine;
import dnp.sweep.records.SweepParameters;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's output folder:
 * <pre>
 *   DIR/manifest.json                        the sweep's parameters (written once, atomically)
 *   DIR/results/shard-IIII-of-NNNN.jsonl     one line per finished realization, per shard
 * </pre>
 * Every shard appends only to its own file, under an exclusive lock, one line at a time, each
 * followed by fsync: a kill -9 can lose only the realizations in flight and at most leave a partial
 * last line, which the next run cuts off. Shards of one sweep can share a folder; a rerun skips
 * every realization already present in any shard file of the folder.
 */
public final class SweepStore implements AutoCloseable {
    /** How long a shard waits for another process to release its file. */
    static final long LOCK_WAIT_NANOS = Long.getLong("dnp.lockWaitSeconds", 60) * 1_000_000_000L;

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private SweepStore(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the folder for this shard; refuses a folder whose manifest has
     * other parameters, and a shard file another process is writing.
     */
    public static SweepStore open(Path dir, SweepParameters parameters, int shard, int shards) throws IOException {
        try {
            Files.createDirectories(dir.resolve("results"));
        } catch (IOException ex) {
            throw new UserInputException("--out " + dir + ": cannot create the folder (" + IoMessages.reason(ex) + ")");
        }
        writeOrCheckManifest(dir, parameters);
        Path file = dir.resolve("results").resolve(String.format("shard-%04d-of-%04d.jsonl", shard, shards));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // A requeued job may start while its predecessor is still being killed: wait a little for the lock.
        FileLock lock = null;
        long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
        while (lock == null) {
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException ex) {
                lock = null;
            }
            if (lock != null || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (lock == null) {
            channel.close();
            throw new UserInputException("another dnp sweep is writing shard " + shard + "/" + shards + " in " + dir);
        }
        cutPartialLastLine(channel);
        channel.position(channel.size());
        return new SweepStore(dir, channel, lock);
    }

    private static void writeOrCheckManifest(Path dir, SweepParameters parameters) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            try {
                // createLink fails if another shard won the race; then fall through to the check.
                Path tmp = Files.createTempFile(dir, ".manifest", ".tmp");
                Files.writeString(tmp, Documents.pretty(new Manifest(Manifest.SCHEMA, parameters,
                        ProvenanceCollector.collect())));
                try {
                    Files.createLink(manifest, tmp);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                return;
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // checked below
            }
        }
        SweepParameters stored = readManifest(dir).parameters();
        SweepParameters.Difference d = stored.firstDifference(parameters);
        if (d != null && d.name().equals("kpmSiteParts")) {
            // The part files a resume looks for are named by K: another K would start the moments afresh.
            throw new UserInputException(dir + " holds a sweep run with --site-parts " + (d.here() == null ? 1 : d.here())
                    + ", requested " + (d.there() == null ? 1 : d.there()) + ": resume it with the same --site-parts, "
                    + "or use another --out folder");
        }
        if (d != null) {
            throw new UserInputException(dir + " holds a sweep with other parameters (" + d.name() + ": stored "
                    + d.here() + ", requested " + d.there() + "): use another --out folder, or the same parameters "
                    + "to resume");
        }
    }

    /** The manifest of a sweep folder; a one-line error if there is none or it is not one this version reads. */
    public static Manifest readManifest(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new UserInputException(dir + " is not a sweep folder (no manifest.json)");
        }
        String text = Files.readString(manifest);
        try {
            Manifest m = Documents.read(text, Manifest.class);
            if (Manifest.SCHEMA.equals(m.schema())) {
                return m;
            }
        } catch (JacksonException ex) {
            // reported below with the schema the file names
        }
        String schema;
        try {
            schema = Documents.tree(text).path("schema").asString("none");
        } catch (JacksonException ex) {
            schema = "unreadable JSON";
        }
        throw new UserInputException(manifest + ": not a " + Manifest.SCHEMA + " manifest (schema " + schema
                + "); this version of dnp reads only sweeps it wrote itself");
    }

    /** A line a kill -9 interrupted has no final newline: cut it off so the file stays valid JSON Lines. */
    private static void cutPartialLastLine(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        long end = size;
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            channel.truncate(end);
            channel.force(true);
        }
    }

    /** Appends one record as one line and forces it to disk before returning. */
    public synchronized void append(SweepLine record) throws IOException {
        byte[] line = (Documents.line(record) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /**
     * Every complete line of every shard file of the folder, read as {@code type}, first occurrence of
     * each key kept. A line of another shape is an error naming the file and line.
     */
    public static <T extends SweepLine> Map<String, T> readRecords(Path dir, Class<T> type) throws IOException {
        Map<String, T> records = new LinkedHashMap<>();
        Path results = dir.resolve("results");
        if (!Files.isDirectory(results)) {
            return records;
        }
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(results)) {
            stream.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            // Only complete lines: a writer may be in the middle of its last one.
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList().subList(0, (int) text.chars().filter(c -> c == '\n').count());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                T record;
                try {
                    record = Documents.read(line, type);
                } catch (JacksonException ex) {
                    throw new UserInputException(file + ":" + (i + 1) + ": not a line of this kind of sweep ("
                            + ex.getOriginalMessage() + ")");
                }
                records.putIfAbsent(record.key(), record);
            }
        }
        return records;
    }

    public Path folder() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
