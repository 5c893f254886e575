package org.kinora.theora;

import org.kinora.core.MalformedStreamException;

/**
 * DCT token decoding (Theora I 7.7): 64 passes over the coded blocks, one per token index, with
 * EOB runs that span blocks. Blocks still open are kept in a list in coded order that shrinks as
 * they end, so a pass only visits blocks that can take a token.
 */
final class TokenDecoder {
    private final int[] active;
    private final byte[] tis;

    TokenDecoder(FrameLayout layout) {
        active = new int[layout.nbs];
        tis = new byte[layout.nbs];
    }

    // Theora I 7.7.3
    void decode(PacketBits b, FrameState s, HuffmanTable[] tables) {
        int[] act = active;
        byte[] ti8 = tis;
        byte[] ncoeffs = s.ncoeffs;
        short[] coeffs = s.coeffs;
        int n = s.codedCount;
        for (int i = 0; i < n; i++) {
            act[i] = i;
            ti8[i] = 0;
        }
        int nActive = n;
        int eobs = 0;
        int htiL = 0;
        int htiC = 0;
        int luma = s.codedLumaCount;
        for (int ti = 0; ti < 64; ti++) {
            if (ti <= 1) {
                htiL = b.read(4);
                htiC = b.read(4);
            } else if (nActive == 0) {
                break;
            }
            int group = 16 * TheoraTables.HUFFMAN_GROUP[ti];
            HuffmanTable tl = tables[group + htiL];
            HuffmanTable tc = tables[group + htiC];
            int[] el = tl.entries;
            int rl = 32 - tl.rootBits;
            int[] ec = tc.entries;
            int rc = 32 - tc.rootBits;
            // The bit reader's state in locals for the hot loop.
            byte[] buf = b.buf;
            int len = b.length;
            int pos = b.pos;
            int win = b.window;
            int avail = b.avail;
            int w = 0;
            for (int k = 0; k < nActive; k++) {
                int f = act[k];
                if (ti8[f] != ti) {
                    act[w++] = f;
                    continue;
                }
                ncoeffs[f] = (byte) ti;
                if (eobs > 0) {
                    ti8[f] = 64;
                    eobs--;
                    continue;
                }
                while (avail <= 24) {
                    win |= (pos < len ? buf[pos] & 0xFF : 0) << (24 - avail);
                    pos++;
                    avail += 8;
                }
                int token;
                int e = f < luma ? el[win >>> rl] : ec[win >>> rc];
                if (e >= 0) {
                    int used = e >>> 8;
                    win <<= used;
                    avail -= used;
                    token = e & 31;
                } else {
                    // a code longer than the root table: take the general path
                    HuffmanTable t = f < luma ? tl : tc;
                    int root = t.rootBits;
                    b.pos = pos;
                    b.window = win << root;
                    b.avail = avail - root;
                    token = t.decodeLong(b, e);
                    b.refill();
                    pos = b.pos;
                    win = b.window;
                    avail = b.avail;
                }
                // at least 15 bits remain in the window: enough for any token's extra bits
                if (token < 7) {
                    // Theora I 7.7.1
                    int nb = TheoraTables.EOB_BITS[token];
                    eobs = TheoraTables.EOB_START[token];
                    if (nb > 0) {
                        eobs += win >>> (32 - nb);
                        win <<= nb;
                        avail -= nb;
                    }
                    if (eobs == 0) {
                        eobs = w + (nActive - k);
                    }
                    ti8[f] = 64;
                    eobs--;
                    continue;
                }
                // Theora I 7.7.2, through the expanded token table
                int nb = TheoraTables.TOKEN_BITS[token];
                int ent = TheoraTables.TOKEN_DECODE[TheoraTables.TOKEN_BASE[token] + (win >>> 16 >>> (16 - nb))];
                win <<= nb;
                avail -= nb;
                int t = ti + ((ent >> 8) & 0xFF);
                if ((ent & 1) != 0) {
                    if (t > 64) {
                        throw overrun();
                    }
                } else {
                    if (t > 63) {
                        throw overrun();
                    }
                    coeffs[(f << 6) + TheoraTables.ZIGZAG[t]] = (short) (ent >> 16);
                    t++;
                    ncoeffs[f] = (byte) t;
                }
                ti8[f] = (byte) t;
                if (t < 64) {
                    act[w++] = f;
                }
            }
            b.pos = pos;
            b.window = win;
            b.avail = avail;
            nActive = w;
        }
    }

    private static MalformedStreamException overrun() {
        return new MalformedStreamException("Theora token runs past coefficient 63");
    }
}
