package dnp.sweep;

import dnp.kernel.io.Json;
import dnp.kernel.io.JsonWriter;

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
import java.util.Objects;

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
    static final String SCHEMA = "dnp.sweep/1";
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
    public static SweepStore open(Path dir, Map<String, Object> parameters, int shard, int shards) throws IOException {
        Files.createDirectories(dir.resolve("results"));
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

    /** The parameters as stored, normalised through one JSON round trip so that 64 and 64.0 compare equal. */
    public static String canonical(Object parameters) {
        return JsonWriter.compact(Json.parse(JsonWriter.compact(parameters)));
    }

    private static void writeOrCheckManifest(Path dir, Map<String, Object> parameters) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("parameters", parameters);
        doc.put("created", Provenance.collect());
        if (!Files.exists(manifest)) {
            try {
                // createFile fails if another shard won the race; then fall through to the check.
                Path tmp = Files.createTempFile(dir, ".manifest", ".tmp");
                Files.writeString(tmp, JsonWriter.pretty(doc));
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
        Map<String, Object> existing = readManifest(dir);
        String a = canonical(existing.get("parameters"));
        String b = canonical(parameters);
        if (!a.equals(b)) {
            throw new UserInputException(dir + " holds a sweep with other parameters (" + firstDifference(
                    Json.object(Json.parse(a)), Json.object(Json.parse(b)))
                    + "): use another --out folder, or the same parameters to resume");
        }
    }

    public static Map<String, Object> readManifest(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new UserInputException(dir + " is not a sweep folder (no manifest.json)");
        }
        Map<String, Object> doc = Json.object(Json.parse(Files.readString(manifest)));
        if (!SCHEMA.equals(doc.get("schema"))) {
            throw new UserInputException(manifest + ": unknown schema " + doc.get("schema"));
        }
        return doc;
    }

    /** The first parameter whose value differs between two parameter maps, as "name: stored X, requested Y". */
    public static String firstDifference(Map<String, Object> stored, Map<String, Object> requested) {
        for (String key : stored.keySet()) {
            if (!Objects.equals(JsonWriter.compact(stored.get(key)), JsonWriter.compact(requested.get(key)))) {
                return key + ": stored " + JsonWriter.compact(stored.get(key)) + ", requested "
                        + JsonWriter.compact(requested.get(key));
            }
        }
        for (String key : requested.keySet()) {
            if (!stored.containsKey(key)) {
                return key + " is new";
            }
        }
        return "?";
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
    public synchronized void append(Map<String, Object> record) throws IOException {
        byte[] line = (JsonWriter.compact(record) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Every complete record of every shard file of the folder, first occurrence of each key kept. */
    public static Map<String, Map<String, Object>> readRecords(Path dir) throws IOException {
        Map<String, Map<String, Object>> records = new LinkedHashMap<>();
        Path results = dir.resolve("results");
        if (!Files.isDirectory(results)) {
            return records;
        }
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(results)) {
            stream.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            String text = Files.readString(file);
            int start = 0;
            int newline;
            while ((newline = text.indexOf('\n', start)) >= 0) {
                String line = text.substring(start, newline).strip();
                start = newline + 1;
                if (line.isEmpty()) {
                    continue;
                }
                Map<String, Object> record;
                try {
                    record = Json.object(Json.parse(line));
                } catch (IllegalArgumentException damaged) {
                    continue; // cannot happen with whole lines; skip rather than lose the rest
                }
                records.putIfAbsent((String) record.get("key"), record);
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
