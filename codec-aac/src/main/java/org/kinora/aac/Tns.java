package org.kinora.aac;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;

/** Temporal noise shaping: tns_data (4.4.2.7 Table 4.48) and its decoding (4.6.9.3). */
final class Tns {
    private static final int MAX_ORDER_LONG = 12;
    private static final int MAX_ORDER_SHORT = 7;

    /**
     * Inverse-quantised reflection coefficients (4.6.9.3 tns_decode_coef) for 3- and 4-bit
     * resolution: {@code COEF[res][code & 15]} with the code's two's-complement value in res bits.
     */
    private static final float[][] COEF = new float[2][16];

    static {
        for (int res = 0; res < 2; res++) {
            int bits = res + 3;
            double iqfac = ((1 << (bits - 1)) - 0.5) / (Math.PI / 2);
            double iqfacM = ((1 << (bits - 1)) + 0.5) / (Math.PI / 2);
            for (int code = 0; code < 1 << bits; code++) {
                int v = code >= 1 << (bits - 1) ? code - (1 << bits) : code;
                COEF[res][code] = (float) Math.sin(v / (v >= 0 ? iqfac : iqfacM));
            }
        }
    }

    final int[] nFilt = new int[8];
    /** Per window, per filter (up to 3 long, 1 short): length, order, direction, LPC a[1..order]. */
    final int[][] length = new int[8][3];
    final int[][] order = new int[8][3];
    final boolean[][] direction = new boolean[8][3];
    final float[][][] lpc = new float[8][3][MAX_ORDER_LONG + 1];
    private final float[] tmp = new float[MAX_ORDER_LONG + 1];
    private final float[] b = new float[MAX_ORDER_LONG + 1];
    private final float[] state = new float[MAX_ORDER_LONG];

    void read(BitReader r, IcsInfo info) {
        boolean isShort = info.windowSequence == IcsInfo.EIGHT_SHORT_SEQUENCE;
        for (int w = 0; w < info.numWindows; w++) {
            nFilt[w] = r.readBits(isShort ? 1 : 2);
            if (nFilt[w] == 0) {
                continue;
            }
            int coefRes = r.readBit();
            for (int f = 0; f < nFilt[w]; f++) {
                length[w][f] = r.readBits(isShort ? 4 : 6);
                int ord = r.readBits(isShort ? 3 : 5);
                if (ord > (isShort ? MAX_ORDER_SHORT : MAX_ORDER_LONG)) {
                    throw new MalformedStreamException("TNS order " + ord);
                }
                order[w][f] = ord;
                if (ord == 0) {
                    continue;
                }
                direction[w][f] = r.readFlag();
                int compress = r.readBit();
                int bits = coefRes + 3 - compress;
                float[] table = COEF[coefRes];
                int full = coefRes + 3;
                for (int i = 0; i < ord; i++) {
                    int code = r.readBits(bits);
                    // sign-extend from the transmitted width to the full resolution
                    int v = (code << (32 - bits)) >> (32 - bits);
                    tmp[i] = table[v & ((1 << full) - 1)];
                }
                // conversion to LPC coefficients (step-up recursion)
                float[] a = lpc[w][f];
                a[0] = 1;
                for (int m = 1; m <= ord; m++) {
                    for (int i = 1; i < m; i++) {
                        b[i] = a[i] + tmp[m - 1] * a[m - i];
                    }
                    for (int i = 1; i < m; i++) {
                        a[i] = b[i];
                    }
                    a[m] = tmp[m - 1];
                }
            }
        }
    }

    /** Filters the spectrum of one channel (4.6.9.3, all-pole filter per filter range). */
    void apply(float[] spec, IcsInfo info) {
        int windowLength = info.numWindows == 8 ? 128 : 1024;
        int limit = Math.min(info.tnsMaxBands, info.maxSfb);
        for (int w = 0; w < info.numWindows; w++) {
            int bottom = info.numSwb;
            for (int f = 0; f < nFilt[w]; f++) {
                int top = bottom;
                bottom = Math.max(top - length[w][f], 0);
                int ord = order[w][f];
                if (ord == 0) {
                    continue;
                }
                int start = info.swbOffset[Math.min(bottom, limit)];
                int end = info.swbOffset[Math.min(top, limit)];
                int size = end - start;
                if (size <= 0) {
                    continue;
                }
                int base = w * windowLength;
                int inc;
                int pos;
                if (direction[w][f]) {
                    inc = -1;
                    pos = base + end - 1;
                } else {
                    inc = 1;
                    pos = base + start;
                }
                float[] a = lpc[w][f];
                float[] st = state;
                for (int j = 0; j < ord; j++) {
                    st[j] = 0;
                }
                for (int i = 0; i < size; i++, pos += inc) {
                    float y = spec[pos];
                    for (int j = 0; j < ord; j++) {
                        y -= a[j + 1] * st[j];
                    }
                    for (int j = ord - 1; j > 0; j--) {
                        st[j] = st[j - 1];
                    }
                    st[0] = y;
                    spec[pos] = y;
                }
            }
        }
    }
}
