package org.kinora.theora;

import org.kinora.core.MalformedStreamException;

/**
 * One DCT token Huffman table (Theora I 6.4.4) turned into multi-level look-up tables, so that a
 * token costs one or two array reads instead of a walk down the tree one bit at a time. The
 * look-up tables are made on first use ({@link #built()}): the setup header carries 80 tables and
 * a stream's frames choose from them, so most are never used, and a decoder's first picture does
 * not wait for all of them.
 *
 * <p>An entry {@code e >= 0} is a leaf: {@code token | length << 8}, the length counted from the
 * start of its level. An entry {@code e < 0} points to a sub-table: {@code -(offset << 5 | bits)}.
 */
final class HuffmanTable {
    private static final int ROOT_BITS = 10;

    /** The tree as read: codes (right-aligned), their lengths and tokens, {@link #codeCount} of each. */
    private final int[] codes;
    private final int[] lengths;
    private final int[] tokens;
    private final int codeCount;
    /** The look-up entries; the root table starts at 0. Null until {@link #built()}. */
    int[] entries;
    int rootBits;
    /**
     * Whole tokens by the next {@link #rootBits} bits, code and extra bits together (Theora I
     * 7.7.1, 7.7.2): {@code value << 16 | run << 8 | kind | bits used}, kind one of
     * {@link #COEFF}, {@link #ZERO_RUN}, {@link #EOB}, {@link #SLOW}. For an EOB token the value
     * is the run length (0: every block left); for a coefficient token {@code run} zeros precede
     * {@code value}; a pure zero run skips {@code run} coefficients. SLOW: the token does not fit
     * in the look-up; decode it with {@link #entries}.
     */
    int[] fast;
    static final int COEFF = 0;
    static final int ZERO_RUN = 0x20;
    static final int EOB = 0x40;
    static final int SLOW = 0x60;

    private HuffmanTable(int[] codes, int[] lengths, int[] tokens, int codeCount) {
        this.codes = codes;
        this.lengths = lengths;
        this.tokens = tokens;
        this.codeCount = codeCount;
    }

    /** This table with its look-up tables made (once). */
    HuffmanTable built() {
        if (fast == null) {
            build();
        }
        return this;
    }

    private void setLookup(int[] entries, int rootBits) {
        this.entries = entries;
        this.rootBits = rootBits;
        int[] fast = new int[1 << rootBits];
        for (int w = 0; w < fast.length; w++) {
            int e = entries[w];
            if (e < 0) {
                fast[w] = SLOW;
                continue;
            }
            int len = e >>> 8;
            int token = e & 31;
            int nb = token < 7 ? TheoraTables.EOB_BITS[token] : TheoraTables.TOKEN_BITS[token];
            if (len + nb > rootBits) {
                fast[w] = SLOW;
                continue;
            }
            int extra = (w >>> (rootBits - len - nb)) & ((1 << nb) - 1);
            fast[w] = combine(token, extra) | (len + nb);
        }
        this.fast = fast;
    }

    /** The {@link #fast} entry (without the bits used) of a token and its extra bits. */
    static int combine(int token, int extra) {
        if (token < 7) {
            return (TheoraTables.EOB_START[token] + extra) << 16 | EOB;
        }
        int ent = TheoraTables.TOKEN_DECODE[TheoraTables.TOKEN_BASE[token] + extra];
        return (ent & 0xFFFF0000) | (ent & 0xFF00) | ((ent & 1) != 0 ? ZERO_RUN : COEFF);
    }

    /** Reads one tree from the setup header; its look-up tables are made by {@link #built()}. */
    static HuffmanTable read(PacketBits b) {
        int[] codes = new int[32];
        int[] lengths = new int[32];
        int[] tokens = new int[32];
        int n = readTree(b, 0, 0, codes, lengths, tokens, 0);
        return new HuffmanTable(codes, lengths, tokens, n);
    }

    /** Reads the sub-tree whose prefix is {@code code} of {@code len} bits; returns the new entry count. */
    private static int readTree(PacketBits b, int code, int len, int[] codes, int[] lengths, int[] tokens, int n) {
        if (len > 32) {
            throw new MalformedStreamException("Theora Huffman code longer than 32 bits");
        }
        if (b.overrun()) {
            throw new MalformedStreamException("Theora setup header ends inside a Huffman table");
        }
        if (b.read1() == 1) {
            if (n >= 32) {
                throw new MalformedStreamException("Theora Huffman table with more than 32 entries");
            }
            codes[n] = code;
            lengths[n] = len;
            tokens[n] = b.read(5);
            return n + 1;
        }
        if (len == 32) {
            throw new MalformedStreamException("Theora Huffman code longer than 32 bits");
        }
        n = readTree(b, code << 1, len + 1, codes, lengths, tokens, n);
        return readTree(b, code << 1 | 1, len + 1, codes, lengths, tokens, n);
    }

