package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitReaderTest {
    /** Packs (value, width) pairs MSB-first, as a reference writer independent of the reader. */
    static byte[] packMsb(long[] values, int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        byte[] out = new byte[(total + 7) / 8];
        int pos = 0;
        for (int i = 0; i < values.length; i++) {
            for (int b = widths[i] - 1; b >= 0; b--) {
                if (((values[i] >>> b) & 1) != 0) {
                    out[pos >> 3] |= (byte) (0x80 >> (pos & 7));
                }
                pos++;
            }
        }
        return out;
    }

    @Test
    void readsFieldsOfEveryWidthAtEveryAlignment() {
        Random rnd = new Random(1234);
        int n = 5000;
        long[] values = new long[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = rnd.nextInt(33);
            values[i] = widths[i] == 0 ? 0 : (rnd.nextLong() & ((1L << widths[i]) - 1));
        }
        BitReader r = new BitReader(packMsb(values, widths));
        int pos = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(pos, r.position());
            if (widths[i] <= 31) {
                assertEquals(values[i], r.peekBits(widths[i]), "peek " + i);
            }
            assertEquals((int) values[i], r.readBits(widths[i]), "field " + i + " width " + widths[i]);
            pos += widths[i];
        }
    }

    @Test
    void readsExpGolombCodes() {
        // ue(v) codewords of H.265 9.2: 0 -> 1, 1 -> 010, 2 -> 011, 3 -> 00100, ..., 7 -> 0001000
        int[] ue = {0, 1, 2, 3, 4, 7, 100, 65534, 1 << 20, Integer.MAX_VALUE - 1};
        long[] values = new long[ue.length];
        int[] widths = new int[ue.length];
        for (int i = 0; i < ue.length; i++) {
            long codeNum = ue[i] + 1L;
            int len = 64 - Long.numberOfLeadingZeros(codeNum);
            values[i] = codeNum;
            widths[i] = 2 * len - 1;
        }
        BitReader r = new BitReader(packMsb(values, widths));
        for (int v : ue) {
            assertEquals(v, r.readUe());
        }
        // se(v): k = 1, 2, 3, 4 map to 1, -1, 2, -2
        BitReader s = new BitReader(packMsb(new long[] {2, 3, 4, 5, 1}, new int[] {3, 3, 5, 5, 1}));
        assertEquals(1, s.readSe());
        assertEquals(-1, s.readSe());
        assertEquals(2, s.readSe());
        assertEquals(-2, s.readSe());
        assertEquals(0, s.readSe());
    }

    @Test
    void rejectsOverlongExpGolombAndReadsPastTheEnd() {
        BitReader zeros = new BitReader(new byte[8]);
        assertThrows(MalformedStreamException.class, zeros::readUe);
        BitReader r = new BitReader(new byte[] {(byte) 0xAB}, 0, 1);
        assertEquals(0xA, r.readBits(4));
        assertThrows(TruncatedStreamException.class, () -> r.readBits(5));
        assertEquals(0xB, r.readBits(4));
        assertThrows(TruncatedStreamException.class, r::readBit);
        assertThrows(MalformedStreamException.class, () -> new BitReader(new byte[] {0x10}).readUe("x", 0, 2));
    }

    @Test
    void respectsTheRangeGiven() {
        byte[] data = {(byte) 0xFF, (byte) 0x0F, (byte) 0xF0};
        BitReader r = new BitReader(data, 1, 1);
        assertEquals(0x0F, r.readBits(8));
        assertEquals(0, r.bitsLeft());
        assertEquals(0, r.peekBits(8), "bits beyond the range peek as zero");
    }

    @Test
    void findsTheRbspStopBit() {
        // payload bits 1 0 1, then stop bit 1 and alignment zeros: 1011 0000
        BitReader r = new BitReader(new byte[] {(byte) 0xB0, 0x00});
        assertTrue(r.moreRbspData());
        r.skipBits(3);
        assertFalse(r.moreRbspData());
    }

    @Test
    void alignsAndSigned() {
        BitReader r = new BitReader(new byte[] {(byte) 0b1110_0000, (byte) 0x80});
        assertEquals(-1, r.readSigned(3));
        assertFalse(r.byteAligned());
        r.byteAlign();
        assertTrue(r.byteAligned());
        assertEquals(1, r.readBit());
    }
}
