package dnp.sweep.records;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedLineTest {
    static final String RECORD = "{\"schema\":\"dnp.realization/1\",\"key\":\"L=5 t=2.0 r=0\",\"Pn\":0.1234567,\"note\":\"Δ ω\"}";
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void aSealedLineOpensToItsRecordAndDigest() {
        byte[] line = SealedLine.seal(RECORD, DIGEST);
        String text = new String(line, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(RECORD.substring(0, RECORD.length() - 1) + ",\"sweepDigest\":\"" + DIGEST
                + "\",\"checksum\":\"crc32:"), text);
        // The checksum is Python's zlib.crc32 of the line without its checksum member.
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update((RECORD.substring(0, RECORD.length() - 1) + ",\"sweepDigest\":\"" + DIGEST + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(text.endsWith(String.format("\"checksum\":\"crc32:%08x\"}", crc.getValue())), text);
        SealedLine.Verified v = assertInstanceOf(SealedLine.Verified.class, SealedLine.open(line));
        assertEquals(DIGEST, v.sweepDigest());
        assertEquals(Documents.tree(RECORD), v.record());
    }

    /** Every single-bit flip anywhere in the line, and every changed digit, is caught. */
    @Test
    void everyFlippedBitAndChangedDigitIsDamage() {
        byte[] line = SealedLine.seal(RECORD, DIGEST);
        for (int i = 0; i < line.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = line.clone();
                altered[i] ^= (byte) (1 << bit);
                SealedLine.Opened opened = SealedLine.open(altered);
                assertInstanceOf(SealedLine.Damaged.class, opened, "byte " + i + " bit " + bit + ": " + opened);
            }
            if (Character.isDigit(line[i])) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != line[i]) {
                        byte[] altered = line.clone();
                        altered[i] = (byte) d;
                        assertInstanceOf(SealedLine.Damaged.class, SealedLine.open(altered), "digit at " + i);
                    }
                }
            }
        }
    }

    @Test
    void linesOfThePreviousFormatAreReadUnverifiedAndInvalidUtf8IsNamed() {
        assertInstanceOf(SealedLine.Unsealed.class, SealedLine.open(RECORD.getBytes(StandardCharsets.UTF_8)));
        byte[] bad = RECORD.getBytes(StandardCharsets.UTF_8);
        bad[10] = (byte) 0xFF;
        SealedLine.Damaged d = assertInstanceOf(SealedLine.Damaged.class, SealedLine.open(bad));
        assertEquals("not valid UTF-8 (damaged bytes)", d.reason());
        d = assertInstanceOf(SealedLine.Damaged.class, SealedLine.open("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertTrue(d.reason().startsWith("not JSON (") && !d.reason().contains("Feature"), d.reason());
    }

    @Test
    void theDigestIgnoresMemberOrderAndWhitespaceButNotValues() {
        String a = Documents.digest(Documents.tree("{\"b\": [1, 2.5], \"a\": {\"y\": 1, \"x\": \"s\"}}"));
        assertEquals(a, Documents.digest(Documents.tree("{\"a\":{\"x\":\"s\",\"y\":1},\"b\":[1,2.5]}")));
        assertNotEquals(a, Documents.digest(Documents.tree("{\"a\":{\"x\":\"s\",\"y\":1},\"b\":[1,2.6]}")));
        assertTrue(a.matches("sha256:[0-9a-f]{64}"), a);
    }
}
