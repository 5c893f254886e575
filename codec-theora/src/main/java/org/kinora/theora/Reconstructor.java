package org.kinora.theora;

/**
 * Reconstructs every block (Theora I 7.9): predictor, dequantized residual through the inverse
 * DCT, clamped sum. Planes are stored bottom row first, as Theora
 * numbers them, with a stride equal to the plane width.
 */
final class Reconstructor {
    private final FrameLayout layout;
    private final SetupHeader setup;
    /** Dequantization matrices of the current frame: [(qti * 3 + pli) * 3 + qii][64]. */
    private final int[][] qmat = new int[18][64];
    /** DC quantizer of qi0 for [qti * 3 + pli]. */
    private final int[] dcQuant = new int[6];
    private final int[] qisCached = {-1, -1, -1};
    private int nqisCached = -1;
    /** The dequantized coefficients of one block, natural order; all zero between blocks. */
    private final int[] blk = new int[64];
    /** The residual of one block. */
    private final int[] res = new int[64];

    Reconstructor(FrameLayout layout, SetupHeader setup) {
        this.layout = layout;
        this.setup = setup;
    }

    /** Computes the frame's quantization matrices when its qi values changed. */
    private void prepareQuant(FrameState s) {
        if (s.nqis == nqisCached && s.qis[0] == qisCached[0] && (s.nqis < 2 || s.qis[1] == qisCached[1])
                && (s.nqis < 3 || s.qis[2] == qisCached[2])) {
            return;
        }
        for (int qti = 0; qti < 2; qti++) {
            for (int pli = 0; pli < 3; pli++) {
                for (int q = 0; q < s.nqis; q++) {
                    setup.computeMatrix(qti, pli, s.qis[q], qmat[(qti * 3 + pli) * 3 + q]);
                }
                dcQuant[qti * 3 + pli] = qmat[(qti * 3 + pli) * 3][0];
            }
        }
        nqisCached = s.nqis;
        System.arraycopy(s.qis, 0, qisCached, 0, 3);
    }

    /**
     * Prepares the frame's dequantization matrices and starts every token list at its first
     * entry; call before {@link #reconstructRow}.
     */
    void startFrame(FrameState s) {
        prepareQuant(s);
        System.arraycopy(s.tokenStart, 0, s.tokenNext, 0, 64);
        java.util.Arrays.fill(blk, 0);
    }

    /**
     * Replays the tokens of the next coded block (Theora I 7.7.2, 7.7.3): its AC coefficients go
     * into {@link #blk} in natural order, dequantized by {@code q} and truncated to 16 bits (7.9.2);
     * returns its NCOEFFS, the token index of its last visit or 64 after a coefficient in the last
     * place. The DC coefficient comes from {@link FrameState#dc} instead.
     */
    private int replayTokens(FrameState s, int[] q) {
        int[] tokens = s.tokens;
        int[] next = s.tokenNext;
        int[] out = blk;
        int[] zigzag = TheoraTables.ZIGZAG;
        int ti = 0;
        while (true) {
            int e = tokens[next[ti]++];
            if (e == TokenDecoder.END) {
                return ti;
            }
            int at = ti + (e & TokenDecoder.RUN);
            int z = zigzag[at];
            out[z] = (short) ((e >> 16) * q[z]);
            ti = at + 1;
            if (ti == 64) {
                return 64;
            }
        }
    }

