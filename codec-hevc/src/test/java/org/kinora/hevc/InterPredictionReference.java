package org.kinora.hevc;

/**
 * Inter prediction written sample by sample from the equations of H.265 8.5.3.3.3 and
 * 8.5.3.3.4, with no attempt at speed: the reference that {@link InterPrediction} is compared to.
 * Intermediate values are exact {@code int}s.
 */
final class InterPredictionReference {
    private InterPredictionReference() {
    }

    private static final int[][] FL = {
        {0, 0, 0, 64, 0, 0, 0, 0},
        {-1, 4, -10, 58, 17, -5, 1, 0},
        {-1, 4, -11, 40, 40, -11, 4, -1},
        {0, 1, -5, 17, 58, -10, 4, -1},
    };
    private static final int[][] FC = {
        {0, 64, 0, 0},
        {-2, 58, 10, -2},
        {-4, 54, 16, -2},
        {-6, 46, 28, -4},
        {-4, 36, 36, -4},
        {-4, 28, 46, -6},
        {-2, 16, 54, -4},
        {-2, 10, 58, -2},
    };

    static int clip3(int lo, int hi, int v) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** 8.5.3.3.3.1: predSamplesLX[xL][yL] at out[yL * w + xL]. */
    static int[] luma(short[] ref, int stride, int picW, int picH, int bitDepth, int xPb, int yPb, int w, int h,
            int mvx, int mvy) {
        int shift1 = Math.min(4, bitDepth - 8);
        int shift2 = 6;
        int shift3 = Math.max(2, 14 - bitDepth);
        int[] out = new int[w * h];
        for (int yL = 0; yL < h; yL++) {
            for (int xL = 0; xL < w; xL++) {
                int xIntL = xPb + (mvx >> 2) + xL;
                int yIntL = yPb + (mvy >> 2) + yL;
                int xFracL = mvx & 3;
                int yFracL = mvy & 3;
                int[] xA = new int[8];
                int[] yA = new int[8];
                for (int i = 0; i < 8; i++) {
                    xA[i] = clip3(0, picW - 1, xIntL + i - 3);
                    yA[i] = clip3(0, picH - 1, yIntL + i - 3);
                }
                int v;
                if (xFracL == 0 && yFracL == 0) {
                    v = ref[yA[3] * stride + xA[3]] << shift3;
                } else if (yFracL == 0) {
                    v = 0;
                    for (int i = 0; i < 8; i++) {
                        v += FL[xFracL][i] * ref[yA[3] * stride + xA[i]];
                    }
                    v >>= shift1;
                } else if (xFracL == 0) {
                    v = 0;
                    for (int i = 0; i < 8; i++) {
                        v += FL[yFracL][i] * ref[yA[i] * stride + xA[3]];
                    }
                    v >>= shift1;
                } else {
                    int[] temp = new int[8];
                    for (int n = 0; n < 8; n++) {
                        for (int i = 0; i < 8; i++) {
                            temp[n] += FL[xFracL][i] * ref[yA[n] * stride + xA[i]];
                        }
                        temp[n] >>= shift1;
                    }
                    v = 0;
                    for (int i = 0; i < 8; i++) {
                        v += FL[yFracL][i] * temp[i];
                    }
                    v >>= shift2;
                }
                out[yL * w + xL] = v;
            }
        }
        return out;
    }

    /** 8.5.3.3.3.2 for 4:2:0 (mvC in eighth samples): predSamplesLX[xC][yC] at out[yC * w + xC]. */
    static int[] chroma(short[] ref, int stride, int picWC, int picHC, int bitDepthC, int xPbC, int yPbC, int w,
            int h, int mvCx, int mvCy) {
        int shift1 = Math.min(4, bitDepthC - 8);
        int shift2 = 6;
        int shift3 = Math.max(2, 14 - bitDepthC);
        int[] out = new int[w * h];
        for (int yC = 0; yC < h; yC++) {
            for (int xC = 0; xC < w; xC++) {
                int xIntC = xPbC + (mvCx >> 3) + xC;
                int yIntC = yPbC + (mvCy >> 3) + yC;
                int xFracC = mvCx & 7;
                int yFracC = mvCy & 7;
                int[] xB = new int[4];
                int[] yB = new int[4];
                for (int i = 0; i < 4; i++) {
                    xB[i] = clip3(0, picWC - 1, xIntC + i - 1);
                    yB[i] = clip3(0, picHC - 1, yIntC + i - 1);
                }
                int v;
                if (xFracC == 0 && yFracC == 0) {
                    v = ref[yB[1] * stride + xB[1]] << shift3;
                } else if (yFracC == 0) {
                    v = 0;
                    for (int i = 0; i < 4; i++) {
                        v += FC[xFracC][i] * ref[yB[1] * stride + xB[i]];
                    }
                    v >>= shift1;
                } else if (xFracC == 0) {
                    v = 0;
                    for (int i = 0; i < 4; i++) {
                        v += FC[yFracC][i] * ref[yB[i] * stride + xB[1]];
                    }
                    v >>= shift1;
                } else {
                    int[] temp = new int[4];
                    for (int n = 0; n < 4; n++) {
                        for (int i = 0; i < 4; i++) {
                            temp[n] += FC[xFracC][i] * ref[yB[n] * stride + xB[i]];
                        }
                        temp[n] >>= shift1;
                    }
                    v = 0;
                    for (int i = 0; i < 4; i++) {
                        v += FC[yFracC][i] * temp[i];
                    }
                    v >>= shift2;
                }
                out[yC * w + xC] = v;
            }
        }
        return out;
    }

    /** 8.5.3.3.4.2, predFlagL0 + predFlagL1 == 1 (8-262). */
    static int[] defaultUni(int[] pred, int bitDepth) {
        int shift1 = 14 - bitDepth;
        int offset1 = shift1 > 0 ? 1 << (shift1 - 1) : 0;
        int[] out = new int[pred.length];
        for (int i = 0; i < pred.length; i++) {
            out[i] = clip3(0, (1 << bitDepth) - 1, (pred[i] + offset1) >> shift1);
        }
        return out;
    }

    /** 8.5.3.3.4.2, bi-prediction. */
    static int[] defaultBi(int[] p0, int[] p1, int bitDepth) {
        int shift2 = 15 - bitDepth;
        int offset2 = 1 << (shift2 - 1);
        int[] out = new int[p0.length];
        for (int i = 0; i < p0.length; i++) {
            out[i] = clip3(0, (1 << bitDepth) - 1, (p0[i] + p1[i] + offset2) >> shift2);
        }
        return out;
    }

    /** 8.5.3.3.4.3, one list. */
    static int[] explicitUni(int[] pred, int bitDepth, int log2WD, int w0, int o0) {
        int[] out = new int[pred.length];
        for (int i = 0; i < pred.length; i++) {
            int v;
            if (log2WD >= 1) {
                v = ((pred[i] * w0 + (1 << (log2WD - 1))) >> log2WD) + o0;
            } else {
                v = pred[i] * w0 + o0;
            }
            out[i] = clip3(0, (1 << bitDepth) - 1, v);
        }
        return out;
    }

    /** 8.5.3.3.4.3, both lists. */
    static int[] explicitBi(int[] p0, int[] p1, int bitDepth, int log2WD, int w0, int w1, int o0, int o1) {
        int[] out = new int[p0.length];
        for (int i = 0; i < p0.length; i++) {
            out[i] = clip3(0, (1 << bitDepth) - 1,
                    (p0[i] * w0 + p1[i] * w1 + ((o0 + o1 + 1) << log2WD)) >> (log2WD + 1));
        }
        return out;
    }
}
