package dnp.kernel.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * On-site energies Δ_i (2π·MHz) of one disorder realization, in site order i = x + L·(y + L·z).
 * A realization is fixed by (seed, realization index) alone — it does not depend on t, so a
 * sweep over t uses correlated samples — or read from a file.
 */
public final class Disorder {
    private final double width;
    private final double[] onsite;
    private final String source;
    private final long seed;
    private final long realization;

    private Disorder(double width, double[] onsite, String source, long seed, long realization) {
        this.width = width;
        this.onsite = onsite;
        this.source = source;
        this.seed = seed;
        this.realization = realization;
    }

    /**
     * Box disorder: Δ_i i.i.d. uniform in [−w/2, w/2), drawn from {@link RandomStream} with purpose
     * {@link RandomStream#DISORDER}: Δ_i = w·(u_i − ½) for i = 0…N−1.
     */
    public static Disorder box(int sites, double width, long seed, long realization) {
        Bounds.frequency("disorder width w", width);
        if (sites < 1) {
            throw new IllegalArgumentException("number of sites must be positive, got " + sites);
        }
        RandomStream random = new RandomStream(seed, realization, RandomStream.DISORDER);
        double[] delta = new double[sites];
        for (int i = 0; i < sites; i++) {
            delta[i] = width * (random.nextDouble() - 0.5);
        }
        return new Disorder(width, delta, "box(seed=" + seed + ", realization=" + realization + ")", seed, realization);
    }

    /** Given values; {@code width} is the nominal w recorded with them. */
    public static Disorder of(double[] onsite, double width, String source) {
        Bounds.frequency("disorder width w", width);
        for (int i = 0; i < onsite.length; i++) {
            Bounds.energy("Δ_" + i, onsite[i]);
        }
        return new Disorder(width, onsite.clone(), source, -1, -1);
    }

    /**
     * Reads one Δ per line (2π·MHz), site order i = x + L·(y + L·z), each a decimal number of
     * {@link Numbers}' grammar within {@link Bounds#energy}. Blank lines and lines starting with '#' are
     * skipped; a byte-order mark at the start of the file (what some editors write) is skipped too. Errors
     * name the file and the line.
     */
    public static Disorder read(Path file, int sites, double width) throws IOException {
        double[] delta = new double[sites];
        int count = 0;
        int lineNumber = 0;
        for (String line : text(file).lines().toList()) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            double value;
            try {
                value = Bounds.energy("Δ", Numbers.parseDouble(text));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": " + ex.getMessage());
            }
            if (count == sites) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": more than the " + sites
                        + " values the lattice has (one per site)");
            }
            delta[count++] = value;
        }
        if (count != sites) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": " + count + " values, the lattice needs "
                    + sites + " (one per site)");
        }
        return new Disorder(Bounds.frequency("disorder width w", width), delta, "file " + file, -1, -1);
    }

    /** The file as UTF-8 text without a leading byte-order mark; bytes that are not UTF-8 are refused by line. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IllegalArgumentException(file + ":" + line + ": not valid UTF-8 text (byte " + (in.position() + 1)
                    + " of the file)");
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public double width() {
        return width;
    }

    public int sites() {
        return onsite.length;
    }

    /** Δ_i. */
    public double at(int site) {
        return onsite[site];
    }

    /** A copy of all Δ. */
    public double[] values() {
        return onsite.clone();
    }

    /** Largest |Δ_i|. */
    public double maxAbs() {
        double m = 0;
        for (double d : onsite) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    public String source() {
        return source;
    }

    /**
     * A 64-bit fingerprint of the values (SplitMix64's mixer over their bits, in site order): the
     * seed of the random streams that belong to given values (the sampled GOE matrix), so that two
     * disorder files get different streams and the same file the same one.
     */
    public long contentSeed() {
        long h = onsite.length;
        for (double v : onsite) {
            h = RandomStream.mix(h ^ Double.doubleToLongBits(v));
        }
        return h;
    }

    /** Seed of a generated realization, −1 for given values. */
    public long seed() {
        return seed;
    }

    /** Realization index of a generated realization, −1 for given values. */
    public long realization() {
        return realization;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Disorder d && d.width == width && Arrays.equals(d.onsite, onsite);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(onsite);
    }
}
