package org.kinora.vorbis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.kinora.core.LsbBitReader;
import org.kinora.core.MalformedStreamException;
import org.junit.jupiter.api.Test;

class CodebookTest {
    /** A codebook header with the given lengths (0 = unused, written sparse when any is 0). */
    static BitWriter header(BitWriter w, int dimensions, int[] lengths) {
        w.write(0x564342, 24).write(dimensions, 16).write(lengths.length, 24).write(0, 1);
        boolean sparse = false;
        for (int l : lengths) {
            sparse |= l == 0;
        }
        w.write(sparse ? 1 : 0, 1);
        for (int l : lengths) {
            if (sparse) {
                w.write(l == 0 ? 0 : 1, 1);
            }
            if (l != 0) {
                w.write(l - 1, 5);
            }
        }
        return w;
    }

    @Test
    void huffmanCodewordsOfTheSpecExample() {
        // Vorbis I 3.2.1: lengths 2 4 4 4 4 2 3 3 give 00 0100 0101 0110 0111 10 110 111
        BitWriter w = header(new BitWriter(), 1, new int[] {2, 4, 4, 4, 4, 2, 3, 3}).write(0, 4);
        LsbBitReader r = w.reader();
        Codebook book = new Codebook(r, new Codebook.Budget());
        assertEquals(0, book.lookupType);
        String[] codes = {"00", "0100", "0101", "0110", "0111", "10", "110", "111"};
        BitWriter data = new BitWriter();
        int[] order = {5, 0, 7, 3, 1, 6, 4, 2, 2, 5};
        for (int e : order) {
            data.code(codes[e]);
        }
        LsbBitReader dr = data.reader();
        for (int e : order) {
            assertEquals(e, book.decodeScalar(dr));
        }
    }

    @Test
    void sparseAndLongCodewords() {
        // 14 used entries, some longer than the 10-bit table, and unused ones in between
        int[] lengths = {1, 0, 2, 3, 4, 5, 6, 7, 0, 8, 9, 10, 11, 12, 13, 13};
        BitWriter w = header(new BitWriter(), 1, lengths).write(0, 4);
        Codebook book = new Codebook(w.reader(), new Codebook.Budget());
        String[] codes = {"0", null, "10", "110", "1110", "11110", "111110", "1111110", null, "11111110",
            "111111110", "1111111110", "11111111110", "111111111110", "1111111111110", "1111111111111"};
        BitWriter data = new BitWriter();
        int[] order = {15, 0, 14, 2, 13, 9, 12, 10, 11, 3};
        for (int e : order) {
            data.code(codes[e]);
        }
        LsbBitReader dr = data.reader();
        for (int e : order) {
            assertEquals(e, book.decodeScalar(dr));
        }
        // the end of the packet yields -1
        assertEquals(-1, book.decodeScalar(new LsbBitReader(new byte[0], 0, 0)));
        // eight 1 bits and the packet ends: every codeword that starts so is longer
        LsbBitReader cut = new LsbBitReader(new byte[] {(byte) 0xFF}, 0, 1);
        assertEquals(-1, book.decodeScalar(cut));
        assertEquals(true, cut.endOfPacket());
    }

    @Test
    void orderedLengths() {
        // ordered: length 2 for 1 entry, 3 for 2 entries, 4 for 4 entries -> 7 entries
        BitWriter w = new BitWriter().write(0x564342, 24).write(1, 16).write(7, 24).write(1, 1);
        w.write(1, 5); // first length - 1 = 1
        w.write(1, Vorbis.ilog(7)); // one entry of length 2
        w.write(2, Vorbis.ilog(6)); // two of length 3
        w.write(4, Vorbis.ilog(4)); // four of length 4
        w.write(0, 4);
        Codebook book = new Codebook(w.reader(), new Codebook.Budget());
        // codewords 00 010 011 1000 1001 1010 1011 (the tree may be underspecified)
        BitWriter data = new BitWriter().code("00").code("010").code("011").code("1000").code("1011");
        LsbBitReader dr = data.reader();
        assertEquals(0, book.decodeScalar(dr));
        assertEquals(1, book.decodeScalar(dr));
        assertEquals(2, book.decodeScalar(dr));
        assertEquals(3, book.decodeScalar(dr));
        assertEquals(6, book.decodeScalar(dr));
    }

    @Test
    void singleEntryBookReadsItsLengthAndDecodesTheEntry() {
        BitWriter w = header(new BitWriter(), 1, new int[] {0, 0, 1, 0}).write(0, 4);
        Codebook book = new Codebook(w.reader(), new Codebook.Budget());
        LsbBitReader dr = new BitWriter().write(0b10, 2).reader();
        assertEquals(2, book.decodeScalar(dr));
        assertEquals(2, book.decodeScalar(dr));
        assertEquals(2, dr.position());
    }

    @Test
    void overspecifiedBookIsRejected() {
        BitWriter w = header(new BitWriter(), 1, new int[] {1, 1, 1}).write(0, 4);
        assertThrows(MalformedStreamException.class, () -> new Codebook(w.reader(), new Codebook.Budget()));
    }

    @Test
    void lookupType1Lattice() {
        // 9 entries of 2 dimensions: lookup1_values = 3; multiplicands 0 1 2; min -1, delta 0.5
        BitWriter w = header(new BitWriter(), 2, new int[] {4, 4, 4, 4, 4, 4, 4, 3, 3});
        w.write(1, 4).float32(-1).float32(0.5).write(1, 4).write(0, 1);
        w.write(0, 2).write(1, 2).write(2, 2);
        Codebook book = new Codebook(w.reader(), new Codebook.Budget());
        assertEquals(3, Codebook.lookup1Values(9, 2));
        assertEquals(2, Codebook.lookup1Values(8, 3));
        assertEquals(1, Codebook.lookup1Values(7, 3));
        // entry e: dimension 0 uses (e / 1) % 3, dimension 1 uses (e / 3) % 3
        float[] expected = new float[18];
        for (int e = 0; e < 9; e++) {
            expected[2 * e] = -1 + 0.5f * (e % 3);
            expected[2 * e + 1] = -1 + 0.5f * ((e / 3) % 3);
        }
        assertArrayEquals(expected, book.vectors, 0f);
    }

    @Test
    void lookupType2WithSequence() {
        // 2 entries of 3 dimensions; sequence_p adds the previous value
        BitWriter w = header(new BitWriter(), 3, new int[] {1, 1});
        w.write(2, 4).float32(0.25).float32(1).write(2, 4).write(1, 1);
        int[] mult = {1, 2, 3, 7, 0, 5};
        for (int m : mult) {
            w.write(m, 3);
        }
        Codebook book = new Codebook(w.reader(), new Codebook.Budget());
        float[] expected = new float[6];
        for (int e = 0; e < 2; e++) {
            float last = 0;
            for (int i = 0; i < 3; i++) {
                float v = mult[e * 3 + i] * 1f + 0.25f + last;
                expected[e * 3 + i] = v;
                last = v;
            }
        }
        assertArrayEquals(expected, book.vectors, 0f);
    }
}