    /**
     * Theora I 7.9.4: reconstructs the blocks of one super block row of plane {@code p} (block
     * rows 4 * sbRow to 4 * sbRow + 3) from the references. Coded blocks go in coded order, which
     * reads the coefficients in address order; uncoded blocks copy the co-located block of the
     * previous frame.
     */
    void reconstructRow(FrameState s, int p, int sbRow, byte[][] cur, byte[][] prev, byte[][] golden) {
        int sbw = (layout.fragWidth[p] + 3) >> 2;
        int firstSb = layout.sbStart[p] + sbRow * sbw;
        int from = s.sbCodedStart[firstSb];
        int to = s.sbCodedStart[firstSb + sbw];
        int[] list = s.codedList;
        int[] fx = layout.fragX;
        int[] fy = layout.fragY;
        byte[] dst = cur[p];
        for (int cbi = from; cbi < to; cbi++) {
            int f = list[cbi];
            reconstructBlock(s, f, cbi, p, fx[f] * 8, fy[f] * 8, dst, prev, golden);
        }
        if (s.codedCount == layout.nbs || prev == null) {
            return;
        }
        byte[] coded = s.coded;
        int fw = layout.fragWidth[p];
        int fh = layout.fragHeight[p];
        int pw = layout.planeWidth[p];
        int start = layout.fragStart[p];
        byte[] prv = prev[p];
        int yEnd = Math.min(4 * sbRow + 4, fh);
        for (int y = 4 * sbRow; y < yEnd; y++) {
            int row = start + y * fw;
            int x = 0;
            while (x < fw) {
                if (coded[row + x] != 0) {
                    x++;
                    continue;
                }
                // a run of uncoded blocks, copied row by row
                int x0 = x;
                while (x < fw && coded[row + x] == 0) {
                    x++;
                }
                int off = (y * pw + x0) * 8;
                int n = (x - x0) * 8;
                if (n == pw) {
                    // the whole block row: its 8 pixel rows are one piece
                    System.arraycopy(prv, off, dst, off, 8 * pw);
                    continue;
                }
                for (int r = 0; r < 8; r++) {
                    System.arraycopy(prv, off + r * pw, dst, off + r * pw, n);
                }
            }
        }
    }

    private void reconstructBlock(FrameState s, int f, int cbi, int p, int bx, int by, byte[] dst, byte[][] prev,
            byte[][] golden) {
        int pw = layout.planeWidth[p];
        int m = s.mode[f];
        boolean intra = m == TheoraTables.INTRA;
        int qi = (intra ? 0 : 3) + p;
        int nc = replayTokens(s, qmat[qi * 3 + s.qii[f]]);
        int off = by * pw + bx;
        int dcq = dcQuant[qi];
        int dc = (short) (s.dc[cbi] * dcq);
        if (intra) {
            if (nc <= 1) {
                // The DC coefficient alone: FFmpeg runs the whole transform, whose 64 outputs are
                // then one value.
                blk[0] = 0;
                byte v = Idct.clip(Idct.dcOnlyResidual(dc) + 128);
                for (int y = 0; y < 8; y++) {
                    int o = off + y * pw;
                    dst[o] = v;
                    dst[o + 1] = v;
                    dst[o + 2] = v;
                    dst[o + 3] = v;
                    dst[o + 4] = v;
                    dst[o + 5] = v;
                    dst[o + 6] = v;
                    dst[o + 7] = v;
                }
                return;
            }
            blk[0] = dc;
            Idct.reconstruct(blk, Idct.MAX_ROW[nc], res, dst, off, pw, null, 0);
            return;
        }
        byte[] ref = TheoraTables.REFERENCE_FRAME[m] == 2 ? golden[p] : prev[p];
        // The predictor is read where it lies in the reference when it can be; otherwise it is
        // built in dst first. The residual is added in the same pass that writes the block.
        int src = predictor(s, f, p, bx, by, ref, dst);
        byte[] pred = ref;
        if (src < 0) {
            pred = dst;
            src = off;
        }
        if (nc == 0) {
            // Only a DC coefficient (7.9.4 vii): one value for the whole block.
            int v = (dc + 15) >> 5;
            if (v == 0) {
                if (pred != dst) {
                    for (int y = 0; y < 8; y++) {
                        System.arraycopy(ref, src + y * pw, dst, off + y * pw, 8);
                    }
                }
                return;
            }
            for (int y = 0; y < 8; y++) {
                int o = off + y * pw;
                int a = src + y * pw;
                dst[o] = Idct.clip((pred[a] & 0xFF) + v);
                dst[o + 1] = Idct.clip((pred[a + 1] & 0xFF) + v);
                dst[o + 2] = Idct.clip((pred[a + 2] & 0xFF) + v);
                dst[o + 3] = Idct.clip((pred[a + 3] & 0xFF) + v);
                dst[o + 4] = Idct.clip((pred[a + 4] & 0xFF) + v);
                dst[o + 5] = Idct.clip((pred[a + 5] & 0xFF) + v);
                dst[o + 6] = Idct.clip((pred[a + 6] & 0xFF) + v);
                dst[o + 7] = Idct.clip((pred[a + 7] & 0xFF) + v);
            }
            return;
        }
        blk[0] = dc;
        Idct.reconstruct(blk, Idct.MAX_ROW[nc], res, dst, off, pw, pred, src);
    }

