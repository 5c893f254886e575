package org.kinora.theora;

/**
 * The exact integer inverse DCT of Theora I 7.9.3 on dequantized coefficients. Rows known to be
 * zero are skipped; that and the shortened column passes give exactly the values of the full flow
 * graph.
 */
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

    /** Highest coefficient row (natural order) among the first n zig-zag indices, n = 0..64. */
    static final int[] MAX_ROW = new int[65];

    static {
        int m = 0;
        for (int n = 1; n <= 64; n++) {
            m = Math.max(m, TheoraTables.ZIGZAG[n - 1] >> 3);
            MAX_ROW[n] = m;
        }
    }

    /**
     * Transforms the dequantized coefficients {@code blk[0 .. 64)} (natural order, each already
     * truncated to 16 bits as Theora I 7.9.2 says; rows above {@code maxRow} zero) and adds the
     * residual straight into the picture: each pixel of the 8x8
     * block at {@code dst[off]} (row stride {@code pw}) becomes its predictor plus the residual,
     * saturated to 0..255. The predictor is the 8x8 block at {@code pred[po]} (same stride; it may
     * be the block in {@code dst} itself), or 128 when {@code pred} is null (intra blocks).
     * {@code tmp} holds the row pass. Clears the coefficients it read. Residual row {@code ri}
     * goes to picture row {@code off + ri * pw}: Theora counts rows from the bottom, as the
     * decoder's planes are stored.
     */
    static void reconstruct(int[] blk, int maxRow, int[] tmp, byte[] dst, int off, int pw, byte[] pred, int po) {
        // The highest row the row pass left non-zero: the rows above it transform to zeros.
        int last = rows(blk, maxRow, tmp);
        if (last == 0) {
            for (int c = 0; c < 8; c++) {
                tmp[c] = ((short) ((C4 * (short) tmp[c]) >> 16) + 8) >> 4;
            }
            // every row of the residual is the same
            if (pred == null) {
                int k = 128;
                byte v0 = clip(tmp[0] + k);
                byte v1 = clip(tmp[1] + k);
                byte v2 = clip(tmp[2] + k);
                byte v3 = clip(tmp[3] + k);
                byte v4 = clip(tmp[4] + k);
                byte v5 = clip(tmp[5] + k);
                byte v6 = clip(tmp[6] + k);
                byte v7 = clip(tmp[7] + k);
                for (int o = off, end = off + 8 * pw; o < end; o += pw) {
                    dst[o] = v0;
                    dst[o + 1] = v1;
                    dst[o + 2] = v2;
                    dst[o + 3] = v3;
                    dst[o + 4] = v4;
                    dst[o + 5] = v5;
                    dst[o + 6] = v6;
                    dst[o + 7] = v7;
                }
            } else {
                int r0 = tmp[0];
                int r1 = tmp[1];
                int r2 = tmp[2];
                int r3 = tmp[3];
                int r4 = tmp[4];
                int r5 = tmp[5];
                int r6 = tmp[6];
                int r7 = tmp[7];
                for (int o = off, a = po, end = off + 8 * pw; o < end; o += pw, a += pw) {
                    dst[o] = clip((pred[a] & 0xFF) + r0);
                    dst[o + 1] = clip((pred[a + 1] & 0xFF) + r1);
                    dst[o + 2] = clip((pred[a + 2] & 0xFF) + r2);
                    dst[o + 3] = clip((pred[a + 3] & 0xFF) + r3);
                    dst[o + 4] = clip((pred[a + 4] & 0xFF) + r4);
                    dst[o + 5] = clip((pred[a + 5] & 0xFF) + r5);
                    dst[o + 6] = clip((pred[a + 6] & 0xFF) + r6);
                    dst[o + 7] = clip((pred[a + 7] & 0xFF) + r7);
                }
            }
        } else if (last == 1) {
            columns2(tmp);
            put(tmp, dst, off, pw, pred, po);
        } else if (last < 4) {
            for (int r = (last + 1) * 8; r < 32; r++) {
                tmp[r] = 0;
            }
            columnsLow(tmp);
            put(tmp, dst, off, pw, pred, po);
        } else {
            for (int r = (last + 1) * 8; r < 64; r++) {
                tmp[r] = 0;
            }
            columns(tmp);
            put(tmp, dst, off, pw, pred, po);
        }
    }

    private static void put(int[] res, byte[] dst, int off, int pw, byte[] pred, int po) {
        if (pred == null) {
            int k = 128;
            for (int y = 0; y < 8; y++) {
                int o = off + y * pw;
                int r = y * 8;
                dst[o] = clip(res[r] + k);
                dst[o + 1] = clip(res[r + 1] + k);
                dst[o + 2] = clip(res[r + 2] + k);
                dst[o + 3] = clip(res[r + 3] + k);
                dst[o + 4] = clip(res[r + 4] + k);
                dst[o + 5] = clip(res[r + 5] + k);
                dst[o + 6] = clip(res[r + 6] + k);
                dst[o + 7] = clip(res[r + 7] + k);
            }
        } else {
            for (int y = 0; y < 8; y++) {
                int o = off + y * pw;
                int a = po + y * pw;
                int r = y * 8;
                dst[o] = clip((pred[a] & 0xFF) + res[r]);
                dst[o + 1] = clip((pred[a + 1] & 0xFF) + res[r + 1]);
                dst[o + 2] = clip((pred[a + 2] & 0xFF) + res[r + 2]);
                dst[o + 3] = clip((pred[a + 3] & 0xFF) + res[r + 3]);
                dst[o + 4] = clip((pred[a + 4] & 0xFF) + res[r + 4]);
                dst[o + 5] = clip((pred[a + 5] & 0xFF) + res[r + 5]);
                dst[o + 6] = clip((pred[a + 6] & 0xFF) + res[r + 6]);
                dst[o + 7] = clip((pred[a + 7] & 0xFF) + res[r + 7]);
            }
        }
    }

    /**
     * The intra block whose only coefficient is the DC value {@code y0} (dequantized): every
     * residual equals the one value the full flow graph gives for it.
     */
    static int dcOnlyResidual(int y0) {
        int v = (short) ((C4 * (short) y0) >> 16);
        return ((short) ((C4 * (short) v) >> 16) + 8) >> 4;
    }

    /**
     * The row pass of {@link #reconstruct}: rows 0..maxRow of blk into out (cleared in blk), whose rows
     * above are left as they were; returns the highest row left non-zero.
     */
    private static int rows(int[] blk, int maxRow, int[] out) {
        int last = 0;
        for (int r = 0; r <= maxRow * 8; r += 8) {
            int y0 = blk[r];
            int y1 = blk[r + 1];
            int y2 = blk[r + 2];
            int y3 = blk[r + 3];
            int y4 = blk[r + 4];
            int y5 = blk[r + 5];
            int y6 = blk[r + 6];
            int y7 = blk[r + 7];
            blk[r] = 0;
            blk[r + 1] = 0;
            blk[r + 2] = 0;
            blk[r + 3] = 0;
            blk[r + 4] = 0;
            blk[r + 5] = 0;
            blk[r + 6] = 0;
            blk[r + 7] = 0;
            if ((y1 | y2 | y3 | y4 | y5 | y6 | y7) == 0) {
                // Every output equals C4 * y0 >> 16 truncated to 16 bits (the flow graph with one input).
                if (y0 != 0) {
                    last = r;
                }
                int v = (short) ((C4 * (short) y0) >> 16);
                out[r] = v;
                out[r + 1] = v;
                out[r + 2] = v;
                out[r + 3] = v;
                out[r + 4] = v;
                out[r + 5] = v;
                out[r + 6] = v;
                out[r + 7] = v;
                continue;
            }
            last = r;
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
            out[r] = (short) (t0 + t7);
            out[r + 1] = (short) (t1 + t6);
            out[r + 2] = (short) (t2 + t5);
            out[r + 3] = (short) (t3 + t4);
            out[r + 4] = (short) (t3 - t4);
            out[r + 5] = (short) (t2 - t5);
            out[r + 6] = (short) (t1 - t6);
            out[r + 7] = (short) (t0 - t7);
        }
        return last >> 3;
    }

    /** The column pass when rows 2..7 are zero. */
    private static void columns2(int[] blk) {
        for (int c = 0; c < 8; c++) {
            int y0 = blk[c];
            int y1 = blk[8 + c];
            int t0 = (C4 * (short) y0) >> 16;
            int t4 = (C7 * y1) >> 16;
            int t7 = (C1 * y1) >> 16;
            int t5 = (C4 * (short) t4) >> 16;
            int t6 = (C4 * (short) t7) >> 16;
            // t1 = t0, t2 = t3 = 0; then t6' = t6 + t5, t5' = t6 - t5
            int a = t6 + t5;
            int d = t6 - t5;
            blk[c] = ((short) (t0 + t7) + 8) >> 4;
            blk[8 + c] = ((short) (t0 + a) + 8) >> 4;
            blk[16 + c] = ((short) (t0 + d) + 8) >> 4;
            blk[24 + c] = ((short) (t0 + t4) + 8) >> 4;
            blk[32 + c] = ((short) (t0 - t4) + 8) >> 4;
            blk[40 + c] = ((short) (t0 - d) + 8) >> 4;
            blk[48 + c] = ((short) (t0 - a) + 8) >> 4;
            blk[56 + c] = ((short) (t0 - t7) + 8) >> 4;
        }
    }

    /** The column pass when rows 4..7 are zero. */
    private static void columnsLow(int[] blk) {
        for (int c = 0; c < 8; c++) {
            int y0 = blk[c];
            int y1 = blk[8 + c];
            int y2 = blk[16 + c];
            int y3 = blk[24 + c];
            int t0 = (C4 * (short) y0) >> 16;
            int t1 = t0;
            int t2 = (C6 * y2) >> 16;
            int t3 = (C2 * y2) >> 16;
            int t4 = (C7 * y1) >> 16;
            int t5 = -((C5 * y3) >> 16);
            int t6 = (C3 * y3) >> 16;
            int t7 = (C1 * y1) >> 16;
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

    private static void columns(int[] blk) {
        for (int c = 0; c < 8; c++) {
            int y0 = blk[c];
            int y1 = blk[8 + c];
            int y2 = blk[16 + c];
            int y3 = blk[24 + c];
            int y4 = blk[32 + c];
            int y5 = blk[40 + c];
            int y6 = blk[48 + c];
            int y7 = blk[56 + c];
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

    /**
     * Saturation to 0..255 of v in (-2^24, 2^24), as a byte: a test of the high bits rather than
     * a table, whose bounds check costs more.
     */
    static byte clip(int v) {
        return (byte) ((v & ~0xFF) == 0 ? v : ~v >>> 24);
    }
}
