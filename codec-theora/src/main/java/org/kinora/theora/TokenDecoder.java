package org.kinora.theora;

import org.kinora.core.MalformedStreamException;

/**
 * DCT token decoding (Theora I 7.7): 64 passes over the coded blocks, one per token index, with
 * EOB runs that span blocks. Each pass keeps the blocks it will visit as a bit set over their
 * positions in the coded list: a block that a token moves to index t is marked in set t, so a
 * pass visits exactly the blocks whose token index equals it, in coded order, and never walks
 * past blocks that a zero run sent ahead.
 */
final class TokenDecoder {
    /** 64 bit sets of {@link #words} ints each. */
    private final int[] pending;
    private final int words;

    TokenDecoder(FrameLayout layout) {
        words = (layout.nbs + 31) >> 5;
        pending = new int[64 * words];
    }

    // Theora I 7.7.3
    void decode(PacketBits b, FrameState s, HuffmanTable[] tables) {
        int[] sets = pending;
        int nw = words;
        byte[] ncoeffs = s.ncoeffs;
        short[] coeffs = s.coeffs;
        int n = s.codedCount;
        java.util.Arrays.fill(sets, 0);
        for (int i = 0; i < n >> 5; i++) {
            sets[i] = -1;
        }
        if ((n & 31) != 0) {
            sets[n >> 5] = (1 << (n & 31)) - 1;
        }
        // Blocks whose token index is still below 64.
        int open = n;
        int eobs = 0;
        int htiL = 0;
        int htiC = 0;
        int luma = s.codedLumaCount;
        for (int ti = 0; ti < 64; ti++) {
            if (ti <= 1) {
                htiL = b.read(4);
                htiC = b.read(4);
            } else if (open == 0) {
                break;
            }
            int group = 16 * TheoraTables.HUFFMAN_GROUP[ti];
            HuffmanTable tl = tables[group + htiL];
            HuffmanTable tc = tables[group + htiC];
            int[] el = tl.fast;
            int rl = 32 - tl.rootBits;
            int[] ec = tc.fast;
            int rc = 32 - tc.rootBits;
            // The bit reader's state in locals for the hot loop.
            byte[] buf = b.buf;
            int len = b.length;
            int pos = b.pos;
            int win = b.window;
            int avail = b.avail;
            int setBase = ti * nw;
            int lastWord = (n - 1) >> 5;
            for (int wi = 0; wi <= lastWord; wi++) {
                int word = sets[setBase + wi];
                if (word == 0) {
                    continue;
                }
                sets[setBase + wi] = 0;
                while (word != 0) {
                    int f = wi << 5 | Integer.numberOfTrailingZeros(word);
                    word &= word - 1;
                    if (eobs > 0) {
                        ncoeffs[f] = (byte) ti;
                        eobs--;
                        open--;
                        continue;
                    }
                    if (avail <= 16) {
                        // two bytes at a time; the byte after the packet reads as zero
                        if (pos < len) {
                            win |= ((buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF)) << (16 - avail);
                        }
                        pos += 2;
                        avail += 16;
                    }
                    int e = f < luma ? el[win >>> rl] : ec[win >>> rc];
                    int kind = e & 0x60;
                    if (kind == HuffmanTable.SLOW) {
                        // a code longer than the look-up, or too many extra bits: the general path
                        HuffmanTable t = f < luma ? tl : tc;
                        b.pos = pos;
                        b.window = win;
                        b.avail = avail;
                        int token = t.decode(b);
                        int nb = token < 7 ? TheoraTables.EOB_BITS[token] : TheoraTables.TOKEN_BITS[token];
                        e = HuffmanTable.combine(token, b.read(nb));
                        kind = e & 0x60;
                        b.refill();
                        pos = b.pos;
                        win = b.window;
                        avail = b.avail;
                    } else {
                        int used = e & 31;
                        win <<= used;
                        avail -= used;
                    }
                    if (kind == HuffmanTable.EOB) {
                        // Theora I 7.7.1
                        eobs = e >>> 16;
                        if (eobs == 0) {
                            // every block not yet ended, this one included
                            eobs = open;
                        }
                        ncoeffs[f] = (byte) ti;
                        eobs--;
                        open--;
                        continue;
                    }
                    // Theora I 7.7.2
                    // NCOEFFS is only stored when a block ends: it is the token index of its
                    // last visit, or 64 after a coefficient in the last place.
                    int t = ti + ((e >> 8) & 0xFF);
                    if (kind == HuffmanTable.ZERO_RUN) {
                        // a pure zero run leaves the coefficient count at this index
                        if (t > 64) {
                            throw overrun();
                        }
                        if (t == 64) {
                            ncoeffs[f] = (byte) ti;
                        }
                    } else {
                        if (t > 63) {
                            throw overrun();
                        }
                        coeffs[(f << 6) + TheoraTables.ZIGZAG[t]] = (short) (e >> 16);
                        t++;
                        if (t == 64) {
                            ncoeffs[f] = 64;
                        }
                    }
                    if (t < 64) {
                        sets[t * nw + (f >> 5)] |= 1 << (f & 31);
                    } else {
                        open--;
                    }
                }
            }
            b.pos = pos;
            b.window = win;
            b.avail = avail;
        }
    }

    private static MalformedStreamException overrun() {
        return new MalformedStreamException("Theora token runs past coefficient 63");
    }
}
