package org.kinora.vorbis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Residue types 0, 1 and 2 (Vorbis I 8.6.2) on a hand-made residue and packet. */
class ResidueTest {
    /** Book 0: the classbook, 4 entries of 2 dimensions, 2-bit codewords equal to the entry. */
    private static Codebook classbook() {
        BitWriter w = new BitWriter().write(0x564342, 24).write(2, 16).write(4, 24).write(0, 1).write(0, 1);
        for (int i = 0; i < 4; i++) {
            w.write(1, 5);
        }
        w.write(0, 4);
        return new Codebook(w.reader(), new Codebook.Budget());
    }

    /** Book 1: 4 entries of 2 dimensions, 2-bit codewords, value of (entry, d) = 10 * entry + d + 1. */
    private static Codebook vectorBook() {
        BitWriter w = new BitWriter().write(0x564342, 24).write(2, 16).write(4, 24).write(0, 1).write(0, 1);
        for (int i = 0; i < 4; i++) {
            w.write(1, 5);
        }
        w.write(2, 4).float32(1).float32(1).write(6 - 1, 4).write(0, 1);
        for (int e = 0; e < 4; e++) {
            for (int d = 0; d < 2; d++) {
                w.write(10 * e + d, 6);
            }
        }
        return new Codebook(w.reader(), new Codebook.Budget());
    }

    private static float value(int entry, int d) {
        return 10 * entry + d + 1;
    }

    /** begin 0, end 16, partitions of 8, 2 classifications: class 1 uses book 1 in pass 0. */
    private static Residue residue(int type, Codebook[] books) {
        BitWriter w = new BitWriter().write(0, 24).write(16, 24).write(8 - 1, 24).write(2 - 1, 6).write(0, 8);
        w.write(0, 3).write(0, 1); // class 0: no books
        w.write(1, 3).write(0, 1); // class 1: a book in pass 0
        w.write(1, 8);
        return new Residue(type, w.reader(), books);
    }

    /** One classword (entry 3: both partitions class 1), then 8 vector entries. */
    private static final int[] ENTRIES = {0, 1, 2, 3, 3, 2, 1, 0};

    private static BitWriter packet() {
        BitWriter w = new BitWriter().write(3, 2);
        for (int e : ENTRIES) {
            // codeword of entry e is e in 2 bits, first bit the most significant
            w.write(e >> 1, 1).write(e & 1, 1);
        }
        return w;
    }

    @Test
    void format0InterleavesEachVectorAcrossThePartition() {
        Codebook[] books = {classbook(), vectorBook()};
        float[][] v = {new float[16]};
        residue(0, books).decode(packet().reader(), v, new boolean[] {false}, 1, 16);
        float[] expected = new float[16];
        // step = 8 / 2 = 4: entry j of a partition puts dimension k at j + 4k
        for (int p = 0; p < 2; p++) {
            for (int j = 0; j < 4; j++) {
                int e = ENTRIES[p * 4 + j];
                for (int k = 0; k < 2; k++) {
                    expected[p * 8 + j + 4 * k] = value(e, k);
                }
            }
        }
        assertArrayEquals(expected, v[0], 0f);
    }

    @Test
    void format1PlacesVectorsOneAfterAnother() {
        Codebook[] books = {classbook(), vectorBook()};
        float[][] v = {new float[16]};
        residue(1, books).decode(packet().reader(), v, new boolean[] {false}, 1, 16);
        float[] expected = new float[16];
        for (int i = 0; i < 8; i++) {
            expected[2 * i] = value(ENTRIES[i], 0);
            expected[2 * i + 1] = value(ENTRIES[i], 1);
        }
        assertArrayEquals(expected, v[0], 0f);
    }

    @Test
    void format2InterleavesTheChannels() {
        Codebook[] books = {classbook(), vectorBook()};
        float[][] v = {new float[8], new float[8]};
        residue(2, books).decode(packet().reader(), v, new boolean[] {false, true}, 2, 8);
        float[] flat = new float[16];
        for (int i = 0; i < 8; i++) {
            flat[2 * i] = value(ENTRIES[i], 0);
            flat[2 * i + 1] = value(ENTRIES[i], 1);
        }
        float[] left = new float[8];
        float[] right = new float[8];
        for (int i = 0; i < 16; i++) {
            (i % 2 == 0 ? left : right)[i / 2] = flat[i];
        }
        assertArrayEquals(left, v[0], 0f);
        assertArrayEquals(right, v[1], 0f);
        // with every channel marked do-not-decode, nothing is read
        float[][] z = {new float[8], new float[8]};
        residue(2, books).decode(packet().reader(), z, new boolean[] {true, true}, 2, 8);
        assertArrayEquals(new float[8], z[0], 0f);
    }
}
