package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteReaderTest {
    @Test
    void readsBothByteOrders() {
        byte[] d = {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xFF, (byte) 0xFE};
        ByteReader r = new ByteReader(d);
        assertEquals(0x0102, r.readU16BE());
        assertEquals(0x0403, r.readU16LE());
        r.setPosition(0);
        assertEquals(0x01020304L, r.readU32BE());
        assertEquals(0x08070605L, r.readU32LE());
        assertEquals(0xFEFF, r.readU16LE());
        assertEquals(0, r.bytesLeft());
        r.setPosition(0);
        assertEquals(0x0102030405060708L, r.readS64BE());
        r.setPosition(0);
        assertEquals(0x0807060504030201L, r.readS64LE());
        r.setPosition(8);
        assertEquals(-1, r.readS8());
        assertEquals(0xFE, r.readU8());
    }

    @Test
    void refusesToReadPastTheLimit() {
        ByteReader r = new ByteReader(new byte[] {1, 2, 3, 4, 5}, 1, 3);
        assertEquals(0x020304, r.readU24BE());
        assertThrows(TruncatedStreamException.class, r::readU8);
        ByteReader big = new ByteReader(new byte[] {(byte) 0x80, 0, 0, 0});
        assertThrows(MalformedStreamException.class, () -> big.readU32BEAsInt("size"));
        ByteReader neg = new ByteReader(new byte[4]);
        assertThrows(TruncatedStreamException.class, () -> neg.skip(-1));
    }

    @Test
    void decodesText() {
        byte[] utf8 = {'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xF0, (byte) 0x9F, (byte) 0x8E, (byte) 0xAC, (byte) 0xFF, (byte) 0xC3};
        assertEquals("aé€\uD83C\uDFAC\uFFFD\uFFFD", new ByteReader(utf8).readUtf8(utf8.length));
        assertEquals("OggS", new ByteReader(new byte[] {'O', 'g', 'g', 'S'}).readAscii(4));
    }
}