    private void build() {
        int n = codeCount;
        if (n == 1 && lengths[0] == 0) {
            // A tree that is a single leaf: its token takes no bits.
            setLookup(new int[] {tokens[0], tokens[0]}, 1);
            return;
        }
        int maxLen = 0;
        for (int i = 0; i < n; i++) {
            maxLen = Math.max(maxLen, lengths[i]);
        }
        int rootBits = Math.min(maxLen, ROOT_BITS);
        // Left-align every code in 32 bits (a 32-bit code fills the word).
        int[] aligned = new int[n];
        for (int i = 0; i < n; i++) {
            aligned[i] = lengths[i] == 32 ? codes[i] : codes[i] << (32 - lengths[i]);
        }
        int[] out = new int[1 << rootBits];
        int[] size = {1 << rootBits};
        out = fill(out, size, 0, rootBits, 0, aligned, lengths, tokens, n);
        int[] exact = new int[size[0]];
        System.arraycopy(out, 0, exact, 0, size[0]);
        setLookup(exact, rootBits);
    }

    /**
     * Fills the table at {@code base} of {@code bits} index bits for the codes that start with the
     * {@code consumed} bits already matched; returns the (possibly grown) array.
     */
    private static int[] fill(int[] out, int[] size, int base, int bits, int consumed, int[] aligned, int[] lengths,
            int[] tokens, int n) {
        int slots = 1 << bits;
        for (int s = 0; s < slots; s++) {
            out[base + s] = Integer.MIN_VALUE;
        }
        // Leaves that end within this level.
        for (int i = 0; i < n; i++) {
            int rest = lengths[i] - consumed;
            if (rest <= 0) {
                continue;
            }
            if (rest <= bits) {
                int idx = (aligned[i] << consumed) >>> (32 - bits);
                int span = 1 << (bits - rest);
                for (int k = 0; k < span; k++) {
                    out[base + idx + k] = tokens[i] | rest << 8;
                }
            }
        }
        // Longer codes go to sub-tables, one per slot.
        for (int s = 0; s < slots; s++) {
            if (out[base + s] != Integer.MIN_VALUE) {
                continue;
            }
            int subMax = 0;
            for (int i = 0; i < n; i++) {
                int rest = lengths[i] - consumed;
                if (rest > bits && ((aligned[i] << consumed) >>> (32 - bits)) == s) {
                    subMax = Math.max(subMax, rest - bits);
                }
            }
            if (subMax == 0) {
                // Unreachable slot of an incomplete tree: decodes as token 0 and consumes the bits.
                out[base + s] = bits << 8;
                continue;
            }
            int subBits = Math.min(subMax, ROOT_BITS);
            int subBase = size[0];
            size[0] += 1 << subBits;
            if (out.length < size[0]) {
                int[] grown = new int[Math.max(size[0], out.length * 2)];
                System.arraycopy(out, 0, grown, 0, out.length);
                out = grown;
            }
            out[base + s] = -(subBase << 5 | subBits);
            out = fillSub(out, size, subBase, subBits, consumed + bits, s, bits, consumed, aligned, lengths, tokens, n);
        }
        return out;
    }

    /** Fills a sub-table for codes whose bits [consumed, consumed + bits) equal {@code slot}. */
    private static int[] fillSub(int[] out, int[] size, int base, int bits, int consumed, int slot, int slotBits,
            int parentConsumed, int[] aligned, int[] lengths, int[] tokens, int n) {
        int[] sel = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (lengths[i] > consumed && ((aligned[i] << parentConsumed) >>> (32 - slotBits)) == slot) {
                sel[m++] = i;
            }
        }
        int[] a = new int[m];
        int[] l = new int[m];
        int[] t = new int[m];
        for (int j = 0; j < m; j++) {
            a[j] = aligned[sel[j]];
            l[j] = lengths[sel[j]];
            t[j] = tokens[sel[j]];
        }
        return fill(out, size, base, bits, consumed, a, l, t, m);
    }

    /** Decodes one token (after {@link #built()}). */
    int decode(PacketBits b) {
        int[] t = entries;
        int e = t[b.peek32() >>> (32 - rootBits)];
        if (e >= 0) {
            b.skip(e >>> 8);
            return e & 31;
        }
        b.skip(rootBits);
        return decodeLong(b, e);
    }

    /** Continues in the sub-table that entry {@code e} points to (codes longer than the root). */
    int decodeLong(PacketBits b, int e) {
        int[] t = entries;
        while (true) {
            e = -e;
            int bits = e & 31;
            e = t[(e >>> 5) + (b.peek32() >>> (32 - bits))];
            if (e >= 0) {
                b.skip(e >>> 8);
                return e & 31;
            }
            b.skip(bits);
        }
    }
}
