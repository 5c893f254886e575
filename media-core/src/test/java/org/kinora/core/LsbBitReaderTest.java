package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LsbBitReaderTest {
    @Test
    void matchesTheVorbisSpecExample() {
        // Vorbis I 2.1.7: writing 12 (4 bits), -1 (3 bits as 7), 17 (7 bits), 6969 (13 bits)
        // gives the bytes 0xfc 0x48 0xce 0x06.
        byte[] data = {(byte) 0xfc, 0x48, (byte) 0xce, 0x06};
        LsbBitReader r = new LsbBitReader(data, 0, data.length);
        assertEquals(12, r.readBits(4));
        assertEquals(7, r.readBits(3));
        assertEquals(17, r.readBits(7));
        assertEquals(6969, r.readBits(13));
        assertFalse(r.endOfPacket());
    }

    @Test
    void readsRandomFieldsLsbFirst() {
        Random rnd = new Random(99);
        int n = 4000;
        int[] widths = new int[n];
        long[] values = new long[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = rnd.nextInt(33);
            values[i] = widths[i] == 0 ? 0 : rnd.nextLong() & ((1L << widths[i]) - 1);
            total += widths[i];
        }
        byte[] data = new byte[(total + 7) / 8];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < widths[i]; b++) {
                if (((values[i] >>> b) & 1) != 0) {
                    data[pos >> 3] |= (byte) (1 << (pos & 7));
                }
                pos++;
            }
        }
        LsbBitReader r = new LsbBitReader(data, 0, data.length);
        for (int i = 0; i < n; i++) {
            assertEquals((int) values[i], r.readBits(widths[i]), "field " + i);
        }
        assertFalse(r.endOfPacket());
    }

    @Test
    void endOfPacketIsAConditionNotAnError() {
        LsbBitReader r = new LsbBitReader(new byte[] {(byte) 0xFF}, 0, 1);
        assertEquals(0x7F, r.readBits(7));
        assertEquals(0, r.readBits(2));
        assertTrue(r.endOfPacket());
        assertEquals(0, r.bitsLeft());
    }
}
