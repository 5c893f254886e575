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
                int token = (f < luma ? tl : tc).decode(b);
                if (token < 7) {
                    // Theora I 7.7.1
                    eobs = TheoraTables.EOB_START[token] + b.read(TheoraTables.EOB_BITS[token]);
                    if (eobs == 0) {
                        eobs = w + (nActive - k);
                    }
                    ti8[f] = 64;
                    eobs--;
                    continue;
                }
                int t = expand(token, b, coeffs, f << 6, ti);
                if (t < 0) {
                    // a pure zero run: the coefficient count stays
                    t = -t;
                } else {
                    ncoeffs[f] = (byte) t;
                }
                ti8[f] = (byte) t;
                if (t < 64) {
                    act[w++] = f;
                }
            }
            nActive = w;
        }
    }

    /**
     * Expands a coefficient token (Theora I 7.7.2) at token index {@code ti}; returns the new token
     * index, negated for a pure zero run.
     */
    private static int expand(int token, PacketBits b, short[] coeffs, int base, int ti) {
        int run;
        int v;
        switch (token) {
            case 7: {
                int t = ti + b.read(3) + 1;
                if (t > 64) {
                    throw overrun();
                }
                return -t;
            }
            case 8: {
                int t = ti + b.read(6) + 1;
                if (t > 64) {
                    throw overrun();
                }
                return -t;
            }
            case 9: run = 0; v = 1; break;
            case 10: run = 0; v = -1; break;
            case 11: run = 0; v = 2; break;
            case 12: run = 0; v = -2; break;
            case 13: case 14: case 15: case 16:
                run = 0;
                v = token - 10;
                if (b.read1() == 1) {
                    v = -v;
                }
                break;
            case 17: v = signed(b.read(2), 1, 7); run = 0; break;
            case 18: v = signed(b.read(3), 2, 9); run = 0; break;
            case 19: v = signed(b.read(4), 3, 13); run = 0; break;
            case 20: v = signed(b.read(5), 4, 21); run = 0; break;
            case 21: v = signed(b.read(6), 5, 37); run = 0; break;
            case 22: v = signed(b.read(10), 9, 69); run = 0; break;
            case 23: case 24: case 25: case 26: case 27:
                run = token - 22;
                v = b.read1() == 1 ? -1 : 1;
                break;
            case 28: {
                int x = b.read(3);
                run = (x & 3) + 6;
                v = (x & 4) != 0 ? -1 : 1;
                break;
            }
            case 29: {
                int x = b.read(4);
                run = (x & 7) + 10;
                v = (x & 8) != 0 ? -1 : 1;
                break;
            }
            case 30:
                run = 1;
                v = signed(b.read(2), 1, 2);
                break;
            default: {
                // 31
                int x = b.read(3);
                v = ((x >> 1) & 1) + 2;
                if ((x & 4) != 0) {
                    v = -v;
                }
                run = (x & 1) + 2;
                break;
            }
        }
        int idx = ti + run;
        if (idx > 63) {
            throw overrun();
        }
        coeffs[base + TheoraTables.ZIGZAG[idx]] = (short) v;
        return idx + 1;
    }

    /** A sign bit followed by {@code bits} magnitude bits, plus {@code start}. */
    private static int signed(int x, int bits, int start) {
        int mag = (x & ((1 << bits) - 1)) + start;
        return (x >> bits) != 0 ? -mag : mag;
    }

    private static MalformedStreamException overrun() {
        return new MalformedStreamException("Theora token runs past coefficient 63");
    }
}
