package org.kinora.theora;

/** Constant tables of the Theora I specification. */
final class TheoraTables {
    private TheoraTables() {
    }

    /** Coding modes (Table 7.18). */
    static final int INTER_NOMV = 0;
    static final int INTRA = 1;
    static final int INTER_MV = 2;
    static final int INTER_MV_LAST = 3;
    static final int INTER_MV_LAST2 = 4;
    static final int INTER_GOLDEN_NOMV = 5;
    static final int INTER_GOLDEN_MV = 6;
    static final int INTER_MV_FOUR = 7;

    /** Reference frame index of each coding mode (Table 7.46): 0 none, 1 previous, 2 golden. */
    static final int[] REFERENCE_FRAME = {1, 0, 1, 1, 1, 2, 2, 1};

    /** Mode alphabets of schemes 1..6 (Table 7.19), indexed [scheme - 1][mi]. */
    static final int[][] MODE_ALPHABETS = {
        {3, 4, 2, 0, 1, 5, 6, 7},
        {3, 4, 0, 2, 1, 5, 6, 7},
        {3, 2, 4, 0, 1, 5, 6, 7},
        {3, 2, 0, 4, 1, 5, 6, 7},
        {0, 3, 4, 2, 1, 5, 6, 7},
        {0, 5, 3, 4, 2, 1, 6, 7},
    };

    /** Block offsets (x, y) of the Hilbert order inside a super block (Figure 2.4). */
    static final int[] HILBERT_X = {0, 1, 1, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 2, 2, 3};
    static final int[] HILBERT_Y = {0, 0, 1, 1, 2, 3, 3, 2, 2, 3, 3, 2, 1, 1, 0, 0};

    /** Macro block offsets (x, y) inside a super block, in coded order (Figure 2.6). */
    static final int[] MB_ORDER_X = {0, 0, 1, 1};
    static final int[] MB_ORDER_Y = {0, 1, 1, 0};

