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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * The vector estimator's moments ({@link GramMoments}) on disk, beside the site moments of
 * {@link MomentStore} and with the same guarantees: one file per (lattice, t, disorder realization,
 * estimator settings), written to a temporary file, forced to disk and renamed into place; a file
 * whose header does not match the request or whose checksum fails is refused with an
 * {@link IOException}. Any ω_n, ω_MW, relaxation time, A_0, temperature, kernel or convention is
 * evaluated from the file alone. A store made with a warnings consumer recovers as {@link MomentStore}'s
 * does ({@link RecoveringFiles}): a damaged file is computed again and replaced, an unwritable folder
 * only warned about.
 *
 * <p><b>Format, version 1</b> (little-endian; offsets in bytes):
 * <pre>
 *   0   8 bytes  magic "DNPVEC\r\n"
 *   8   int32    format version (1)
 *  12   int32    L
 *  16   int32    boundary: 0 periodic, 1 open
 *  20   int32    M
 *  24   float64  t (2π·MHz)
 *  32   float64  w, nominal disorder width (2π·MHz)
 *  40   int64    seed          (−1 for disorder read from a file)
 *  48   int64    realization   (−1 likewise)
 *  56   int64    CRC32C of the Δ_i (N float64, site order)
 *  64   float64  a, scale of H̃
 *  72   float64  b, shift of H̃
 *  80   int32    damping kernel recorded as the default for evaluation (DampingKernel ordinal)
 *  84   int32    R, vectors of the estimator
 *  88   int32    J, groups of the estimator
 *  92   int32    draw
 *  96   int32    H, groups held in this file
 * 100   int32    reserved (0)
 * 104   int32[H] the groups held, ascending;  int32[H] the sites each covers
 *       per group held: float32[M(M+1)/2] Γ_A, float32[M(M+1)/2] Γ_B (lower triangles, row by row),
 *                       float64[4M] t_0 … t_3
 *  end  int64    CRC32C of every preceding byte
 * </pre>
 * A realization computed in parts has one file per part ({@link #partFileFor}), each holding part k of
 * K's groups [⌊kJ/K⌋, ⌊(k+1)J/K⌋); {@link #readParts} joins them.
 */
public final class VectorMomentStore {
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "DNPVEC\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 104;
    /** Bytes written or read per call. */
    private static final int IO_CHUNK = 8 << 20;

    private final Path directory;
    private final RecoveringFiles files;

    /** A strict store: a damaged file or a failed write throws. */
    public VectorMomentStore(Path directory) {
        this(directory, null);
    }

    /** A store that recovers, each recovery reported as one line to {@code warnings}. */
    public VectorMomentStore(Path directory, java.util.function.Consumer<String> warnings) {
        this.directory = directory;
        this.files = new RecoveringFiles(directory, warnings);
    }

    public Path directory() {
        return directory;
    }

    /** {@code kpmvec-L<L>-<bc>-t<t>-w<w>-s<seed>-r<realization>-M<M>-R<R>-J<J>-d<draw>.bin}. */
    public Path fileFor(RealizationInput input, VectorSettings settings) {
        String name = String.format(Locale.ROOT, "kpmvec-L%d-%s-t%s-w%s-s%d-r%d-M%d-R%d-J%d-d%d.bin",
                input.lattice().size(), input.lattice().boundary() == BoundaryCondition.PERIODIC ? "pbc" : "obc",
                MomentStore.number(input.hopping()), MomentStore.number(input.disorder().width()),
                input.disorder().seed(), input.disorder().realization(), settings.moments(), settings.vectors(),
                settings.groups(), settings.draw());
        return directory.resolve(name);
    }

    /** The file of part {@code part} (0-based) of {@code parts}: the whole name with {@code -part<p+1>of<K>}. */
    public Path partFileFor(RealizationInput input, VectorSettings settings, int part, int parts) {
        String whole = fileFor(input, settings).getFileName().toString();
        return directory.resolve(whole.substring(0, whole.length() - ".bin".length())
                + String.format(Locale.ROOT, "-part%dof%d.bin", part + 1, parts));
    }

    /** The groups of part {@code part} of {@code parts}: [⌊kJ/K⌋, ⌊(k+1)J/K⌋). */
    public static int[] groupsOfPart(int groups, int part, int parts) {
        if (parts < 1 || parts > groups) {
            throw new IllegalArgumentException("cannot divide " + groups + " groups into " + parts + " parts");
        }
        if (part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " outside [0, " + parts + ")");
        }
        int from = (int) ((long) part * groups / parts);
        int to = (int) ((long) (part + 1) * groups / parts);
        int[] ids = new int[to - from];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = from + i;
        }
        return ids;
    }

    public boolean hasPart(RealizationInput input, VectorSettings settings, int part, int parts) {
        return Files.exists(partFileFor(input, settings, part, parts));
    }

    /** The stored moments of this request if its file exists, else computed and stored. */
    public GramMoments load(RealizationInput input, VectorSettings settings) throws IOException {
        Path file = fileFor(input, settings);
        if (files.usable(file)) {
            try {
                return read(file, input, settings, VectorEngine.allGroups(settings.groups()));
            } catch (MomentStore.DamagedFileException ex) {
                files.recovering(ex);
            }
        }
        GramMoments moments = VectorEngine.compute(input, settings);
        files.keep(file, f -> write(f, input, moments));
        return moments;
    }

    /** The moments of one part: read if its file exists, else computed and written. */
    public GramMoments loadPart(RealizationInput input, VectorSettings settings, int part, int parts)
            throws IOException {
        Path file = partFileFor(input, settings, part, parts);
        int[] groups = groupsOfPart(settings.groups(), part, parts);
        if (files.usable(file)) {
            try {
                return read(file, input, settings, groups);
            } catch (MomentStore.DamagedFileException ex) {
                files.recovering(ex);
            }
        }
        GramMoments moments = VectorEngine.compute(input, settings, VectorPartition.of(input, settings), groups);
        files.keep(file, f -> write(f, input, moments));
        return moments;
    }

    /** The whole realization from the files of all {@code parts} parts. */
    public GramMoments readParts(RealizationInput input, VectorSettings settings, int parts) throws IOException {
        List<GramMoments> read = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            try {
                read.add(read(partFileFor(input, settings, p, parts), input, settings,
                        groupsOfPart(settings.groups(), p, parts)));
            } catch (MomentStore.DamagedFileException ex) {
                files.recovering(ex);
                read.add(loadPart(input, settings, p, parts));
            }
        }
        return GramMoments.join(read);
    }

    /** Writes {@code moments} of {@code input}'s realization to {@code file}, atomically. */
    public static void write(Path file, RealizationInput input, GramMoments moments) throws IOException {
        if (moments.sites() != input.sites()) {
            throw new IllegalArgumentException("moments of " + moments.sites() + " sites for a lattice of "
                    + input.sites());
        }
        int m = moments.moments();
        int held = moments.heldGroups().length;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES + 8 * held).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC);
        header.putInt(FORMAT_VERSION);
        header.putInt(input.lattice().size());
        header.putInt(input.lattice().boundary() == BoundaryCondition.PERIODIC ? 0 : 1);
        header.putInt(m);
        header.putDouble(input.hopping());
        header.putDouble(input.disorder().width());
        header.putLong(input.disorder().seed());
        header.putLong(input.disorder().realization());
        header.putLong(MomentStore.disorderChecksum(input));
        header.putDouble(moments.scale());
        header.putDouble(moments.shift());
        header.putInt(moments.kernel().ordinal());
        header.putInt(moments.vectors());
        header.putInt(moments.groups());
        header.putInt(moments.draw());
        header.putInt(held);
        header.putInt(0);
        for (int g : moments.heldGroups()) {
            header.putInt(g);
        }
        for (int s : moments.groupSites()) {
            header.putInt(s);
        }
        header.flip();
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
        CRC32C crc = new CRC32C();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                writeAll(ch, header, crc);
                ByteBuffer buf = ByteBuffer.allocate(IO_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < held; k++) {
                    for (float[] triangle : moments.gram()[k]) {
                        for (float x : triangle) {
                            if (buf.remaining() < 4) {
                                flush(ch, buf, crc);
                            }
                            buf.putFloat(x);
                        }
                    }
                    for (double x : moments.traces()[k]) {
                        if (buf.remaining() < 8) {
                            flush(ch, buf, crc);
                        }
                        buf.putDouble(x);
                    }
                }
                flush(ch, buf, crc);
                ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
                tail.flip();
                while (tail.hasRemaining()) {
                    ch.write(tail);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            MomentStore.syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a file written for {@code input}'s realization and {@code settings}, holding exactly {@code groups}. */
    public static GramMoments read(Path file, RealizationInput input, VectorSettings settings, int[] groups)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            CRC32C crc = new CRC32C();
            ByteBuffer fixed = readExactly(ch, HEADER_BYTES, crc, file);
            byte[] magic = new byte[MAGIC.length];
            fixed.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new MomentStore.DamagedFileException(file + ": not a vector moment file (damaged, or another file "
                        + "in its place)");
            }
            int version = fixed.getInt();
            if (version != FORMAT_VERSION) {
                throw new IOException(file + ": format version " + version + ", this program reads " + FORMAT_VERSION);
            }
            int l = fixed.getInt();
            int boundary = fixed.getInt();
            int m = fixed.getInt();
            double t = fixed.getDouble();
            double w = fixed.getDouble();
            long seed = fixed.getLong();
            long realization = fixed.getLong();
            long disorder = fixed.getLong();
            double scale = fixed.getDouble();
            double shift = fixed.getDouble();
            int kernel = fixed.getInt();
            int vectors = fixed.getInt();
            int groupCount = fixed.getInt();
            int draw = fixed.getInt();
            int held = fixed.getInt();
            mismatch(file, "L", l, input.lattice().size());
            mismatch(file, "boundary", boundary == 0 ? "periodic" : "open",
                    input.lattice().boundary() == BoundaryCondition.PERIODIC ? "periodic" : "open");
            mismatch(file, "M", m, settings.moments());
            mismatch(file, "t", t, input.hopping());
            mismatch(file, "w", w, input.disorder().width());
            mismatch(file, "seed", seed, input.disorder().seed());
            mismatch(file, "realization", realization, input.disorder().realization());
            mismatch(file, "disorder checksum", Long.toHexString(disorder),
                    Long.toHexString(MomentStore.disorderChecksum(input)));
            mismatch(file, "vectors", vectors, settings.vectors());
            mismatch(file, "groups", groupCount, settings.groups());
            mismatch(file, "draw", draw, settings.draw());
            long packed = GramMoments.packedLength(m);
            long expected = HEADER_BYTES + 8L * held + held * (8 * packed + 32L * m) + 8;
            if (kernel < 0 || kernel >= DampingKernel.values().length || held < 0 || expected != size) {
                throw new MomentStore.DamagedFileException(file + ": inconsistent header (" + held + " groups, " + size
                        + " bytes; truncated or damaged)");
            }
            if (held != groups.length) {
                throw new IOException(file + ": holds " + held + " groups, the request is for " + groups.length);
            }
            ByteBuffer ids = readExactly(ch, 8 * held, crc, file);
            int[] heldGroups = new int[held];
            int[] groupSites = new int[held];
            for (int k = 0; k < held; k++) {
                heldGroups[k] = ids.getInt();
            }
            for (int k = 0; k < held; k++) {
                groupSites[k] = ids.getInt();
            }
            if (!Arrays.equals(heldGroups, groups)) {
                throw new IOException(file + ": holds groups " + Arrays.toString(heldGroups) + ", expected "
                        + Arrays.toString(groups));
            }
            float[][][] gram = new float[held][2][(int) packed];
            double[][] traces = new double[held][4 * m];
            for (int k = 0; k < held; k++) {
                for (int pair = 0; pair < 2; pair++) {
                    float[] out = gram[k][pair];
                    for (int from = 0; from < out.length; from += IO_CHUNK / 4) {
                        int count = Math.min(IO_CHUNK / 4, out.length - from);
                        readExactly(ch, 4 * count, crc, file).asFloatBuffer().get(out, from, count);
                    }
                }
                readExactly(ch, 32 * m, crc, file).asDoubleBuffer().get(traces[k]);
            }
            long stored = readExactly(ch, 8, null, file).getLong();
            if (stored != crc.getValue()) {
                throw new MomentStore.DamagedFileException(file + ": checksum mismatch (truncated or damaged file)");
            }
            return new GramMoments(input.sites(), scale, shift, m, DampingKernel.values()[kernel], vectors, groupCount,
                    heldGroups, groupSites, gram, traces, Math.max(0, seed), Math.max(0, realization), draw);
        }
    }

    private static ByteBuffer readExactly(FileChannel ch, int bytes, CRC32C crc, Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new MomentStore.DamagedFileException(file + ": truncated (damaged file)");
            }
        }
        buf.flip();
        if (crc != null) {
            crc.update(buf.array(), 0, bytes);
        }
        return buf;
    }

    private static void writeAll(FileChannel ch, ByteBuffer buf, CRC32C crc) throws IOException {
        crc.update(buf.array(), buf.position(), buf.remaining());
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void flush(FileChannel ch, ByteBuffer buf, CRC32C crc) throws IOException {
        buf.flip();
        writeAll(ch, buf, crc);
        buf.clear();
    }

    private static void mismatch(Path file, String what, Object stored, Object requested) throws IOException {
        if (!stored.equals(requested)) {
            throw new IOException(file + ": " + what + " = " + stored + " in the file, the request has " + requested);
        }
    }
}
