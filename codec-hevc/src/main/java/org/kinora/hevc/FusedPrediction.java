package org.kinora.hevc;

import static org.kinora.hevc.InterPrediction.BIAS;
import static org.kinora.hevc.InterPrediction.CHROMA_FILTER;

/**
 * The last filter pass of an inter prediction block, writing the picture (H.265 8.5.3.3.3 with
 * 8.5.3.3.4): the pass computes predSamplesLX of the block and, in the same loop, weights one
 * (uni-prediction, explicit or default weights) or averages it with the other list's samples
 * already in {@code p0} (default bi-prediction), clipping into
 * {@code dst[dstOffset + y * dstStride + x]}. Nothing else is written. {@link InterPrediction}
 * chooses the kernel and its source (the reference plane, a clamped copy of it, or its own
 * horizontal pass); {@code p0} values are read back through the bias of its 16-bit storage.
 *
 * <p>Luma kernels have one loop per fractional position with the coefficients as constants
 * (measurably faster on HotSpot than coefficients in variables); chroma ones take theirs from
 * the table.
 */
final class FusedPrediction {
    private FusedPrediction() {
    }

    /** Full-sample L1 with the L0 samples: the default bi-prediction of a block with refSample << shift3. */
    static void copyBi(short[] s, int off, int sstride, int w, int h, int shift3, short[] p0, int bitDepth,
            short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int y = 0, i = 0; y < h; y++, i += w) {
            int p = off + y * sstride;
            int d = dstOffset + y * dstStride;
            for (int x = 0; x < w; x++) {
                int v = (((p0[i + x] + BIAS) & 0xFFFF) + (s[p + x] << shift3) + add) >> shift2;
                dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
            }
        }
    }

    /** 4-tap vertical chroma filter, taps at y - 1 .. y + 2, averaged with {@code p0} into the picture. */
    static void chromaVBi(short[] s, int off, int sstride, int w, int h, int frac, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int f = frac << 2;
        int c0 = CHROMA_FILTER[f];
        int c1 = CHROMA_FILTER[f + 1];
        int c2 = CHROMA_FILTER[f + 2];
        int c3 = CHROMA_FILTER[f + 3];
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        int end = h * w;
        for (int x = 0; x < w; x++) {
            int p = off - sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            p += 3 * sstride;
            for (int i = x, d = dstOffset + x; i < end; i += w, d += dstStride, p += sstride) {
                int a3 = s[p];
                int v1 = (c0 * a0 + c1 * a1 + c2 * a2 + c3 * a3) >> shift;
                int v = (((p0[i] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
            }
        }
    }

    /** 4-tap vertical chroma filter, taps at y - 1 .. y + 2, weighted into the picture. */
    static void chromaVUni(short[] s, int off, int sstride, int w, int h, int frac, int shift,
            int bitDepth, int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        int f = frac << 2;
        int c0 = CHROMA_FILTER[f];
        int c1 = CHROMA_FILTER[f + 1];
        int c2 = CHROMA_FILTER[f + 2];
        int c3 = CHROMA_FILTER[f + 3];
        for (int x = 0; x < w; x++) {
            int p = off - sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            p += 3 * sstride;
            for (int y = 0, d = dstOffset + x; y < h; y++, d += dstStride, p += sstride) {
                int a3 = s[p];
                int v = ((((c0 * a0 + c1 * a1 + c2 * a2 + c3 * a3) >> shift) * w0 + rnd) >> log2Wd) + o0;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
            }
        }
    }

    /** 4-tap horizontal chroma filter, taps at x - 1 .. x + 2, weighted into the picture. */
    static void chromaHUni(short[] s, int off, int sstride, int w, int h, int frac, int shift,
            int bitDepth, int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        int f = frac << 2;
        int c0 = CHROMA_FILTER[f];
        int c1 = CHROMA_FILTER[f + 1];
        int c2 = CHROMA_FILTER[f + 2];
        int c3 = CHROMA_FILTER[f + 3];
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride - 1;
            int d = dstOffset + y * dstStride;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            p += 3;
            for (int x = 0; x < w; x++) {
                int a3 = s[p + x];
                int v = ((((c0 * a0 + c1 * a1 + c2 * a2 + c3 * a3) >> shift) * w0 + rnd) >> log2Wd) + o0;
                dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
            }
        }
    }

    /** 4-tap horizontal chroma filter, taps at x - 1 .. x + 2, averaged with {@code p0} into the picture. */
    static void chromaHBi(short[] s, int off, int sstride, int w, int h, int frac, int shift,
            short[] p0, int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        int f = frac << 2;
        int c0 = CHROMA_FILTER[f];
        int c1 = CHROMA_FILTER[f + 1];
        int c2 = CHROMA_FILTER[f + 2];
        int c3 = CHROMA_FILTER[f + 3];
        for (int y = 0, i = 0; y < h; y++, i += w) {
            int p = off + y * sstride - 1;
            int d = dstOffset + y * dstStride;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            p += 3;
            for (int x = 0; x < w; x++) {
                int a3 = s[p + x];
                int v1 = (c0 * a0 + c1 * a1 + c2 * a2 + c3 * a3) >> shift;
                int v = (((p0[i + x] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
            }
        }
    }

    /**
     * 8-tap vertical luma filter at fractional position {@code frac} (1 to 3), shifted right by
     * {@code shift} and averaged with {@code p0} into the picture (default weights, 8.5.3.3.4.2);
     * one loop per position with its coefficients as constants.
     */
    static void lumaVBi(short[] s, int off, int sstride, int w, int h, int frac, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        if (frac == 1) {
            lumaVBi1(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        } else if (frac == 2) {
            lumaVBi2(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        } else {
            lumaVBi3(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        }
    }

    /** fL[1] = -1, 4, -10, 58, 17, -5, 1, 0, down each column. */
    private static void lumaVBi1(short[] s, int off, int sstride, int w, int h, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int x = 0; x < w; x++) {
            int p = off - 3 * sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            int a3 = s[p + 3 * sstride];
            int a4 = s[p + 4 * sstride];
            int a5 = s[p + 5 * sstride];
            p += 6 * sstride;
            for (int y = 0, i = x, d = dstOffset + x; y < h; y++, i += w, d += dstStride, p += sstride) {
                int a6 = s[p];
                int v1 = (a6 - a0 + 4 * a1 - 10 * a2 + 58 * a3 + 17 * a4 - 5 * a5) >> shift;
                int v = (((p0[i] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /** fL[2] = -1, 4, -11, 40, 40, -11, 4, -1, down each column. */
    private static void lumaVBi2(short[] s, int off, int sstride, int w, int h, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int x = 0; x < w; x++) {
            int p = off - 3 * sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            int a3 = s[p + 3 * sstride];
            int a4 = s[p + 4 * sstride];
            int a5 = s[p + 5 * sstride];
            int a6 = s[p + 6 * sstride];
            p += 7 * sstride;
            for (int y = 0, i = x, d = dstOffset + x; y < h; y++, i += w, d += dstStride, p += sstride) {
                int a7 = s[p];
                int v1 = (-a0 + 4 * a1 - 11 * a2 + 40 * a3 + 40 * a4 - 11 * a5 + 4 * a6 - a7) >> shift;
                int v = (((p0[i] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
                a6 = a7;
            }
        }
    }

    /** fL[3] = 0, 1, -5, 17, 58, -10, 4, -1, down each column. */
    private static void lumaVBi3(short[] s, int off, int sstride, int w, int h, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int x = 0; x < w; x++) {
            int p = off - 2 * sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            int a3 = s[p + 3 * sstride];
            int a4 = s[p + 4 * sstride];
            int a5 = s[p + 5 * sstride];
            p += 6 * sstride;
            for (int y = 0, i = x, d = dstOffset + x; y < h; y++, i += w, d += dstStride, p += sstride) {
                int a6 = s[p];
                int v1 = (a0 - 5 * a1 + 17 * a2 + 58 * a3 - 10 * a4 + 4 * a5 - a6) >> shift;
                int v = (((p0[i] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /**
     * 8-tap horizontal luma filter at fractional position {@code frac} (1 to 3), shifted right by
     * {@code shift} and averaged with {@code p0} into the picture (default weights, 8.5.3.3.4.2);
     * one loop per position with its coefficients as constants.
     */
    static void lumaHBi(short[] s, int off, int sstride, int w, int h, int frac, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        if (frac == 1) {
            lumaHBi1(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        } else if (frac == 2) {
            lumaHBi2(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        } else {
            lumaHBi3(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        }
    }

    /** fL[1] = -1, 4, -10, 58, 17, -5, 1, 0, along each row. */
    private static void lumaHBi1(short[] s, int off, int sstride, int w, int h, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride - 3;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            int a3 = s[p + 3];
            int a4 = s[p + 4];
            int a5 = s[p + 5];
            p += 6;
            for (int x = 0, i = y * w, d = dstOffset + y * dstStride; x < w; x++, i++, d++) {
                int a6 = s[p + x];
                int v1 = (a6 - a0 + 4 * a1 - 10 * a2 + 58 * a3 + 17 * a4 - 5 * a5) >> shift;
                int v = (((p0[i] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /** fL[2] = -1, 4, -11, 40, 40, -11, 4, -1, along each row. */
    private static void lumaHBi2(short[] s, int off, int sstride, int w, int h, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride - 3;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            int a3 = s[p + 3];
            int a4 = s[p + 4];
            int a5 = s[p + 5];
            int a6 = s[p + 6];
            p += 7;
            for (int x = 0, i = y * w, d = dstOffset + y * dstStride; x < w; x++, i++, d++) {
                int a7 = s[p + x];
                int v1 = (-a0 + 4 * a1 - 11 * a2 + 40 * a3 + 40 * a4 - 11 * a5 + 4 * a6 - a7) >> shift;
                int v = (((p0[i] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
                a6 = a7;
            }
        }
    }

    /** fL[3] = 0, 1, -5, 17, 58, -10, 4, -1, along each row. */
    private static void lumaHBi3(short[] s, int off, int sstride, int w, int h, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride - 2;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            int a3 = s[p + 3];
            int a4 = s[p + 4];
            int a5 = s[p + 5];
            p += 6;
            for (int x = 0, i = y * w, d = dstOffset + y * dstStride; x < w; x++, i++, d++) {
                int a6 = s[p + x];
                int v1 = (a0 - 5 * a1 + 17 * a2 + 58 * a3 - 10 * a4 + 4 * a5 - a6) >> shift;
                int v = (((p0[i] + BIAS) & 0xFFFF) + v1 + add) >> shift2;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /**
     * 8-tap vertical luma filter at fractional position {@code frac} (1 to 3), shifted right by
     * {@code shift} and weighted into the picture (8.5.3.3.4.3; default weights as w0 = 1,
     * o0 = 0, log2Wd = 14 - bitDepth); one loop per position with its coefficients as constants.
     */
    static void lumaVUni(short[] s, int off, int sstride, int w, int h, int frac, int shift, int bitDepth,
            int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        if (frac == 1) {
            lumaVUni1(s, off, sstride, w, h, shift, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        } else if (frac == 2) {
            lumaVUni2(s, off, sstride, w, h, shift, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        } else {
            lumaVUni3(s, off, sstride, w, h, shift, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        }
    }

    /** fL[1] = -1, 4, -10, 58, 17, -5, 1, 0, down each column. */
    private static void lumaVUni1(short[] s, int off, int sstride, int w, int h, int shift, int bitDepth, int log2Wd,
            int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        for (int x = 0; x < w; x++) {
            int p = off - 3 * sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            int a3 = s[p + 3 * sstride];
            int a4 = s[p + 4 * sstride];
            int a5 = s[p + 5 * sstride];
            p += 6 * sstride;
            for (int y = 0, i = x, d = dstOffset + x; y < h; y++, i += w, d += dstStride, p += sstride) {
                int a6 = s[p];
                int v1 = (a6 - a0 + 4 * a1 - 10 * a2 + 58 * a3 + 17 * a4 - 5 * a5) >> shift;
                int v = ((v1 * w0 + rnd) >> log2Wd) + o0;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /** fL[2] = -1, 4, -11, 40, 40, -11, 4, -1, down each column. */
    private static void lumaVUni2(short[] s, int off, int sstride, int w, int h, int shift, int bitDepth, int log2Wd,
            int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        for (int x = 0; x < w; x++) {
            int p = off - 3 * sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            int a3 = s[p + 3 * sstride];
            int a4 = s[p + 4 * sstride];
            int a5 = s[p + 5 * sstride];
            int a6 = s[p + 6 * sstride];
            p += 7 * sstride;
            for (int y = 0, i = x, d = dstOffset + x; y < h; y++, i += w, d += dstStride, p += sstride) {
                int a7 = s[p];
                int v1 = (-a0 + 4 * a1 - 11 * a2 + 40 * a3 + 40 * a4 - 11 * a5 + 4 * a6 - a7) >> shift;
                int v = ((v1 * w0 + rnd) >> log2Wd) + o0;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
                a6 = a7;
            }
        }
    }

    /** fL[3] = 0, 1, -5, 17, 58, -10, 4, -1, down each column. */
    private static void lumaVUni3(short[] s, int off, int sstride, int w, int h, int shift, int bitDepth, int log2Wd,
            int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        for (int x = 0; x < w; x++) {
            int p = off - 2 * sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            int a3 = s[p + 3 * sstride];
            int a4 = s[p + 4 * sstride];
            int a5 = s[p + 5 * sstride];
            p += 6 * sstride;
            for (int y = 0, i = x, d = dstOffset + x; y < h; y++, i += w, d += dstStride, p += sstride) {
                int a6 = s[p];
                int v1 = (a0 - 5 * a1 + 17 * a2 + 58 * a3 - 10 * a4 + 4 * a5 - a6) >> shift;
                int v = ((v1 * w0 + rnd) >> log2Wd) + o0;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /**
     * 8-tap horizontal luma filter at fractional position {@code frac} (1 to 3), shifted right by
     * {@code shift} and weighted into the picture (8.5.3.3.4.3; default weights as w0 = 1,
     * o0 = 0, log2Wd = 14 - bitDepth); one loop per position with its coefficients as constants.
     */
    static void lumaHUni(short[] s, int off, int sstride, int w, int h, int frac, int shift, int bitDepth,
            int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        if (frac == 1) {
            lumaHUni1(s, off, sstride, w, h, shift, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        } else if (frac == 2) {
            lumaHUni2(s, off, sstride, w, h, shift, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        } else {
            lumaHUni3(s, off, sstride, w, h, shift, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        }
    }

    /** fL[1] = -1, 4, -10, 58, 17, -5, 1, 0, along each row. */
    private static void lumaHUni1(short[] s, int off, int sstride, int w, int h, int shift, int bitDepth, int log2Wd,
            int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride - 3;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            int a3 = s[p + 3];
            int a4 = s[p + 4];
            int a5 = s[p + 5];
            p += 6;
            for (int x = 0, i = y * w, d = dstOffset + y * dstStride; x < w; x++, i++, d++) {
                int a6 = s[p + x];
                int v1 = (a6 - a0 + 4 * a1 - 10 * a2 + 58 * a3 + 17 * a4 - 5 * a5) >> shift;
                int v = ((v1 * w0 + rnd) >> log2Wd) + o0;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /** fL[2] = -1, 4, -11, 40, 40, -11, 4, -1, along each row. */
    private static void lumaHUni2(short[] s, int off, int sstride, int w, int h, int shift, int bitDepth, int log2Wd,
            int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride - 3;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            int a3 = s[p + 3];
            int a4 = s[p + 4];
            int a5 = s[p + 5];
            int a6 = s[p + 6];
            p += 7;
            for (int x = 0, i = y * w, d = dstOffset + y * dstStride; x < w; x++, i++, d++) {
                int a7 = s[p + x];
                int v1 = (-a0 + 4 * a1 - 11 * a2 + 40 * a3 + 40 * a4 - 11 * a5 + 4 * a6 - a7) >> shift;
                int v = ((v1 * w0 + rnd) >> log2Wd) + o0;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
                a6 = a7;
            }
        }
    }

    /** fL[3] = 0, 1, -5, 17, 58, -10, 4, -1, along each row. */
    private static void lumaHUni3(short[] s, int off, int sstride, int w, int h, int shift, int bitDepth, int log2Wd,
            int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride - 2;
            int a0 = s[p];
            int a1 = s[p + 1];
            int a2 = s[p + 2];
            int a3 = s[p + 3];
            int a4 = s[p + 4];
            int a5 = s[p + 5];
            p += 6;
            for (int x = 0, i = y * w, d = dstOffset + y * dstStride; x < w; x++, i++, d++) {
                int a6 = s[p + x];
                int v1 = (a0 - 5 * a1 + 17 * a2 + 58 * a3 - 10 * a4 + 4 * a5 - a6) >> shift;
                int v = ((v1 * w0 + rnd) >> log2Wd) + o0;
                dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }
}