    /** Natural-order index of each zig-zag index (Figure 2.8). */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10,
        17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34,
        27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36,
        29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46,
        53, 60, 61, 54, 47, 55, 62, 63,
    };

    /** Huffman table group of each token index (Table 7.42). */
    static final int[] HUFFMAN_GROUP = new int[64];

    static {
        for (int ti = 0; ti < 64; ti++) {
            HUFFMAN_GROUP[ti] = ti == 0 ? 0 : ti <= 5 ? 1 : ti <= 14 ? 2 : ti <= 27 ? 3 : 4;
        }
    }

    /** Long run lengths (Table 7.7): start and extra bits, by the number of leading ones (0..6). */
    static final int[] LONG_RUN_START = {1, 2, 4, 6, 10, 18, 34};
    static final int[] LONG_RUN_BITS = {0, 1, 1, 2, 3, 4, 12};

    /** Short run lengths (Table 7.11), by the number of leading ones (0..5). */
    static final int[] SHORT_RUN_START = {1, 3, 5, 7, 11, 15};
    static final int[] SHORT_RUN_BITS = {1, 1, 1, 2, 2, 4};

    /**
     * DC predictor weights (Table 7.47) indexed by P[0] | P[1] << 1 | P[2] << 2 | P[3] << 3:
     * W0..W3, PDIV and log2(PDIV).
     */
    static final int[][] DC_WEIGHTS = {
        {0, 0, 0, 0, 1, 0},
        {1, 0, 0, 0, 1, 0},
        {0, 1, 0, 0, 1, 0},
        {1, 0, 0, 0, 1, 0},
        {0, 0, 1, 0, 1, 0},
        {1, 0, 1, 0, 2, 1},
        {0, 0, 1, 0, 1, 0},
        {29, -26, 29, 0, 32, 5},
        {0, 0, 0, 1, 1, 0},
        {75, 0, 0, 53, 128, 7},
        {0, 1, 0, 1, 2, 1},
        {75, 0, 0, 53, 128, 7},
        {0, 0, 1, 0, 1, 0},
        {75, 0, 0, 53, 128, 7},
        {0, 3, 10, 3, 16, 4},
        {29, -26, 29, 0, 32, 5},
    };

    /**
     * Motion vector component codes (Table 7.23) looked up by the next 8 bits:
     * {@code value << 4 | length}, value offset by 32 to keep it non-negative.
     */
    static final int[] MV_LOOKUP = new int[256];

    static {
        for (int w = 0; w < 256; w++) {
            int len;
            int value;
            if (w >> 5 == 0) {
                len = 3;
                value = 0;
            } else if (w >> 5 == 1) {
                len = 3;
                value = 1;
            } else if (w >> 5 == 2) {
                len = 3;
                value = -1;
            } else if (w >> 5 == 3) {
                // b0110 / b0111
                len = 4;
                value = (w & 16) == 0 ? 2 : -2;
            } else if (w >> 5 == 4) {
                // b1000 / b1001
                len = 4;
                value = (w & 16) == 0 ? 3 : -3;
            } else if (w >> 5 == 5) {
                // b101xxs: 4..7
                len = 6;
                int mag = 4 + ((w >> 3) & 3);
                value = (w & 4) == 0 ? mag : -mag;
            } else if (w >> 5 == 6) {
                // b110xxxs: 8..15
                len = 7;
                int mag = 8 + ((w >> 2) & 7);
                value = (w & 2) == 0 ? mag : -mag;
            } else {
                // b111xxxxs: 16..31
                len = 8;
                int mag = 16 + ((w >> 1) & 15);
                value = (w & 1) == 0 ? mag : -mag;
            }
            MV_LOOKUP[w] = (value + 32) << 4 | len;
        }
    }

    /** Extra bits of the EOB tokens 0..6 (Table 7.33) and their run starts. */
    static final int[] EOB_BITS = {0, 0, 0, 2, 3, 4, 12};
    static final int[] EOB_START = {1, 2, 3, 4, 8, 16, 0};

    /** Extra bits of each coefficient token 7..31 (Theora I 7.7.2, Table 7.38). */
    static final int[] TOKEN_BITS = new int[32];
    /** Where each token's entries start in {@link #TOKEN_DECODE}. */
    static final int[] TOKEN_BASE = new int[32];
    /**
     * Each coefficient token expanded for every value of its extra bits:
     * {@code value << 16 | run << 8 | pureZeroRun}. A pure zero run skips {@code run}
     * coefficients; otherwise {@code run} zeros precede {@code value}.
     */
    static final int[] TOKEN_DECODE;

    static {
        int[] bits = {0, 0, 0, 0, 0, 0, 0, 3, 6, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 4, 5, 6, 10, 1, 1, 1, 1, 1, 3, 4, 2, 3};
        int total = 0;
        for (int t = 7; t < 32; t++) {
            TOKEN_BITS[t] = bits[t];
            TOKEN_BASE[t] = total;
            total += 1 << bits[t];
        }
        TOKEN_DECODE = new int[total];
        for (int t = 7; t < 32; t++) {
            for (int e = 0; e < 1 << bits[t]; e++) {
                int run = 0;
                int value = 0;
                boolean pure = false;
                int sign = bits[t] == 0 ? 0 : e >> (bits[t] - 1);
                int low = bits[t] == 0 ? 0 : e & ((1 << (bits[t] - 1)) - 1);
                switch (t) {
                    case 7: case 8: pure = true; run = e + 1; break;
                    case 9: value = 1; break;
                    case 10: value = -1; break;
                    case 11: value = 2; break;
                    case 12: value = -2; break;
                    case 13: case 14: case 15: case 16: value = t - 10; break;
                    case 17: value = low + 7; break;
                    case 18: value = low + 9; break;
                    case 19: value = low + 13; break;
                    case 20: value = low + 21; break;
                    case 21: value = low + 37; break;
                    case 22: value = low + 69; break;
                    case 23: case 24: case 25: case 26: case 27: value = 1; run = t - 22; break;
                    case 28: value = 1; run = low + 6; break;
                    case 29: value = 1; run = low + 10; break;
                    case 30: value = low + 2; run = 1; break;
                    default: value = (low >> 1) + 2; run = (low & 1) + 2; break;
                }
                if (t >= 13 && sign != 0) {
                    value = -value;
                }
                TOKEN_DECODE[TOKEN_BASE[t] + e] = value << 16 | run << 8 | (pure ? 1 : 0);
            }
        }
    }
}
