package org.kinora.theora;

import org.kinora.core.MalformedStreamException;

/**
 * DCT token decoding (Theora I 7.7): 64 passes over the coded blocks, one per token index, with
 * EOB runs that span blocks. Tokens are not turned into coefficients here: each pass appends its
 * tokens to the list of its token index ({@link FrameState#tokens}), and reconstruction replays a
 * block's tokens from the lists when it gets to the block (coded order is the order of every
 * list). A pass only needs to know how many blocks are at its index, and how many of those are
 * luma: a token that moves a block on to index t counts it there.
 */
final class TokenDecoder {
    /** A list entry: the block ends here (an EOB token, or a zero run to the end of the block). */
    static final int END = 0x40;
    /**
     * A list entry that is not {@link #END}: {@code value << 16 | run}, a coefficient {@code value}
     * after {@code run} zero coefficients (a pure zero run is a 0 after one zero fewer).
     */
    static final int RUN = 0x3F;

    /** Blocks whose token index reaches t, and how many of them are luma blocks. */
    private final int[] count = new int[65];
    private final int[] lumaCount = new int[65];

    // Theora I 7.7.3
    void decode(PacketBits b, FrameState s, HuffmanTable[] tables) {
        int n = s.codedCount;
        int[] cnt = count;
        int[] cntL = lumaCount;
        java.util.Arrays.fill(cnt, 0);
        java.util.Arrays.fill(cntL, 0);
        cnt[0] = n;
        cntL[0] = s.codedLumaCount;
        // Blocks not yet ended.
        int open = n;
        int eobs = 0;
        int htiL = 0;
        int htiC = 0;
        int k = 0;
        for (int ti = 0; ti < 64; ti++) {
            if (ti <= 1) {
                htiL = b.read(4);
                htiC = b.read(4);
            } else if (open == 0) {
                break;
            }
            int c = cnt[ti];
            int cl = cntL[ti];
            int[] out = s.tokens;
            if (out.length - k < c) {
                // at most one entry per block and token index
                out = java.util.Arrays.copyOf(out, (int) Math.min(64L * n, Math.max(k + c, out.length * 3L / 2)));
                s.tokens = out;
            }
            s.tokenStart[ti] = k;
            s.tokenLumaCount[ti] = cl;
            int group = 16 * TheoraTables.HUFFMAN_GROUP[ti];
            HuffmanTable tl = tables[group + htiL].built();
            HuffmanTable tc = tables[group + htiC].built();
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
            int j = 0;
            while (j < c) {
                if (eobs > 0) {
                    // the rest of an EOB run that began at an earlier token index
                    int m = Math.min(eobs, c - j);
                    java.util.Arrays.fill(out, k, k + m, END);
                    k += m;
                    eobs -= m;
                    open -= m;
                    j += m;
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
                boolean luma = j < cl;
                int e = luma ? el[win >>> rl] : ec[win >>> rc];
                int kind = e & 0x60;
                if (kind == HuffmanTable.SLOW) {
                    // a code longer than the look-up, or too many extra bits: the general path
                    HuffmanTable t = luma ? tl : tc;
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
                    // Theora I 7.7.1: 0 means every block not yet ended, this one included
                    int run = e >>> 16;
                    if (run == 0) {
                        run = open;
                    }
                    int m = Math.min(run, c - j);
                    java.util.Arrays.fill(out, k, k + m, END);
                    k += m;
                    eobs = run - m;
                    open -= m;
                    j += m;
                    continue;
                }
                // Theora I 7.7.2
                int run = (e >> 8) & 0xFF;
                int next = ti + run;
                int entry;
                if (kind == HuffmanTable.ZERO_RUN) {
                    if (next > 64) {
                        throw overrun();
                    }
                    // the same as a coefficient 0 after run - 1 zeros; one that reaches the end of
                    // the block ends it as an EOB would (NCOEFFS is this token index)
                    entry = next == 64 ? END : run - 1;
                } else {
                    if (next > 63) {
                        throw overrun();
                    }
                    entry = (e & 0xFFFF0000) | run;
                    next++;
                }
                if (next < 64) {
                    cnt[next]++;
                    if (luma) {
                        cntL[next]++;
                    }
                } else {
                    open--;
                }
                out[k++] = entry;
                j++;
            }
            b.pos = pos;
            b.window = win;
            b.avail = avail;
            if (ti == 0) {
                unpackDc(s, out, k);
            }
        }
        s.tokenCount = k;
    }

    /** The quantized DC coefficient of every coded block, from the tokens of index 0 (one per block in coded order). */
    private static void unpackDc(FrameState s, int[] list, int k) {
        int[] dc = s.dc;
        for (int i = 0; i < k; i++) {
            int e = list[i];
            dc[i] = (e & (END | RUN)) == 0 ? e >> 16 : 0;
        }
    }

    private static MalformedStreamException overrun() {
        return new MalformedStreamException("Theora token runs past coefficient 63");
    }
}
