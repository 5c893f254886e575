package org.kinora.hevc;

import org.kinora.core.TruncatedStreamException;

/**
 * The CABAC arithmetic decoding engine (H.265 9.3.4.3) and the context variables (9.3.2.2).
 *
 * <p>The offset register keeps 7 bits beyond the 9 the specification uses, refilled a byte at a
 * time, so most bins touch no memory but the context byte. The comparison against
 * {@code range << 7} is equivalent to the specification's 9-bit comparison.
 */
final class Cabac {
    /** Renormalisation shifts after an LPS (9.3.4.3.3): bits to shift rangeTabLps[..] up to 256 or more, by lps >> 3. */
    private static final byte[] RENORM_SHIFT = {
        6, 5, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    };

    /** Context states, {@code (pStateIdx << 1) | valMps}. */
    final byte[] ctx = new byte[CabacTables.COUNT];

    private byte[] data;
    private int pos;
    private int end;
    private int range;
    private int value;
    private int bitsNeeded;
    /** Bytes read past the end (fed as zeros); a few are normal at the end of a slice. */
    private int overread;

    /** Initialises the contexts (9.3.2.2) for {@code initType} and SliceQpY. */
    void initContexts(int initType, int sliceQpY) {
        int[] init = CabacTables.INIT_VALUES[initType];
        int qp = Math.max(0, Math.min(51, sliceQpY));
        for (int i = 0; i < CabacTables.COUNT; i++) {
            int v = init[i];
            int m = (v >> 4) * 5 - 45;
            int n = ((v & 15) << 3) - 16;
            int pre = ((m * qp) >> 4) + n;
            pre = pre < 1 ? 1 : (pre > 126 ? 126 : pre);
            ctx[i] = (byte) (pre <= 63 ? ((63 - pre) << 1) : (((pre - 64) << 1) | 1));
        }
    }

    /** Initialises the arithmetic decoder (9.3.2.5) on {@code data[offset .. end)}. */
    void start(byte[] data, int offset, int end) {
        this.data = data;
        this.pos = offset;
        this.end = end;
        this.overread = 0;
        range = 510;
        // value holds 16 bits: the 9-bit ivlOffset and 7 bits read ahead
        value = (nextByte() << 8) | nextByte();
        bitsNeeded = -8;
        // ivlOffset = first 9 bits; values 510 and 511 are not allowed (9.3.2.5)
        if ((value >> 7) >= 510) {
            throw new org.kinora.core.MalformedStreamException("CABAC initial offset out of range");
        }
    }

    /** Index of the first byte the engine has not read: where PCM samples or the next substream start. */
    int bytePosition() {
        return pos;
    }

    private int nextByte() {
        if (pos < end) {
            return data[pos++] & 0xFF;
        }
        if (++overread > 64) {
            throw new TruncatedStreamException("CABAC data runs past the end of the slice segment");
        }
        return 0;
    }

    /** DecodeDecision (9.3.4.3.2) with context {@code ctxIdx}. */
    int decodeBin(int ctxIdx) {
        int s = ctx[ctxIdx];
        int lps = CabacTables.RANGE_TAB_LPS[((s >> 1) << 2) + ((range >> 6) & 3)];
        range -= lps;
        int scaled = range << 7;
        int bin;
        if (value < scaled) {
            bin = s & 1;
            ctx[ctxIdx] = CabacTables.NEXT_MPS[s];
            if (range < 256) {
                range <<= 1;
                value <<= 1;
                if (++bitsNeeded == 0) {
                    value |= nextByte();
                    bitsNeeded = -8;
                }
            }
        } else {
            value -= scaled;
            int shift = RENORM_SHIFT[lps >> 3];
            value <<= shift;
            range = lps << shift;
            bin = (s & 1) ^ 1;
            ctx[ctxIdx] = CabacTables.NEXT_LPS[s];
            bitsNeeded += shift;
            if (bitsNeeded >= 0) {
                value |= nextByte() << bitsNeeded;
                bitsNeeded -= 8;
            }
        }
        return bin;
    }

    /** DecodeBypass (9.3.4.3.4). */
    int decodeBypass() {
        value <<= 1;
        if (++bitsNeeded == 0) {
            value |= nextByte();
            bitsNeeded = -8;
        }
        int scaled = range << 7;
        if (value >= scaled) {
            value -= scaled;
            return 1;
        }
        return 0;
    }

    /** {@code n} bypass bins, most significant first. */
    int decodeBypassBits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | decodeBypass();
        }
        return v;
    }

    /** DecodeTerminate (9.3.4.3.5). */
    int decodeTerminate() {
        range -= 2;
        int scaled = range << 7;
        if (value >= scaled) {
            return 1;
        }
        if (range < 256) {
            range <<= 1;
            value <<= 1;
            if (++bitsNeeded == 0) {
                value |= nextByte();
                bitsNeeded = -8;
            }
        }
        return 0;
    }

    void saveContexts(byte[] dst) {
        System.arraycopy(ctx, 0, dst, 0, CabacTables.COUNT);
    }

    void loadContexts(byte[] src) {
        System.arraycopy(src, 0, ctx, 0, CabacTables.COUNT);
    }
}