    /**
     * Theora I 7.9.1: the predictor of an inter block. A whole-pixel predictor that lies inside
     * the plane is left where it is: its offset in {@code ref} is returned. Any other (half-pixel,
     * or reaching outside the plane, whose edge pixels then extend it) is written into the block's
     * place in {@code dst}, and -1 is returned.
     */
    private int predictor(FrameState s, int f, int p, int bx, int by, byte[] ref, byte[] dst) {
        int pw = layout.planeWidth[p];
        int ph = layout.planeHeight[p];
        int mx = s.mvx[f];
        int my = s.mvy[f];
        boolean subX = p > 0 && layout.pixelFormat != TheoraInfo.PF_444;
        boolean subY = p > 0 && layout.pixelFormat == TheoraInfo.PF_420;
        int dx1 = subX ? mx / 4 : mx / 2;
        int dy1 = subY ? my / 4 : my / 2;
        int dx2 = dx1;
        int dy2 = dy1;
        if ((subX ? mx % 4 : mx % 2) != 0) {
            dx2 += mx > 0 ? 1 : -1;
        }
        if ((subY ? my % 4 : my % 2) != 0) {
            dy2 += my > 0 ? 1 : -1;
        }
        int off = by * pw + bx;
        int xLo = bx + Math.min(dx1, dx2);
        int xHi = bx + Math.max(dx1, dx2) + 7;
        int yLo = by + Math.min(dy1, dy2);
        int yHi = by + Math.max(dy1, dy2) + 7;
        boolean inside = xLo >= 0 && yLo >= 0 && xHi < pw && yHi < ph;
        if (dx1 == dx2 && dy1 == dy2) {
            if (inside) {
                return off + dy1 * pw + dx1;
            }
            for (int y = 0; y < 8; y++) {
                int ry = clamp(by + dy1 + y, ph - 1) * pw;
                int o = off + y * pw;
                for (int x = 0; x < 8; x++) {
                    dst[o + x] = ref[ry + clamp(bx + dx1 + x, pw - 1)];
                }
            }
            return -1;
        }
        if (inside) {
            int s1 = off + dy1 * pw + dx1;
            int s2 = off + dy2 * pw + dx2;
            for (int y = 0; y < 8; y++) {
                int o = off + y * pw;
                int a = s1 + y * pw;
                int b = s2 + y * pw;
                for (int x = 0; x < 8; x++) {
                    dst[o + x] = (byte) (((ref[a + x] & 0xFF) + (ref[b + x] & 0xFF)) >> 1);
                }
            }
            return -1;
        }
        for (int y = 0; y < 8; y++) {
            int ry1 = clamp(by + dy1 + y, ph - 1) * pw;
            int ry2 = clamp(by + dy2 + y, ph - 1) * pw;
            int o = off + y * pw;
            for (int x = 0; x < 8; x++) {
                int a = ref[ry1 + clamp(bx + dx1 + x, pw - 1)] & 0xFF;
                int b = ref[ry2 + clamp(bx + dx2 + x, pw - 1)] & 0xFF;
                dst[o + x] = (byte) ((a + b) >> 1);
            }
        }
        return -1;
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : v > max ? max : v;
    }
}
