package dnp.kpm;

import dnp.kernel.model.BoundaryCondition;
import dnp.kernel.model.RealizationInput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Chebyshev moments on disk, one file per (lattice, t, disorder realization, moment settings), so that
 * any new ω_n, ω_MW, relaxation times, A_0, temperature, damping kernel or convention is evaluated from
 * the file alone: the moments are those of H̃ = (M − b)/a, which depends on L, boundary, t and the Δ_i
 * only, and they are stored raw (before any kernel).
 *
 * <p><b>Format, version 1</b> (all numbers little-endian; offsets in bytes):
 * <pre>
 *   0   8 bytes  magic "DNPKPM\r\n"
 *   8   int32    format version (1)
 *  12   int32    L
 *  16   int32    boundary: 0 periodic, 1 open
 *  20   int32    M, number of moments
 *  24   float64  t (2π·MHz)
 *  32   float64  w, nominal disorder width (2π·MHz)
 *  40   int64    seed          (−1 for disorder read from a file)
 *  48   int64    realization   (−1 likewise)
 *  56   int64    CRC32C of the Δ_i (N float64, site order) — identifies the realization even without a seed
 *  64   float64  a, scale of H̃
 *  72   float64  b, shift of H̃
 *  80   int32    damping kernel recorded as the default for evaluation (DampingKernel ordinal; the moments
 *                themselves are kernel-independent)
 *  84   int32    S, number of sites held
 *  88   int32    R, number of trace vectors held
 *  92   int32    reserved (0)
 *  96   int32[S] site indices j;  int32[R] trace vector ids v
 *       float64[S·M] μ_m(j) = ⟨j|T_m(H̃)|j⟩, site-major ([s·M + m])
 *       float64[R·M] μ̄_m^(v) = ⟨r_v|T_m(H̃)|r_v⟩/N, vector-major
 *  end  int64    CRC32C of every preceding byte
 * </pre>
 * Files are written atomically: to a temporary file in the same folder, forced to disk, then renamed
 * over the target, so a reader sees either the old file or the complete new one. A file whose header
 * does not match the request (lattice, t, realization, M, and for a settings request the number of
 * sites and vectors) or whose checksum fails is refused with an {@link IOException}.
 *
 * <p>A realization computed in parts ({@link SiteParts}) has one file per part, in the same format
 * and holding that part's sites and vectors ({@link #partFileFor}); {@link #readParts} adds them.
 */
public final class MomentStore {
    /** Current format version. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "DNPKPM\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 96;

    private final Path directory;
    /** What a damaged, unreadable or unwritable file does: recompute and warn, or throw. */
    private final RecoveringFiles files;

