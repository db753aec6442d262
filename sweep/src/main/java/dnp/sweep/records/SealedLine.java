package dnp.sweep.records;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * One line of a sweep's shard file: the record's JSON object with two members appended,
 * <pre>
 *   {…the record…,"sweepDigest":"sha256:…","checksum":"crc32:xxxxxxxx"}
 * </pre>
 * {@code sweepDigest} is the identity of the sweep it was computed for (the manifest's
 * {@link Manifest#sweepDigest()}); {@code checksum} is the CRC-32 (IEEE, as Python's {@code zlib.crc32})
 * of the line's UTF-8 bytes without its checksum member, that is of {@code {…,"sweepDigest":"…"}}. The
 * checksum is always the last member, so it is checked on the raw bytes before anything is parsed:
 * CRC-32 catches every one-bit flip and every changed byte (a burst of up to 32 bits), including bytes
 * that would no longer be valid UTF-8. Lines written before the checksum existed (manifest
 * {@code dnp.manifest/2}) have neither member.
 */
public final class SealedLine {
    private SealedLine() {}

    /** The member that names the sweep a line belongs to. */
    public static final String DIGEST = "sweepDigest";
    /** The member that holds the line's checksum; always last. */
    public static final String CHECKSUM = "checksum";
    private static final byte[] CHECKSUM_OPEN = (",\"" + CHECKSUM + "\":\"crc32:").getBytes(StandardCharsets.US_ASCII);
    private static final int HEX_DIGITS = 8;
    private static final int SUFFIX_BYTES = CHECKSUM_OPEN.length + HEX_DIGITS + 2;

    /** What one line turned out to hold. */
    public sealed interface Opened {}

    /** A sealed line whose checksum matches; {@code record} without the two members. */
    public record Verified(String sweepDigest, ObjectNode record) implements Opened {}

    /** A line of the previous format (no checksum member), parsed but not verifiable. */
    public record Unsealed(ObjectNode record) implements Opened {}

    /** A line that cannot be trusted, and why. */
    public record Damaged(String reason) implements Opened {}

    /** {@code recordJson} (one JSON object, as {@link Documents#line}) sealed for the sweep {@code sweepDigest}, without newline. */
    public static byte[] seal(String recordJson, String sweepDigest) {
        if (!recordJson.startsWith("{") || !recordJson.endsWith("}") || recordJson.length() < 2) {
            throw new IllegalArgumentException("a sweep line must be one JSON object");
        }
        String body = recordJson.substring(0, recordJson.length() - 1) + (recordJson.length() > 2 ? "," : "")
                + "\"" + DIGEST + "\":\"" + sweepDigest + "\"}";
        byte[] covered = body.getBytes(StandardCharsets.UTF_8);
        String suffix = new String(CHECKSUM_OPEN, StandardCharsets.US_ASCII) + hex(crc(covered, covered.length)) + "\"}";
        byte[] line = Arrays.copyOf(covered, covered.length - 1 + suffix.length());
        System.arraycopy(suffix.getBytes(StandardCharsets.US_ASCII), 0, line, covered.length - 1, suffix.length());
        return line;
    }

    /** Checks and parses one line (its bytes without the newline). */
    public static Opened open(byte[] line) {
        int n = line.length;
        int at = n - SUFFIX_BYTES;
        boolean sealed = at > 0 && Arrays.equals(line, at, at + CHECKSUM_OPEN.length, CHECKSUM_OPEN, 0,
                CHECKSUM_OPEN.length) && line[n - 2] == '"' && line[n - 1] == '}';
        if (!sealed) {
            if (indexOf(line, CHECKSUM_OPEN) >= 0 || indexOf(line, ("\"" + DIGEST + "\"").getBytes(StandardCharsets.US_ASCII)) >= 0) {
                return new Damaged("its checksum is not where it belongs (the line was altered)");
            }
            return unsealed(line);
        }
        String hex = new String(line, at + CHECKSUM_OPEN.length, HEX_DIGITS, StandardCharsets.US_ASCII);
        // Lower case only, as written: an upper-case digit is a flipped bit, not the same checksum.
        if (!hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return new Damaged("its checksum is not 8 lower-case hexadecimal digits (the line was altered)");
        }
        long stored = HexFormat.fromHexDigitsToLong(hex);
        byte[] covered = Arrays.copyOf(line, at + 1);
        covered[at] = '}';
        if (crc(covered, covered.length) != stored) {
            return new Damaged("checksum mismatch: the line was altered after it was written");
        }
        JsonNode tree;
        try {
            tree = Documents.tree(new String(covered, StandardCharsets.UTF_8));
        } catch (JacksonException ex) {
            return new Damaged("not JSON although its checksum matches (" + Documents.reason(ex) + ")");
        }
        if (!(tree instanceof ObjectNode object) || !object.path(DIGEST).isString()) {
            return new Damaged("no " + DIGEST + " member although its checksum matches");
        }
        String digest = object.remove(DIGEST).asString();
        return new Verified(digest, object);
    }

    private static Opened unsealed(byte[] line) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException ex) {
            return new Damaged("not valid UTF-8 (damaged bytes)");
        }
        try {
            if (Documents.tree(text) instanceof ObjectNode object) {
                return new Unsealed(object);
            }
            return new Damaged("not a JSON object");
        } catch (JacksonException ex) {
            return new Damaged("not JSON (" + Documents.reason(ex) + ")");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static String hex(long crc) {
        return HexFormat.of().toHexDigits(crc).substring(16 - HEX_DIGITS);
    }
}
