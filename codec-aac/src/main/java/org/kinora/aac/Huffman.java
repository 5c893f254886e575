package org.kinora.aac;

import org.kinora.core.BitReader;

/**
 * A table-driven decoder for one of the codebooks of {@link HuffmanTables}: a first-level table
 * indexed by the next {@value #ROOT_BITS} bits, and second-level tables for longer codewords.
 * Every codebook of Annex 4.A is a complete prefix code, so each bit pattern decodes.
 */
final class Huffman {
    private static final int ROOT_BITS = 9;

    /** Entry &gt;= 0: symbol &lt;&lt; 5 | length; entry &lt; 0: ~(offset &lt;&lt; 5 | bits) of a sub-table. */
    private final int[] table;

    Huffman(int[] codes, byte[] lengths) {
        int maxLength = 0;
        for (byte l : lengths) {
            maxLength = Math.max(maxLength, l);
        }
        int root = 1 << ROOT_BITS;
        // bits needed below each root prefix
        int[] subBits = new int[root];
        for (int i = 0; i < codes.length; i++) {
            int len = lengths[i];
            if (len > ROOT_BITS) {
                int prefix = codes[i] >>> (len - ROOT_BITS);
                subBits[prefix] = Math.max(subBits[prefix], len - ROOT_BITS);
            }
        }
        int size = root;
        int[] subOffset = new int[root];
        for (int p = 0; p < root; p++) {
            if (subBits[p] > 0) {
                subOffset[p] = size;
                size += 1 << subBits[p];
            }
        }
        table = new int[size];
        for (int p = 0; p < root; p++) {
            if (subBits[p] > 0) {
                table[p] = ~(subOffset[p] << 5 | subBits[p]);
            }
        }
        for (int i = 0; i < codes.length; i++) {
            int len = lengths[i];
            int code = codes[i];
            if (len <= ROOT_BITS) {
                int first = code << (ROOT_BITS - len);
                for (int j = 0; j < 1 << (ROOT_BITS - len); j++) {
                    table[first + j] = i << 5 | len;
                }
            } else {
                int prefix = code >>> (len - ROOT_BITS);
                int sb = subBits[prefix];
                int rest = len - ROOT_BITS;
                int first = subOffset[prefix] + ((code & ((1 << rest) - 1)) << (sb - rest));
                for (int j = 0; j < 1 << (sb - rest); j++) {
                    table[first + j] = i << 5 | rest;
                }
            }
        }
    }

    /** Reads one codeword and returns its index. */
    int decode(BitReader r) {
        int e = table[r.peekBits(ROOT_BITS)];
        if (e < 0) {
            e = ~e;
            r.skipBits(ROOT_BITS);
            e = table[(e >>> 5) + r.peekBits(e & 31)];
        }
        r.skipBits(e & 31);
        return e >>> 5;
    }

    static final Huffman SCALEFACTOR = new Huffman(HuffmanTables.SCALEFACTOR_CODES, HuffmanTables.SCALEFACTOR_LENGTHS);

    /** Spectral codebooks 1 to 11 (element 0 unused). */
    static final Huffman[] SPECTRAL = new Huffman[12];

    static {
        for (int cb = 1; cb <= 11; cb++) {
            SPECTRAL[cb] = new Huffman(HuffmanTables.SPECTRAL_CODES[cb], HuffmanTables.SPECTRAL_LENGTHS[cb]);
        }
    }
}
