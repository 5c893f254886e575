package org.kinora.vorbis;

import org.kinora.core.LsbBitReader;
import org.kinora.core.MalformedStreamException;

/**
 * A Vorbis codebook (Vorbis I chapter 3): a Huffman code over its entries and, with a lookup
 * type of 1 or 2, a vector of {@link #dimensions} floats per entry.
 *
 * <p>Decoding is table-driven: the next {@link #tableBits} bits of the packet index a table
 * that gives the entry and its codeword length; longer codewords fall back to a search.
 */
final class Codebook {
    /** Upper bounds that keep header-driven allocations small (far above real encoders). */
    static final int MAX_ENTRIES = 1 << 20;
    static final int MAX_VALUES = 1 << 22;
    private static final int MAX_TABLE_BITS = 10;

    final int dimensions;
    final int entries;
    /** Lookup type 0 (scalar only), 1 (lattice) or 2 (tessellated). */
    final int lookupType;
    /** Entry vectors, {@code dimensions} floats per entry, or null for lookup type 0. */
    float[] vectors;

    private final byte[] lengths;
    private int tableBits;
    /** Per table index: entry << 8 | codeword length, or -1 when the codeword is longer or unused. */
    private int[] table;
    /** Codewords longer than {@link #tableBits}: bit-reversed codewords, their lengths and entries. */
    private int[] longCodes;
    private int[] longLengths;
    private int[] longEntries;
    private int longCount;
    /** The codebook has exactly one used entry (Vorbis I 3.2.1 errata: it reads its bits and decodes to it). */
    private int singleEntry = -1;
    private int singleLength;

    // Vorbis I 3.2.1
    Codebook(LsbBitReader r, Budget budget) {
        if (r.readBits(24) != 0x564342) {
            throw new MalformedStreamException("Vorbis codebook sync pattern missing");
        }
        dimensions = r.readBits(16);
        entries = r.readBits(24);
        if (dimensions == 0 || entries == 0 || entries > MAX_ENTRIES) {
            throw new MalformedStreamException("Vorbis codebook with " + entries + " entries of " + dimensions + " dimensions");
        }
        boolean ordered = r.readFlag();
        if (!ordered && entries > r.bitsLeft()) {
            throw new MalformedStreamException("Vorbis codebook entries exceed the header");
        }
        budget.spend(entries);
        lengths = new byte[entries];
        if (!ordered) {
            boolean sparse = r.readFlag();
            for (int i = 0; i < entries; i++) {
                if (!sparse || r.readFlag()) {
                    lengths[i] = (byte) (r.readBits(5) + 1);
                }
                checkEnd(r);
            }
        } else {
            int current = 0;
            int length = r.readBits(5) + 1;
            while (current < entries) {
                int number = r.readBits(Vorbis.ilog(entries - current));
                if (number > entries - current || length > 32) {
                    throw new MalformedStreamException("Vorbis ordered codebook overflows");
                }
                for (int i = 0; i < number; i++) {
                    lengths[current + i] = (byte) length;
                }
                current += number;
                length++;
                checkEnd(r);
            }
        }
        lookupType = r.readBits(4);
        if (lookupType == 1 || lookupType == 2) {
            float minimum = Vorbis.float32Unpack(r.readBits(32));
            float delta = Vorbis.float32Unpack(r.readBits(32));
            int valueBits = r.readBits(4) + 1;
            boolean sequenceP = r.readFlag();
            long lookupValues = lookupType == 1 ? lookup1Values(entries, dimensions) : (long) entries * dimensions;
            if (lookupValues > MAX_VALUES || (long) entries * dimensions > MAX_VALUES
                    || lookupValues * valueBits > r.bitsLeft()) {
                throw new MalformedStreamException("Vorbis codebook lookup table too large");
            }
            int n = (int) lookupValues;
            budget.spend(n + entries * dimensions);
            int[] multiplicands = new int[n];
            for (int i = 0; i < n; i++) {
                multiplicands[i] = r.readBits(valueBits);
                if ((i & 255) == 0) {
                    checkEnd(r);
                }
            }
            checkEnd(r);
            buildVectors(multiplicands, n, minimum, delta, sequenceP);
        } else if (lookupType != 0) {
            throw new MalformedStreamException("Vorbis codebook lookup type " + lookupType);
        }
        buildHuffman();
    }

    private static void checkEnd(LsbBitReader r) {
        if (r.endOfPacket()) {
            throw new MalformedStreamException("Vorbis setup header ends inside a codebook");
        }
    }

    /** Vorbis I 9.2.3: the largest r with r^dimensions <= entries. */
    static int lookup1Values(int entries, int dimensions) {
        int r = (int) Math.floor(Math.exp(Math.log(entries) / dimensions));
        while (pow(r + 1, dimensions) <= entries) {
            r++;
        }
        while (r > 0 && pow(r, dimensions) > entries) {
            r--;
        }
        return r;
    }

