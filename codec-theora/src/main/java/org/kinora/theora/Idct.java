package org.kinora.theora;

/** The exact integer inverse DCT of Theora I 7.9.3. */
final class Idct {
    private Idct() {
    }

    /** 16-bit approximations of cos(i pi / 16) (Table 7.65); S(j) = C(8 - j). */
    static final int C1 = 64277;
    static final int C2 = 60547;
    static final int C3 = 54491;
    static final int C4 = 46341;
    static final int C5 = 36410;
    static final int C6 = 25080;
    static final int C7 = 12785;

    /**
     * Transforms the dequantized coefficients {@code blk} (natural order) in place into the
     * residual: {@code blk[ri * 8 + ci]} becomes the value for pixel row {@code ri} (counted from
     * the bottom) and column {@code ci}.
     */
    static void inverse(int[] blk) {
        for (int r = 0; r < 64; r += 8) {
            int y0 = blk[r];
            int y1 = blk[r + 1];
            int y2 = blk[r + 2];
            int y3 = blk[r + 3];
            int y4 = blk[r + 4];
            int y5 = blk[r + 5];
            int y6 = blk[r + 6];
            int y7 = blk[r + 7];
            if ((y1 | y2 | y3 | y4 | y5 | y6 | y7) == 0) {
                if (y0 != 0) {
                    // Every output equals C4 * y0 >> 16 truncated to 16 bits (the flow graph with one input).
                    int v = (short) ((C4 * (short) y0) >> 16);
                    for (int c = 0; c < 8; c++) {
                        blk[r + c] = v;
                    }
                }
                continue;
            }
            int t0 = (C4 * (short) (y0 + y4)) >> 16;
            int t1 = (C4 * (short) (y0 - y4)) >> 16;
            int t2 = ((C6 * y2) >> 16) - ((C2 * y6) >> 16);
            int t3 = ((C2 * y2) >> 16) + ((C6 * y6) >> 16);
            int t4 = ((C7 * y1) >> 16) - ((C1 * y7) >> 16);
            int t5 = ((C3 * y5) >> 16) - ((C5 * y3) >> 16);
            int t6 = ((C5 * y5) >> 16) + ((C3 * y3) >> 16);
            int t7 = ((C1 * y1) >> 16) + ((C7 * y7) >> 16);
            int r0 = t4 + t5;
            t5 = (C4 * (short) (t4 - t5)) >> 16;
            t4 = r0;
            r0 = t7 + t6;
            t6 = (C4 * (short) (t7 - t6)) >> 16;
            t7 = r0;
            r0 = t0 + t3;
            t3 = t0 - t3;
            t0 = r0;
            r0 = t1 + t2;
            t2 = t1 - t2;
            t1 = r0;
            r0 = t6 + t5;
            t5 = t6 - t5;
            t6 = r0;
            blk[r] = (short) (t0 + t7);
            blk[r + 1] = (short) (t1 + t6);
            blk[r + 2] = (short) (t2 + t5);
            blk[r + 3] = (short) (t3 + t4);
            blk[r + 4] = (short) (t3 - t4);
            blk[r + 5] = (short) (t2 - t5);
            blk[r + 6] = (short) (t1 - t6);
            blk[r + 7] = (short) (t0 - t7);
        }
        for (int c = 0; c < 8; c++) {
            int y0 = blk[c];
            int y1 = blk[8 + c];
            int y2 = blk[16 + c];
            int y3 = blk[24 + c];
            int y4 = blk[32 + c];
            int y5 = blk[40 + c];
            int y6 = blk[48 + c];
            int y7 = blk[56 + c];
            if ((y1 | y2 | y3 | y4 | y5 | y6 | y7) == 0) {
                int v = ((short) ((C4 * (short) y0) >> 16) + 8) >> 4;
                for (int r = 0; r < 64; r += 8) {
                    blk[r + c] = v;
                }
                continue;
            }
            int t0 = (C4 * (short) (y0 + y4)) >> 16;
            int t1 = (C4 * (short) (y0 - y4)) >> 16;
            int t2 = ((C6 * y2) >> 16) - ((C2 * y6) >> 16);
            int t3 = ((C2 * y2) >> 16) + ((C6 * y6) >> 16);
            int t4 = ((C7 * y1) >> 16) - ((C1 * y7) >> 16);
            int t5 = ((C3 * y5) >> 16) - ((C5 * y3) >> 16);
            int t6 = ((C5 * y5) >> 16) + ((C3 * y3) >> 16);
            int t7 = ((C1 * y1) >> 16) + ((C7 * y7) >> 16);
            int r0 = t4 + t5;
            t5 = (C4 * (short) (t4 - t5)) >> 16;
            t4 = r0;
            r0 = t7 + t6;
            t6 = (C4 * (short) (t7 - t6)) >> 16;
            t7 = r0;
            r0 = t0 + t3;
            t3 = t0 - t3;
            t0 = r0;
            r0 = t1 + t2;
            t2 = t1 - t2;
            t1 = r0;
            r0 = t6 + t5;
            t5 = t6 - t5;
            t6 = r0;
            blk[c] = ((short) (t0 + t7) + 8) >> 4;
            blk[8 + c] = ((short) (t1 + t6) + 8) >> 4;
            blk[16 + c] = ((short) (t2 + t5) + 8) >> 4;
            blk[24 + c] = ((short) (t3 + t4) + 8) >> 4;
            blk[32 + c] = ((short) (t3 - t4) + 8) >> 4;
            blk[40 + c] = ((short) (t2 - t5) + 8) >> 4;
            blk[48 + c] = ((short) (t1 - t6) + 8) >> 4;
            blk[56 + c] = ((short) (t0 - t7) + 8) >> 4;
        }
    }
}
