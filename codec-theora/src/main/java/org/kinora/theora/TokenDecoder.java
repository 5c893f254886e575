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
    private final int lumaEnd;

    TokenDecoder(FrameLayout layout) {
        active = new int[layout.nbs];
        tis = new byte[layout.nbs];
        lumaEnd = layout.fragStart[1];
    }

    // Theora I 7.7.3
    void decode(PacketBits b, FrameState s, HuffmanTable[] tables) {
        int[] act = active;
        byte[] ti8 = tis;
        byte[] ncoeffs = s.ncoeffs;
        short[] coeffs = s.coeffs;
        int n = s.codedCount;
        System.arraycopy(s.codedList, 0, act, 0, n);
        for (int i = 0; i < n; i++) {
            ti8[act[i]] = 0;
        }
        int nActive = n;
        int eobs = 0;
        int htiL = 0;
        int htiC = 0;
        int luma = lumaEnd;
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
                int r = expand(token, win >>> 16, coeffs, f << 6, ti);
                int used = r >>> 16;
                win <<= used;
                avail -= used;
                int t = r & 127;
                if ((r & 128) == 0) {
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

    /**
     * Expands a coefficient token (Theora I 7.7.2) at token index {@code ti}, given the next 16
     * bits {@code x}: returns the new token index, plus 128 for a pure zero run (which leaves the
     * coefficient count alone), plus the number of bits used times 65536.
     */
    private static int expand(int token, int x, short[] coeffs, int base, int ti) {
        int run;
        int v;
        int used;
        switch (token) {
            case 7: {
                int t = ti + (x >>> 13) + 1;
                if (t > 64) {
                    throw overrun();
                }
                return t | 128 | 3 << 16;
            }
            case 8: {
                int t = ti + (x >>> 10) + 1;
                if (t > 64) {
                    throw overrun();
                }
                return t | 128 | 6 << 16;
            }
            case 9: run = 0; v = 1; used = 0; break;
            case 10: run = 0; v = -1; used = 0; break;
            case 11: run = 0; v = 2; used = 0; break;
            case 12: run = 0; v = -2; used = 0; break;
            case 13: case 14: case 15: case 16:
                run = 0;
                v = (x & 0x8000) != 0 ? 10 - token : token - 10;
                used = 1;
                break;
            case 17: v = signed(x, 1, 7); run = 0; used = 2; break;
            case 18: v = signed(x, 2, 9); run = 0; used = 3; break;
            case 19: v = signed(x, 3, 13); run = 0; used = 4; break;
            case 20: v = signed(x, 4, 21); run = 0; used = 5; break;
            case 21: v = signed(x, 5, 37); run = 0; used = 6; break;
            case 22: v = signed(x, 9, 69); run = 0; used = 10; break;
            case 23: case 24: case 25: case 26: case 27:
                run = token - 22;
                v = (x & 0x8000) != 0 ? -1 : 1;
                used = 1;
                break;
            case 28:
                run = ((x >>> 13) & 3) + 6;
                v = (x & 0x8000) != 0 ? -1 : 1;
                used = 3;
                break;
            case 29:
                run = ((x >>> 12) & 7) + 10;
                v = (x & 0x8000) != 0 ? -1 : 1;
                used = 4;
                break;
            case 30:
                run = 1;
                v = signed(x, 1, 2);
                used = 2;
                break;
            default:
                // 31: sign, magnitude bit, run bit
                v = ((x >>> 14) & 1) + 2;
                if ((x & 0x8000) != 0) {
                    v = -v;
                }
                run = ((x >>> 13) & 1) + 2;
                used = 3;
                break;
        }
        int idx = ti + run;
        if (idx > 63) {
            throw overrun();
        }
        coeffs[base + TheoraTables.ZIGZAG[idx]] = (short) v;
        return (idx + 1) | used << 16;
    }

    /** From the 16 bits {@code x}: a sign bit, then {@code bits} magnitude bits, plus {@code start}. */
    private static int signed(int x, int bits, int start) {
        int mag = ((x >>> (15 - bits)) & ((1 << bits) - 1)) + start;
        return (x & 0x8000) != 0 ? -mag : mag;
    }

    private static MalformedStreamException overrun() {
        return new MalformedStreamException("Theora token runs past coefficient 63");
    }
}