    private static long pow(int base, int exp) {
        long v = 1;
        for (int i = 0; i < exp; i++) {
            v *= base;
            if (v > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return v;
    }

    // Vorbis I 3.2.1, "VQ lookup table vector representation"
    private void buildVectors(int[] multiplicands, int lookupValues, float minimum, float delta, boolean sequenceP) {
        vectors = new float[entries * dimensions];
        // Lookup type 1: element i of entry e takes multiplicand (e / lookupValues^i) % lookupValues,
        // digit i of e in base lookupValues; entries come in order, so the digits are counted up
        // (an odometer) rather than divided out.
        int[] digits = lookupType == 1 ? new int[dimensions] : null;
        for (int e = 0; e < entries; e++) {
            float last = 0;
            int base = e * dimensions;
            if (lookupType == 1) {
                for (int i = 0; i < dimensions; i++) {
                    float v = multiplicands[digits[i]] * delta + minimum + last;
                    if (sequenceP) {
                        last = v;
                    }
                    vectors[base + i] = checkFinite(v);
                }
                for (int i = 0; i < dimensions && ++digits[i] == lookupValues; i++) {
                    digits[i] = 0;
                }
            } else {
                for (int i = 0; i < dimensions; i++) {
                    float v = multiplicands[base + i] * delta + minimum + last;
                    if (sequenceP) {
                        last = v;
                    }
                    vectors[base + i] = checkFinite(v);
                }
            }
        }
    }

    /**
     * Assigns codewords in entry order, each the lowest free one of its length (Vorbis I 3.2.1),
     * and fills the decoding table. {@code available[d]} is the free node at depth d, MSB-aligned.
     */
    private void buildHuffman() {
        int used = 0;
        int maxLength = 0;
        for (int i = 0; i < entries; i++) {
            if (lengths[i] != 0) {
                if (used == 0) {
                    singleEntry = i;
                    singleLength = lengths[i];
                }
                used++;
                maxLength = Math.max(maxLength, lengths[i]);
            }
        }
        if (used != 1) {
            singleEntry = -1;
        }
        if (used <= 1) {
            tableBits = 0;
            table = new int[] {-1};
            longCodes = new int[0];
            return;
        }
        int[] reversed = new int[entries];
        int[] available = new int[33];
        boolean first = true;
        for (int i = 0; i < entries; i++) {
            int len = lengths[i];
            if (len == 0) {
                continue;
            }
            int res;
            if (first) {
                first = false;
                res = 0;
                for (int d = 1; d <= len; d++) {
                    available[d] = 1 << (32 - d);
                }
            } else {
                int z = len;
                while (z > 0 && available[z] == 0) {
                    z--;
                }
                if (z == 0) {
                    throw new MalformedStreamException("Vorbis codebook is overspecified");
                }
                res = available[z];
                available[z] = 0;
                for (int d = len; d > z; d--) {
                    available[d] = res + (1 << (32 - d));
                }
            }
            // the first bit read is the codeword's first (most significant) bit
            reversed[i] = Integer.reverse(res);
        }
        tableBits = Math.min(maxLength, MAX_TABLE_BITS);
        table = new int[1 << tableBits];
        java.util.Arrays.fill(table, -1);
        int longs = 0;
        for (int i = 0; i < entries; i++) {
            if (lengths[i] > tableBits) {
                longs++;
            }
        }
        longCodes = new int[longs];
        longLengths = new int[longs];
        longEntries = new int[longs];
        // by length, then entry: each length's first slot from the counts of the shorter ones
        int[] next = new int[34];
        for (int i = 0; i < entries; i++) {
            if (lengths[i] > tableBits) {
                next[lengths[i] + 1]++;
            }
        }
        for (int len = 1; len <= 33; len++) {
            next[len] += next[len - 1];
        }
        for (int i = 0; i < entries; i++) {
            int len = lengths[i];
            if (len > tableBits) {
                int k = next[len]++;
                longCodes[k] = reversed[i];
                longLengths[k] = len;
                longEntries[k] = i;
            }
        }
        longCount = longs;
        for (int i = 0; i < entries; i++) {
            int len = lengths[i];
            if (len != 0 && len <= tableBits) {
                for (int fill = reversed[i]; fill < table.length; fill += 1 << len) {
                    table[fill] = i << 8 | len;
                }
            }
        }
    }

    /** Keeps decoding free of infinities and NaN: real codebooks hold small values. */
    private static float checkFinite(float v) {
        if (!(Math.abs(v) <= 1e30f)) {
            throw new MalformedStreamException("Vorbis codebook value " + v);
        }
        return v;
    }

    /** Decodes one entry number; -1 at the end of the packet or on a codeword not in the book. */
    int decodeScalar(LsbBitReader r) {
        if (singleEntry >= 0) {
            r.skipBits(singleLength);
            return r.endOfPacket() ? -1 : singleEntry;
        }
        int peek = r.peekBits(tableBits);
        int t = table[peek];
        if (t >= 0) {
            int len = t & 0xFF;
            if (len > r.bitsLeft()) {
                r.skipBits(len);
                return -1;
            }
            r.skipBits(len);
            return t >> 8;
        }
        return decodeLong(r);
    }

    private int decodeLong(LsbBitReader r) {
        int left = r.bitsLeft();
        for (int i = 0; i < longCount; i++) {
            int len = longLengths[i];
            if (len <= left && r.peekBits(len) == longCodes[i]) {
                r.skipBits(len);
                return longEntries[i];
            }
        }
        r.skipBits(left + 1);
        return -1;
    }

    /** Caps the memory all codebooks of one setup header may take. */
    static final class Budget {
        private long left = MAX_VALUES;

        void spend(long units) {
            left -= units;
            if (left < 0) {
                throw new MalformedStreamException("Vorbis codebooks too large");
            }
        }
    }

    boolean hasVectors() {
        return vectors != null;
    }
}