    /**
     * A moment file whose bytes are not what was written (truncated, altered, not a moment file at all):
     * computing its moments again and replacing it is the fix.
     */
    public static final class DamagedFileException extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedFileException(String message) {
            super(message);
        }
    }

    /** A store in {@code directory} (created on the first write); a damaged file or a failed write throws. */
    public MomentStore(Path directory) {
        this(directory, null);
    }

    /**
     * A store that recovers, reporting each recovery as one line to {@code warnings}: a damaged file is
     * computed again and replaced; moments that cannot be written (a read-only folder, a full disk) are
     * still returned, only not kept.
     */
    public MomentStore(Path directory, Consumer<String> warnings) {
        this.directory = directory;
        this.files = new RecoveringFiles(directory, warnings);
    }

    /** The folder of the moment files. */
    public Path directory() {
        return directory;
    }

    /**
     * The file of one realization and moment settings: {@code kpm-L<L>-<bc>-t<t>-w<w>-s<seed>-r<realization>-M<M>-S<S>-R<R>.bin}
     * (S = "all" for every site; block size, threads and sweep depth do not change the moments and
     * are not part of the name; a disorder read from a file has seed and realization −1, and is told
     * apart only by the checksum in the header).
     */
    public Path fileFor(RealizationInput input, KpmSettings settings) {
        boolean all = settings.allSitesRequested() || settings.sites() >= input.sites();
        String name = String.format(Locale.ROOT, "kpm-L%d-%s-t%s-w%s-s%d-r%d-M%d-S%s-R%d.bin", input.lattice().size(),
                input.lattice().boundary() == BoundaryCondition.PERIODIC ? "pbc" : "obc", number(input.hopping()),
                number(input.disorder().width()), input.disorder().seed(), input.disorder().realization(),
                settings.moments(), all ? "all" : Integer.toString(settings.sites()),
                all ? 0 : settings.traceVectors());
        return directory.resolve(name);
    }

    /**
     * The file of part {@code part} (0-based) of {@code parts} of a realization's sample ({@link SiteParts}):
     * the whole sample's name with {@code -part<p+1>of<K>} before {@code .bin}; its content is a moment file
     * of the same format holding only that part's sites and trace vectors.
     */
    public Path partFileFor(RealizationInput input, KpmSettings settings, int part, int parts) {
        String whole = fileFor(input, settings).getFileName().toString();
        return directory.resolve(whole.substring(0, whole.length() - ".bin".length())
                + String.format(Locale.ROOT, "-part%dof%d.bin", part + 1, parts));
    }

    /**
     * Whether the file of a part exists. Files are renamed into place only once complete and forced to
     * disk, so an existing file is a finished part (its checksum is verified when it is read).
     */
    public boolean hasPart(RealizationInput input, KpmSettings settings, int part, int parts) {
        return Files.exists(partFileFor(input, settings, part, parts));
    }

    /** The moments of one part: read if its file exists, else computed on the stencil and written (fsync, atomic rename). */
    public KpmMoments loadPart(RealizationInput input, KpmSettings settings, int part, int parts) throws IOException {
        Path file = partFileFor(input, settings, part, parts);
        if (files.usable(file)) {
            try {
                return readPart(file, input, settings, part, parts);
            } catch (DamagedFileException ex) {
                files.recovering(ex);
            }
        }
        KpmMoments moments = SiteParts.compute(input, settings, part, parts);
        files.keep(file, f -> write(f, input, moments));
        return moments;
    }

    /**
     * The moments of the whole sample from the files of all {@code parts} parts, added in part order:
     * the same sites in the same order and the same trace vectors as {@link KpmEngine#compute(RealizationInput,
     * KpmSettings)}. A missing part is a {@link java.nio.file.NoSuchFileException}.
     */
    public KpmMoments readParts(RealizationInput input, KpmSettings settings, int parts) throws IOException {
        java.util.List<KpmMoments> read = new java.util.ArrayList<>();
        for (int p = 0; p < parts; p++) {
            Path file = partFileFor(input, settings, p, parts);
            try {
                read.add(readPart(file, input, settings, p, parts));
            } catch (DamagedFileException ex) {
                files.recovering(ex);
                read.add(loadPart(input, settings, p, parts));
            }
        }
        return KpmMoments.join(read);
    }

    /** Reads a part file and refuses one that holds other sites or vectors than part {@code part} of {@code parts}. */
    static KpmMoments readPart(Path file, RealizationInput input, KpmSettings settings, int part, int parts)
            throws IOException {
        KpmMoments moments = read(file, input, settings.moments());
        KpmEngine.Columns expected = SiteParts.part(input, settings, part, parts);
        if (!java.util.Arrays.equals(moments.siteIndex(), expected.sites())
                || !java.util.Arrays.equals(moments.traceIds(), expected.traceIds())) {
            throw new IOException(file + ": holds " + moments.sampledSites() + " sites and " + moments.traceIds().length
                    + " trace vectors that are not part " + (part + 1) + " of " + parts + " of this sample");
        }
        return moments;
    }

    /** The stored moments of this request if its file exists, else computes them and stores them. */
    public KpmMoments load(RealizationInput input, KpmSettings settings) throws IOException {
        Path file = fileFor(input, settings);
        if (files.usable(file)) {
            try {
                return read(file, input, settings);
            } catch (DamagedFileException ex) {
                files.recovering(ex);
            }
        }
        KpmMoments moments = KpmEngine.compute(input, settings);
        files.keep(file, f -> write(f, input, moments));
        return moments;
    }

    /** Writes {@code moments} of {@code input}'s realization to {@code file}, atomically. */
    public static void write(Path file, RealizationInput input, KpmMoments moments) throws IOException {
        if (moments.sites() != input.sites()) {
            throw new IllegalArgumentException("moments of " + moments.sites() + " sites for a lattice of "
                    + input.sites());
        }
        if (moments.seed() != KpmEngine.seed(input) || moments.realization() != KpmEngine.realization(input)) {
            throw new IllegalArgumentException("moments of seed " + moments.seed() + ", realization "
                    + moments.realization() + " for the realization (" + input.disorder().seed() + ", "
                    + input.disorder().realization() + ")");
        }
        int s = moments.sampledSites();
        int r = moments.traceIds().length;
        int m = moments.moments();
        long size = HEADER_BYTES + 4L * (s + r) + 8L * (long) (s + r) * m + 8;
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("moments too large for one file: " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC);
        buf.putInt(FORMAT_VERSION);
        buf.putInt(input.lattice().size());
        buf.putInt(input.lattice().boundary() == BoundaryCondition.PERIODIC ? 0 : 1);
        buf.putInt(m);
        buf.putDouble(input.hopping());
        buf.putDouble(input.disorder().width());
        buf.putLong(input.disorder().seed());
        buf.putLong(input.disorder().realization());
        buf.putLong(disorderChecksum(input));
        buf.putDouble(moments.scale());
        buf.putDouble(moments.shift());
        buf.putInt(moments.kernel().ordinal());
        buf.putInt(s);
        buf.putInt(r);
        buf.putInt(0);
        for (int j : moments.siteIndex()) {
            buf.putInt(j);
        }
        for (int v : moments.traceIds()) {
            buf.putInt(v);
        }
        buf.asDoubleBuffer().put(moments.siteMoments()).put(moments.traceMoments());
        buf.position(buf.position() + 8 * (s + r) * m);
        buf.putLong(checksum(buf.array(), buf.position()));
        buf.flip();

        Path dir = file.toAbsolutePath().getParent();
        // A hidden sibling created with the process's default permissions (umask), unlike createTempFile's 0600.
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a file written for {@code input}'s realization with the settings' M, and, unless
     * {@code settings} is null, the settings' site sample (all N sites, or S sites and R vectors).
     */
    public static KpmMoments read(Path file, RealizationInput input, KpmSettings settings) throws IOException {
        KpmMoments moments = read(file, input, settings.moments());
        boolean all = settings.allSitesRequested() || settings.sites() >= input.sites();
        if (all ? !moments.allSites()
                : moments.sampledSites() != settings.sites() || moments.traceIds().length != settings.traceVectors()) {
            throw new IOException(file + ": holds " + moments.sampledSites() + " sites and "
                    + moments.traceIds().length + " trace vectors, the request is for "
                    + (all ? "all " + input.sites() + " sites" : settings.sites() + " sites and "
                    + settings.traceVectors() + " vectors"));
        }
        return moments;
    }

    /** Reads any site set of {@code input}'s realization with M moments; refuses a file of another request. */
    public static KpmMoments read(Path file, RealizationInput input, int moments) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < HEADER_BYTES + 8) {
            throw new DamagedFileException(file + ": too short for a moment file (truncated or damaged)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new DamagedFileException(file + ": not a KPM moment file (damaged, or another file in its place)");
        }
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": format version " + version + ", this program reads " + FORMAT_VERSION);
        }
        long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (stored != checksum(bytes, bytes.length - 8)) {
            throw new DamagedFileException(file + ": checksum mismatch (truncated or damaged file)");
        }
        int size = buf.getInt();
        int boundary = buf.getInt();
        int m = buf.getInt();
        double t = buf.getDouble();
        double w = buf.getDouble();
        long seed = buf.getLong();
        long realization = buf.getLong();
        long disorder = buf.getLong();
        double scale = buf.getDouble();
        double shift = buf.getDouble();
        int kernel = buf.getInt();
        int s = buf.getInt();
        int r = buf.getInt();
        buf.getInt();
        mismatch(file, "L", size, input.lattice().size());
        mismatch(file, "boundary", boundary == 0 ? "periodic" : "open",
                input.lattice().boundary() == BoundaryCondition.PERIODIC ? "periodic" : "open");
        mismatch(file, "M", m, moments);
        mismatch(file, "t", t, input.hopping());
        mismatch(file, "w", w, input.disorder().width());
        mismatch(file, "seed", seed, input.disorder().seed());
        mismatch(file, "realization", realization, input.disorder().realization());
        mismatch(file, "disorder checksum", Long.toHexString(disorder), Long.toHexString(disorderChecksum(input)));
        long expected = HEADER_BYTES + 4L * (s + r) + 8L * (long) (s + r) * m + 8;
        if (s < 0 || r < 0 || kernel < 0 || kernel >= DampingKernel.values().length || expected != bytes.length) {
            throw new DamagedFileException(file + ": inconsistent header (S = " + s + ", R = " + r + ", " + bytes.length
                    + " bytes)");
        }
        int[] sites = new int[s];
        int[] trace = new int[r];
        for (int i = 0; i < s; i++) {
            sites[i] = buf.getInt();
        }
        for (int i = 0; i < r; i++) {
            trace[i] = buf.getInt();
        }
        double[] siteMoments = new double[s * m];
        double[] traceMoments = new double[r * m];
        buf.asDoubleBuffer().get(siteMoments).get(traceMoments);
        return new KpmMoments(input.sites(), scale, shift, m, DampingKernel.values()[kernel], sites, siteMoments, trace,
                traceMoments, Math.max(0, seed), Math.max(0, realization));
    }

    /** The moments of several files of one realization (disjoint site and vector sets), added. */
    public static KpmMoments readAndAdd(RealizationInput input, int moments, Path... files) throws IOException {
        if (files.length == 0) {
            throw new IllegalArgumentException("no files given");
        }
        java.util.List<KpmMoments> read = new java.util.ArrayList<>();
        for (Path file : files) {
            read.add(read(file, input, moments));
        }
        return KpmMoments.join(read);
    }

    private static void mismatch(Path file, String what, Object stored, Object requested) throws IOException {
        if (!stored.equals(requested)) {
            throw new IOException(file + ": " + what + " = " + stored + " in the file, the request has " + requested
                    + ": the file belongs to another computation; move it away or use another --moment-cache");
        }
    }

    /** CRC32C of the Δ_i as little-endian float64, in site order. */
    static long disorderChecksum(RealizationInput input) {
        double[] delta = input.disorder().values();
        ByteBuffer buf = ByteBuffer.allocate(8 * delta.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(delta);
        return checksum(buf.array(), buf.capacity());
    }

    private static long checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** Shortest decimal that reads back to the same double, without exponent where possible. */
    static String number(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    static void syncDirectory(Path dir) {
        // Makes the rename durable where the platform allows opening a directory (Linux); elsewhere a no-op.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ex) {
            // not supported here: the rename is still atomic, only its durability after a crash is not forced
        }
    }
}
