package dnp.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dnp.sweep.records.Documents;
import dnp.sweep.records.Manifest;
import dnp.sweep.records.SealedLine;
import dnp.sweep.records.SweepLine;
import dnp.sweep.records.SweepParameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sweep's output folder:
 * <pre>
 *   DIR/manifest.json                        the sweep's parameters and their digest (written once, atomically)
 *   DIR/results/shard-IIII-of-NNNN.jsonl     one line per finished realization, per shard
 *   DIR/results/shard-IIII-of-NNNN.lock      held by the run writing that shard, for the whole run
 *   DIR/rejected/shard-IIII-of-NNNN.jsonl    lines a resume found damaged and moved out of results/
 * </pre>
 * <b>Writers.</b> A run takes the lock of its shard ({@link FileLocks}: a lock file of its own, held on one
 * channel for the whole run; a second run of the same shard waits a bounded time and then refuses) and
 * only then reads, repairs and appends to its shard file: one line at a time, each forced to disk, so a
 * kill -9 loses only the realizations in flight and at most leaves an unfinished last line.
 *
 * <p><b>Lines.</b> Every line carries the digest of the sweep's parameters (the manifest's identity) and a
 * checksum of its own bytes ({@link SealedLine}). Whoever reads a folder verifies both: a line of another
 * sweep, a file in {@code results/} this sweep did not write, and results without a manifest are refused
 * by name (never mixed); a damaged line (altered bytes, invalid UTF-8, an unfinished last line) is moved
 * by the run that owns its shard file to {@code rejected/}, with a warning, and its realization is
 * computed again; {@link #readRecords} (summaries) refuses it until then. Folders of
 * {@link Manifest#PREVIOUS} (lines without checksum) resume and summarize with a warning that their
 * lines are unverified.
 */
public final class SweepStore implements AutoCloseable {
    public static final String MANIFEST = "manifest.json";
    public static final String RESULTS = "results";
    public static final String REJECTED = "rejected";
    /** The lock file, in {@code results/}, of the step that combines site parts ({@link SitePartSweep}). */
    public static final String COMBINE_LOCK = "combine.lock";
    private static final Pattern SHARD_FILE = Pattern.compile("shard-(\\d{4,})-of-(\\d{4,})\\.jsonl");
    /**
     * Everything a sweep itself puts into results/: shard files, their locks, the combine lock, a repair's
     * temporary file; and the .nfsXXXX names an NFS client gives a replaced file another process still reads.
     */
    private static final Pattern OWN_NAME = Pattern.compile("shard-\\d{4,}-of-\\d{4,}\\.(jsonl|lock)|"
            + Pattern.quote(COMBINE_LOCK) + "|\\.shard-\\d{4,}-of-\\d{4,}\\.jsonl\\.\\d+\\.tmp|\\.nfs[0-9A-Fa-f]+");
    /** At most this many damaged lines are named one by one in warnings. */
    private static final int NAMED_LINES = 5;

    /** What a folder's lines are checked against: its manifest, the sweep's digest, and whether lines carry a checksum. */
    record Identity(Path dir, Manifest manifest, String digest, boolean sealed) {}

    /** Any sweep line, read for its key alone (which tasks are done). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyOnly(String key) implements SweepLine {}

    private final Identity identity;
    private final Path file;
    private final FileLocks.Held lock;
    private final FileChannel channel;
    private final Set<String> reported = new HashSet<>();
    /** Lines appended by this run. */
    private int appended;
    /** Set when the process is being stopped: nothing more is appended, so no line is left half written. */
    private boolean stopped;

    private SweepStore(Identity identity, Path file, FileLocks.Held lock, FileChannel channel) {
        this.identity = identity;
        this.file = file;
        this.lock = lock;
        this.channel = channel;
    }

    /** The name of a shard's file in {@code results/}. */
    public static String shardFileName(int shard, int shards) {
        return String.format(java.util.Locale.ROOT, "shard-%04d-of-%04d.jsonl", shard, shards);
    }

    /**
     * Opens (creating if needed) the folder for this shard, holding the shard's lock until {@link #close()}:
     * refuses a folder whose manifest has other parameters, results without a manifest, foreign files in
     * {@code results/}, and lines of another sweep; moves damaged lines of the shard's own file to
     * {@code rejected/} (their realizations are then not done, and are computed again).
     */
    public static SweepStore open(Path dir, SweepParameters parameters, int shard, int shards) throws IOException {
        Identity identity = prepare(dir, parameters);
        String name = shardFileName(shard, shards);
        Path results = dir.resolve(RESULTS);
        FileLocks.Held lock = FileLocks.acquire(results.resolve(name.replace(".jsonl", ".lock")),
                "shard " + shard + "/" + shards + " of " + dir);
        try {
            Path file = results.resolve(name);
            repair(identity, file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new SweepStore(identity, file, lock, channel);
        } catch (IOException | RuntimeException ex) {
            lock.close();
            throw ex;
        }
    }

    /**
     * Writes the manifest of {@code parameters} into {@code dir} if it has none, or checks that it holds
     * these parameters; refuses results without a manifest and foreign files in {@code results/}. Takes no
     * lock (the manifest is created atomically, and never changed).
     */
    public static void prepareFolder(Path dir, SweepParameters parameters) throws IOException {
        prepare(dir, parameters);
    }

    private static Identity prepare(Path dir, SweepParameters parameters) throws IOException {
        try {
            Files.createDirectories(dir.resolve(RESULTS));
        } catch (IOException ex) {
            throw new UserInputException("--out " + dir + ": cannot create the folder (" + IoMessages.reason(ex) + ")");
        }
        checkResultsFolder(dir);
        if (!Files.exists(dir.resolve(MANIFEST))) {
            refuseResultsWithoutManifest(dir);
            writeManifest(dir, parameters);
        }
        Identity identity = identity(dir);
        SweepParameters.Difference d = identity.manifest().parameters().firstDifference(parameters);
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
        return identity;
    }

    /** Results whose manifest is gone cannot be checked against any parameters: refuse rather than guess. */
    private static void refuseResultsWithoutManifest(Path dir) throws IOException {
        for (Path f : shardFiles(dir)) {
            // (a manifest that appeared meanwhile was written by a shard racing this one: then all is well)
            if (Files.size(f) > 0 && !Files.exists(dir.resolve(MANIFEST))) {
                throw new UserInputException(dir + " has results (" + dir.relativize(f) + ") but no " + MANIFEST
                        + ": nothing says which parameters they were computed with; restore " + MANIFEST
                        + " or use another --out folder");
            }
        }
    }

    /**
     * Creates the manifest atomically and readable by everyone (rw-r--r--): written and forced to a
     * temporary file, then linked to its name, which fails if another shard won the race (then its
     * manifest is checked instead). The temporary file is removed whatever happens, a full disk included.
     */
    private static void writeManifest(Path dir, SweepParameters parameters) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        byte[] bytes = Documents.pretty(Manifest.of(parameters, ProvenanceCollector.collect()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path tmp = dir.resolve(".manifest." + ProcessHandle.current().pid() + "." + Long.toHexString(System.nanoTime())
                + ".tmp");
        try {
            writeForced(tmp, bytes, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ex) {
                // not a POSIX file system: its default permissions apply
            }
            try {
                Files.createLink(manifest, tmp);
                syncDirectory(dir);
            } catch (FileAlreadyExistsException raced) {
                // another shard created it first: checked by the caller
            }
        } catch (IOException ex) {
            if (Files.exists(manifest)) {
                return;
            }
            throw new IOException(manifest + ": cannot be written (" + IoMessages.reason(ex) + ")", ex);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The manifest of a sweep folder; a one-line error if there is none or it is not one this version reads. */
    public static Manifest readManifest(Path dir) throws IOException {
        return identity(dir).manifest();
    }

    private static Identity identity(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new UserInputException(dir + " is not a sweep folder (no " + MANIFEST + ")");
        }
        byte[] bytes = Files.readAllBytes(manifest);
        JsonNode tree;
        try {
            tree = Documents.tree(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (JacksonException ex) {
            throw new UserInputException(manifest + ": not readable JSON (" + Documents.reason(ex) + "); this "
                    + "version of dnp reads only manifests it wrote itself");
        }
        String schema = tree.path("schema").asString("none");
        if (!Manifest.SCHEMA.equals(schema) && !Manifest.PREVIOUS.equals(schema)) {
            throw new UserInputException(manifest + ": not a " + Manifest.SCHEMA + " manifest (schema " + schema
                    + "); this version of dnp reads only sweeps it wrote itself");
        }
        Manifest m;
        try {
            m = Documents.read(tree, Manifest.class);
        } catch (JacksonException ex) {
            throw new UserInputException(manifest + ": not a " + schema + " manifest (" + Documents.reason(ex) + ")");
        }
        String digest = Documents.digest(tree.path("parameters"));
        if (Manifest.PREVIOUS.equals(schema)) {
            return new Identity(dir, m, digest, false);
        }
        if (!digest.equals(m.sweepDigest())) {
            throw new UserInputException(manifest + ": its sweepDigest does not match its parameters (the file was "
                    + "edited or damaged); restore it, or use another --out folder");
        }
        return new Identity(dir, m, digest, true);
    }

    /** Refuses any file in results/ that no run of a sweep writes (e.g. a shard file copied from elsewhere). */
    private static void checkResultsFolder(Path dir) throws IOException {
        Path results = dir.resolve(RESULTS);
        if (!Files.isDirectory(results)) {
            return;
        }
        try (var stream = Files.list(results)) {
            for (Path p : stream.sorted().toList()) {
                if (!OWN_NAME.matcher(p.getFileName().toString()).matches() || Files.isDirectory(p)) {
                    throw new UserInputException(p + ": not a file this sweep wrote (" + RESULTS + "/ holds only its "
                            + "shard-IIII-of-NNNN.jsonl files and their locks); move it out of " + results);
                }
            }
        }
    }

    private static List<Path> shardFiles(Path dir) throws IOException {
        Path results = dir.resolve(RESULTS);
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (var stream = Files.list(results)) {
            return stream.filter(p -> SHARD_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** One complete line (ended by a newline) of a file's bytes, 1-based. */
    private record Line(int number, byte[] bytes) {
        boolean blank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /** The complete lines of {@code content}; what follows the last newline is {@link #tail}. */
    private static List<Line> completeLines(byte[] content) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(new Line(lines.size() + 1, Arrays.copyOfRange(content, start, i)));
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] tail(byte[] content) {
        int last = -1;
        for (int i = content.length - 1; i >= 0; i--) {
            if (content[i] == '\n') {
                last = i;
                break;
            }
        }
        return Arrays.copyOfRange(content, last + 1, content.length);
    }

    /** A line that passed: its record, and whether a checksum vouched for it. */
    private record Good<T>(T record, boolean verified) {}

    /**
     * Checks one line against the folder: the record, or null with the reason in {@code damage[0]} for a
     * damaged line; a line of another sweep or of another kind is refused outright.
     */
    private static <T extends SweepLine> Good<T> check(Identity id, Path file, Line line, Class<T> type,
                                                       String[] damage) {
        SealedLine.Opened opened = SealedLine.open(line.bytes());
        ObjectNode tree;
        boolean verified;
        switch (opened) {
            case SealedLine.Damaged d -> {
                damage[0] = d.reason();
                return null;
            }
            case SealedLine.Unsealed u -> {
                if (id.sealed()) {
                    damage[0] = "no checksum (every line of a " + Manifest.SCHEMA + " folder carries one)";
                    return null;
                }
                tree = u.record();
                verified = false;
            }
            case SealedLine.Verified v -> {
                if (!v.sweepDigest().equals(id.digest())) {
                    throw new UserInputException(file + ":" + line.number() + ": a record of another sweep ("
                            + SealedLine.DIGEST + " " + abbreviate(v.sweepDigest()) + ", the manifest of " + id.dir()
                            + " has " + abbreviate(id.digest()) + "): results of different parameters are never "
                            + "mixed; move " + file.getFileName() + " out of " + file.getParent()
                            + " or summarize its own folder");
                }
                tree = v.record();
                verified = true;
            }
        }
        try {
            return new Good<>(Documents.read(tree, type), verified);
        } catch (JacksonException ex) {
            throw new UserInputException(file + ":" + line.number() + ": not a line of this kind of sweep ("
                    + Documents.reason(ex) + ")");
        }
    }

    private static String abbreviate(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
    }

    /** The shard a shard file belongs to, as "I/N" (without leading zeros). */
    private static String shardOf(Path file) {
        var m = SHARD_FILE.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) + "/" + Integer.parseInt(m.group(2)) : "?";
    }

    /**
     * Moves the damaged lines of a shard file this run holds the lock of to {@code rejected/}, with a
     * warning for each: first appended (and forced) to the rejected file, then the file is replaced by its
     * good lines (temporary file, fsync, atomic rename), so a crash in between loses nothing.
     */
    private static void repair(Identity id, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] content = Files.readAllBytes(file);
        ByteArrayOutputStream kept = new ByteArrayOutputStream(content.length);
        ByteArrayOutputStream rejected = new ByteArrayOutputStream();
        List<String> reasons = new ArrayList<>();
        String[] damage = new String[1];
        List<Line> lines = completeLines(content);
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            if (check(id, file, line, KeyOnly.class, damage) != null) {
                kept.write(line.bytes());
                kept.write('\n');
            } else {
                rejected.write(line.bytes());
                rejected.write('\n');
                reasons.add(file + ":" + line.number() + ": damaged line (" + damage[0] + ")");
            }
        }
        byte[] tail = tail(content);
        if (!new Line(0, tail).blank()) {
            rejected.write(tail);
            rejected.write('\n');
            reasons.add(file + ":" + (lines.size() + 1) + ": unfinished last line (a run was stopped while writing it)");
        }
        if (reasons.isEmpty()) {
            return;
        }
        Path rejectedFile = id.dir().resolve(REJECTED).resolve(file.getFileName());
        Files.createDirectories(rejectedFile.getParent());
        writeForced(rejectedFile, rejected.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            writeForced(tmp, kept.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
        for (int i = 0; i < reasons.size(); i++) {
            if (i == NAMED_LINES) {
                Warnings.once((reasons.size() - NAMED_LINES) + " more damaged line(s) of " + file + " moved to "
                        + rejectedFile);
                break;
            }
            Warnings.once(reasons.get(i) + "; moved to " + rejectedFile + ", its realization is computed again");
        }
    }

    /** Appends one record as one sealed line and forces it to disk before returning. */
    public synchronized void append(SweepLine record) throws IOException {
        while (stopped) {
            // The process is exiting: this thread waits for the end instead of writing (or failing noisily).
            try {
                wait();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("stopped before " + record.key() + " was written");
            }
        }
        ComputationException.requireFinite(record, "realization " + record.key());
        byte[] sealed = SealedLine.seal(Documents.line(record), identity.digest());
        writeAll(channel, ByteBuffer.allocate(sealed.length + 1).put(sealed).put((byte) '\n').flip());
        channel.force(false);
        appended++;
    }

    /**
     * Lets an append in progress finish and refuses every later one (the process is being stopped);
     * returns the lines this run appended.
     */
    public synchronized int stopAppending() {
        stopped = true;
        return appended;
    }

    /**
     * The keys of every realization of the folder found done, in any shard file. A damaged line in
     * another shard's file (which only the run of that shard may rewrite) is not counted, with a warning;
     * a line of another sweep is refused.
     */
    public synchronized Set<String> finishedKeys() throws IOException {
        checkResultsFolder(identity.dir());
        Set<String> keys = new HashSet<>();
        int unverified = 0;
        String[] damage = new String[1];
        for (Path f : shardFiles(identity.dir())) {
            for (Line line : completeLines(Files.readAllBytes(f))) {
                if (line.blank()) {
                    continue;
                }
                Good<KeyOnly> good = check(identity, f, line, KeyOnly.class, damage);
                if (good == null) {
                    String where = f + ":" + line.number();
                    if (reported.add(where)) {
                        Warnings.once(where + ": damaged line (" + damage[0] + "), not counted as done; a rerun of "
                                + "shard " + shardOf(f) + " moves it to " + identity.dir().resolve(REJECTED)
                                + " and computes its realization again");
                    }
                    continue;
                }
                keys.add(good.record().key());
                if (!good.verified()) {
                    unverified++;
                }
            }
        }
        warnUnverified(identity, unverified);
        return keys;
    }

    /**
     * Every complete line of every shard file of the folder, read as {@code type}, first occurrence of
     * each key kept, each verified against the folder's manifest. Refuses, naming file and line, a line of
     * another sweep or another kind, a damaged line (the run of its shard moves it out and recomputes it),
     * and a file in {@code results/} no sweep writes. Lines of a {@link Manifest#PREVIOUS} folder are read
     * unverified, with a warning.
     */
    public static <T extends SweepLine> Map<String, T> readRecords(Path dir, Class<T> type) throws IOException {
        Identity identity = identity(dir);
        checkResultsFolder(dir);
        Map<String, T> records = new LinkedHashMap<>();
        List<String> damaged = new ArrayList<>();
        String firstShard = null;
        int unverified = 0;
        String[] damage = new String[1];
        for (Path file : shardFiles(dir)) {
            for (Line line : completeLines(Files.readAllBytes(file))) {
                if (line.blank()) {
                    continue;
                }
                Good<T> good = check(identity, file, line, type, damage);
                if (good == null) {
                    if (damaged.isEmpty()) {
                        firstShard = shardOf(file);
                    }
                    damaged.add(file + ":" + line.number() + ": damaged line (" + damage[0] + ")");
                    continue;
                }
                records.putIfAbsent(good.record().key(), good.record());
                if (!good.verified()) {
                    unverified++;
                }
            }
        }
        if (!damaged.isEmpty()) {
            throw new UserInputException(damaged.getFirst() + (damaged.size() > 1 ? " and " + (damaged.size() - 1)
                    + " more" : "") + ": rerun the command that wrote it (shard " + firstShard + ") to move damaged "
                    + "lines to " + dir.resolve(REJECTED) + " and compute their realizations again");
        }
        warnUnverified(identity, unverified);
        return records;
    }

    private static void warnUnverified(Identity identity, int unverified) {
        if (unverified > 0) {
            Warnings.once(identity.dir() + " was written by an earlier dnp (" + Manifest.PREVIOUS + "): "
                    + unverified + " of its lines carry no checksum and are used unverified");
        }
    }

    /** Writes {@code bytes} to {@code file} opened with {@code options} (and WRITE), and forces them to disk. */
    private static void writeForced(Path file, byte[] bytes, StandardOpenOption... options) throws IOException {
        java.util.Set<StandardOpenOption> open = new java.util.HashSet<>(List.of(options));
        open.add(StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(file, open)) {
            writeAll(ch, ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    private static void writeAll(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Makes a rename durable where the platform can open a directory (Linux); elsewhere the rename is still atomic. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ex) {
            // not supported here: only the durability of the rename after a power loss is not forced
        }
    }

    public Path folder() {
        return identity.dir();
    }

    /** This shard's file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            lock.close();
        }
    }
}
