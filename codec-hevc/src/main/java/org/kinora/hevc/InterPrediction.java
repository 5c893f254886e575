package org.kinora.hevc;

/**
 * Inter prediction sample kernels (H.265 8.5.3.3): fractional sample interpolation of one
 * prediction block from one reference picture (8.5.3.3.3.1 luma, 8.5.3.3.3.2 chroma, 4:2:0).
 * Bit depths 8 to 12. The weighted sample prediction (8.5.3.3.4) is {@link WeightedPrediction};
 * the paths that write the picture directly ({@link #lumaBi}, {@link #lumaUni}, {@link #copyUni}
 * and their chroma forms) do the weighting in the last filter pass instead of through
 * predSamplesLX.
 *
 * <p>Interpolation writes the intermediate array predSamplesLX, {@code w * h} values at
 * {@code dst[y * w + x]}, 14-bit precision as in the specification. The filters are separable:
 * the horizontal pass goes into a 16-bit scratch ({@code h + 7} rows for luma), the vertical
 * pass reads it; each fractional case (full sample, horizontal only, vertical only, both) has
 * its own loop. Reference sample coordinates are clamped to the picture as the specification
 * does (Clip3(0, pic_width - 1, ...)): when the block and its filter margin lie inside the
 * picture the kernels read the reference plane directly, otherwise the clamped area is first
 * copied into a scratch block and the same loops read that.
 *
 * <p>Range of the intermediate values. Chroma values and luma values with at most one fractional
 * component fit a signed 16-bit value. A luma value with both components fractional lies in
 * [-16893, 33271] (bit depth 12; [-16830, 33150] at 8 bits), which exceeds 32767 for contrived
 * reference content. Such a value is stored modulo 2^16 (as a negative {@code short}, below
 * -16893 and so never ambiguous) and the weighting functions read every value back as
 * {@code ((s + 0x6000) & 0xFFFF) - 0x6000}, which restores the exact value: output stays
 * bit-exact with the specification for every input. Code that reads predSamplesLX otherwise must
 * do the same.
 *
 * <p>An instance owns its scratch buffers and allocates nothing per call; it is not thread-safe.
 */
final class InterPrediction {
    /** Largest prediction block width or height. */
    static final int MAX_BLOCK = 64;

    /** Bias that maps every intermediate value into [0, 65535] (see the class comment). */
    static final int BIAS = 0x6000;

    // H.265 8.5.3.3.3.1: luma interpolation filter coefficients fL[yFrac][i], row 0 unused
    private static final int[] LUMA_FILTER = {
        0, 0, 0, 64, 0, 0, 0, 0,
        -1, 4, -10, 58, 17, -5, 1, 0,
        -1, 4, -11, 40, 40, -11, 4, -1,
        0, 1, -5, 17, 58, -10, 4, -1,
    };
    // H.265 8.5.3.3.3.2: chroma interpolation filter coefficients fC[xFrac][i], row 0 unused
    private static final int[] CHROMA_FILTER = {
        0, 64, 0, 0,
        -2, 58, 10, -2,
        -4, 54, 16, -2,
        -6, 46, 28, -4,
        -4, 36, 36, -4,
        -4, 28, 46, -6,
        -2, 16, 54, -4,
        -2, 10, 58, -2,
    };

    private static final int EDGE_STRIDE = MAX_BLOCK + 7;
    /** Clamped copy of the reference area when the block reaches outside the picture. */
    private final short[] edge = new short[EDGE_STRIDE * EDGE_STRIDE];
    /** Horizontal pass output, {@code h + 7} rows of {@code w}. */
    private final short[] tmp = new short[EDGE_STRIDE * MAX_BLOCK];
    /** predSamplesL1 of the bi-prediction paths that are not fused. */
    private final short[] pred = new short[MAX_BLOCK * MAX_BLOCK];
    /** Source of the block being predicted: the reference plane or {@link #edge}; set by {@link #source}. */
    private short[] src;
    private int srcStride;
    /** {@link Frame#luma8} of the reference the next luma call reads, or null; set by the caller. */
    byte[] ref8;
    /** {@link #ref8} when {@link #src} is the reference plane itself, else null; set by {@link #source}. */
    private byte[] src8;

    /**
     * Luma sample interpolation (H.265 8.5.3.3.3.1) of the {@code w} x {@code h} block at
     * ({@code xPb}, {@code yPb}) displaced by ({@code mvx}, {@code mvy}) in quarter samples.
     *
     * @param ref reference luma plane, sample (x, y) at {@code ref[y * stride + x]}
     * @param picW pic_width_in_luma_samples (coordinates are clamped to [0, picW - 1])
     * @param picH pic_height_in_luma_samples
     * @param bitDepth BitDepthY, 8 to 12
     * @param w block width, 1 to 64
     * @param h block height, 1 to 64
     * @param dst receives predSamplesLX[x][y] at {@code dst[y * w + x]}; nothing else is written
     */
    void lumaBlock(short[] ref, int stride, int picW, int picH, int bitDepth, int xPb, int yPb, int w, int h,
            int mvx, int mvy, short[] dst) {
        int xFrac = mvx & 3;
        int yFrac = mvy & 3;
        // (8-228, 8-229): top-left full-sample position
        int xInt = xPb + (mvx >> 2);
        int yInt = yPb + (mvy >> 2);
        int shift1 = bitDepth - 8 < 4 ? bitDepth - 8 : 4;
        int shift3 = 14 - bitDepth > 2 ? 14 - bitDepth : 2;
        int off = source(ref, stride, picW, picH, xInt, yInt, w, h, xFrac != 0 ? 3 : 0, yFrac != 0 ? 3 : 0, 3);
        short[] src = this.src;
        int sstride = srcStride;
        if (xFrac == 0) {
            if (yFrac == 0) {
                copyShift(src, off, sstride, w, h, shift3, dst);
            } else {
                lumaV(src, off, sstride, w, h, yFrac, shift1, dst);
            }
        } else if (yFrac == 0) {
            lumaH(src, off, sstride, w, h, xFrac, shift1, dst);
        } else {
            // rows yInt - 3 .. yInt + h + 3 filtered horizontally, then vertically with shift2 = 6
            lumaH(src, off - 3 * sstride, sstride, w, h + 7, xFrac, shift1, tmp);
            lumaV(tmp, 3 * w, w, w, h, yFrac, 6, dst);
        }
    }

    /**
     * Chroma sample interpolation (H.265 8.5.3.3.3.2) for 4:2:0 of the {@code wC} x {@code hC}
     * block at ({@code xPbC}, {@code yPbC}) in chroma samples, displaced by ({@code mvCx},
     * {@code mvCy}) in eighth chroma samples (mvCLX, numerically the luma vector for 4:2:0).
     *
     * @param ref reference chroma plane, sample (x, y) at {@code ref[y * stride + x]}
     * @param picW chroma plane width, pic_width_in_luma_samples / SubWidthC
     * @param picH chroma plane height
     * @param bitDepthC BitDepthC, 8 to 12
     * @param wC block width, 1 to 64
     * @param hC block height, 1 to 64
     * @param dst receives predSamplesLX[x][y] at {@code dst[y * wC + x]}; nothing else is written
     */
    void chromaBlock(short[] ref, int stride, int picW, int picH, int bitDepthC, int xPbC, int yPbC, int wC, int hC,
            int mvCx, int mvCy, short[] dst) {
        int xFrac = mvCx & 7;
        int yFrac = mvCy & 7;
        int xInt = xPbC + (mvCx >> 3);
        int yInt = yPbC + (mvCy >> 3);
        int shift1 = bitDepthC - 8 < 4 ? bitDepthC - 8 : 4;
        int shift3 = 14 - bitDepthC > 2 ? 14 - bitDepthC : 2;
        int off = source(ref, stride, picW, picH, xInt, yInt, wC, hC, xFrac != 0 ? 1 : 0, yFrac != 0 ? 1 : 0, 1);
        short[] src = this.src;
        int sstride = srcStride;
        if (xFrac == 0) {
            if (yFrac == 0) {
                copyShift(src, off, sstride, wC, hC, shift3, dst);
            } else {
                chromaV(src, off, sstride, wC, hC, yFrac, shift1, dst);
            }
        } else if (yFrac == 0) {
            chromaH(src, off, sstride, wC, hC, xFrac, shift1, dst);
        } else {
            chromaH(src, off - sstride, sstride, wC, hC + 3, xFrac, shift1, tmp);
            chromaV(tmp, wC, wC, wC, hC, yFrac, 6, dst);
        }
    }

    /**
     * Bi-prediction with default weights (H.265 8.5.3.3.4.2) of a luma block whose L0 samples are
     * already in {@code p0}: interpolates the L1 block as {@link #lumaBlock} does and, in the same
     * pass, writes Clip3(0, max, (predSamplesL0 + predSamplesL1 + offset2) >> shift2) to the
     * picture, sample (x, y) at {@code dst[dstOffset + y * dstStride + x]}; nothing else is written.
     * Arguments as in {@link #lumaBlock} and {@link WeightedPrediction#defaultBi}.
     */
    void lumaBi(short[] ref, int stride, int picW, int picH, int bitDepth, int xPb, int yPb, int w, int h, int mvx,
            int mvy, short[] p0, short[] dst, int dstStride, int dstOffset) {
        int xFrac = mvx & 3;
        int yFrac = mvy & 3;
        if (yFrac == 0 && xFrac != 0) {
            lumaBlock(ref, stride, picW, picH, bitDepth, xPb, yPb, w, h, mvx, mvy, pred);
            WeightedPrediction.defaultBi(p0, pred, w, h, bitDepth, dst, dstStride, dstOffset);
            return;
        }
        int off = source(ref, stride, picW, picH, xPb + (mvx >> 2), yPb + (mvy >> 2), w, h, xFrac != 0 ? 3 : 0,
                yFrac != 0 ? 3 : 0, 3);
        int shift1 = bitDepth - 8 < 4 ? bitDepth - 8 : 4;
        if (xFrac == 0 && yFrac == 0) {
            copyBi(src, off, srcStride, w, h, 14 - bitDepth > 2 ? 14 - bitDepth : 2, p0, bitDepth, dst, dstStride, dstOffset);
        } else if (xFrac == 0) {
            lumaVBi(src, off, srcStride, w, h, yFrac, shift1, p0, bitDepth, dst, dstStride, dstOffset);
        } else {
            lumaH(src, off - 3 * srcStride, srcStride, w, h + 7, xFrac, shift1, tmp);
            lumaVBi(tmp, 3 * w, w, w, h, yFrac, 6, p0, bitDepth, dst, dstStride, dstOffset);
        }
    }

    /** {@link #lumaBi} for a 4:2:0 chroma block; arguments as in {@link #chromaBlock} and {@link WeightedPrediction#defaultBi}. */
    void chromaBi(short[] ref, int stride, int picW, int picH, int bitDepthC, int xPbC, int yPbC, int wC, int hC,
            int mvCx, int mvCy, short[] p0, short[] dst, int dstStride, int dstOffset) {
        int xFrac = mvCx & 7;
        int yFrac = mvCy & 7;
        if (yFrac == 0 && xFrac != 0) {
            chromaBlock(ref, stride, picW, picH, bitDepthC, xPbC, yPbC, wC, hC, mvCx, mvCy, pred);
            WeightedPrediction.defaultBi(p0, pred, wC, hC, bitDepthC, dst, dstStride, dstOffset);
            return;
        }
        int off = source(ref, stride, picW, picH, xPbC + (mvCx >> 3), yPbC + (mvCy >> 3), wC, hC, xFrac != 0 ? 1 : 0,
                yFrac != 0 ? 1 : 0, 1);
        int shift1 = bitDepthC - 8 < 4 ? bitDepthC - 8 : 4;
        if (xFrac == 0 && yFrac == 0) {
            copyBi(src, off, srcStride, wC, hC, 14 - bitDepthC > 2 ? 14 - bitDepthC : 2, p0, bitDepthC, dst, dstStride, dstOffset);
        } else if (xFrac == 0) {
            chromaVBi(src, off, srcStride, wC, hC, yFrac, shift1, p0, bitDepthC, dst, dstStride, dstOffset);
        } else {
            chromaH(src, off - srcStride, srcStride, wC, hC + 3, xFrac, shift1, tmp);
            chromaVBi(tmp, wC, wC, wC, hC, yFrac, 6, p0, bitDepthC, dst, dstStride, dstOffset);
        }
    }

    /**
     * Uni-prediction of a luma block with weights (H.265 8.5.3.3.4.3, or 8.5.3.3.4.2 as the case
     * {@code w0 = 1}, {@code o0 = 0}, {@code log2Wd = 14 - bitDepth}): interpolates the block as
     * {@link #lumaBlock} does and writes Clip3(0, max, ((predSamples * w0 + 2^(log2Wd - 1)) >> log2Wd) + o0)
     * to {@code dst[dstOffset + y * dstStride + x]}; nothing else is written. {@code log2Wd}
     * is at least 1 (it is at least 14 - bitDepth); other arguments as in {@link #lumaBlock} and
     * {@link WeightedPrediction#explicitUni}.
     */
    void lumaUni(short[] ref, int stride, int picW, int picH, int bitDepth, int xPb, int yPb, int w, int h, int mvx,
            int mvy, int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int xFrac = mvx & 3;
        int yFrac = mvy & 3;
        if (yFrac == 0) {
            lumaBlock(ref, stride, picW, picH, bitDepth, xPb, yPb, w, h, mvx, mvy, pred);
            WeightedPrediction.explicitUni(pred, w, h, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
            return;
        }
        int off = source(ref, stride, picW, picH, xPb + (mvx >> 2), yPb + (mvy >> 2), w, h, xFrac != 0 ? 3 : 0, 3, 3);
        int shift1 = bitDepth - 8 < 4 ? bitDepth - 8 : 4;
        if (xFrac == 0) {
            lumaVUni(src, off, srcStride, w, h, yFrac, shift1, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        } else {
            lumaH(src, off - 3 * srcStride, srcStride, w, h + 7, xFrac, shift1, tmp);
            lumaVUni(tmp, 3 * w, w, w, h, yFrac, 6, bitDepth, log2Wd, w0, o0, dst, dstStride, dstOffset);
        }
    }

    /** {@link #lumaUni} for a 4:2:0 chroma block; arguments as in {@link #chromaBlock} and {@link #lumaUni}. */
    void chromaUni(short[] ref, int stride, int picW, int picH, int bitDepthC, int xPbC, int yPbC, int wC, int hC,
            int mvCx, int mvCy, int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int xFrac = mvCx & 7;
        int yFrac = mvCy & 7;
        if (yFrac == 0) {
            chromaBlock(ref, stride, picW, picH, bitDepthC, xPbC, yPbC, wC, hC, mvCx, mvCy, pred);
            WeightedPrediction.explicitUni(pred, wC, hC, bitDepthC, log2Wd, w0, o0, dst, dstStride, dstOffset);
            return;
        }
        int off = source(ref, stride, picW, picH, xPbC + (mvCx >> 3), yPbC + (mvCy >> 3), wC, hC, xFrac != 0 ? 1 : 0,
                1, 1);
        int shift1 = bitDepthC - 8 < 4 ? bitDepthC - 8 : 4;
        if (xFrac == 0) {
            vUni(src, off, srcStride, wC, hC, yFrac << 2, shift1, bitDepthC, log2Wd, w0, o0, dst, dstStride, dstOffset);
        } else {
            chromaH(src, off - srcStride, srcStride, wC, hC + 3, xFrac, shift1, tmp);
            vUni(tmp, wC, wC, wC, hC, yFrac << 2, 6, bitDepthC, log2Wd, w0, o0, dst, dstStride, dstOffset);
        }
    }

    /**
     * Uni-prediction with default weights of a block whose vector has no fractional part, in
     * luma or chroma: (refSample << shift3 + offset1) >> shift1 is the reference sample itself
     * (shift3 = shift1 = 14 - bitDepth for bit depths up to 12), so the clamped reference block
     * at ({@code xInt}, {@code yInt}) is copied to {@code dst[dstOffset + y * dstStride + x]}.
     */
    void copyUni(short[] ref, int stride, int picW, int picH, int xInt, int yInt, int w, int h, short[] dst,
            int dstStride, int dstOffset) {
        int off = source(ref, stride, picW, picH, xInt, yInt, w, h, 0, 0, 0);
        short[] s = src;
        int ss = srcStride;
        for (int y = 0; y < h; y++) {
            System.arraycopy(s, off + y * ss, dst, dstOffset + y * dstStride, w);
        }
    }

    /**
     * Chooses where the block at ({@code xInt}, {@code yInt}) and its filter margin ({@code mx}
     * columns left, {@code mx + 1} right, {@code my} rows above, {@code my + 1} below) are read
     * from: the reference plane itself when they lie inside the picture, otherwise a clamped copy
     * in {@link #edge} with a margin of {@code pad} on every side. Sets {@link #src} and
     * {@link #srcStride} and returns the offset of the block's first sample.
     */
    private int source(short[] ref, int stride, int picW, int picH, int xInt, int yInt, int w, int h, int mx, int my,
            int pad) {
        if (xInt - mx >= 0 && yInt - my >= 0 && xInt + w + (mx > 0 ? mx + 1 : 0) <= picW
                && yInt + h + (my > 0 ? my + 1 : 0) <= picH) {
            src = ref;
            src8 = ref8;
            srcStride = stride;
            return yInt * stride + xInt;
        }
        fillEdge(ref, stride, picW, picH, xInt - pad, yInt - pad, w + 2 * pad + 1, h + 2 * pad + 1);
        src = edge;
        src8 = null;
        srcStride = EDGE_STRIDE;
        return pad * EDGE_STRIDE + pad;
    }

    /** Full-sample L1 with the L0 samples: the default bi-prediction of a block with refSample << shift3. */
    private static void copyBi(short[] s, int off, int sstride, int w, int h, int shift3, short[] p0, int bitDepth,
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

    /**
     * {@link #lumaV} whose output is averaged with {@code p0} into the picture (see {@link #lumaBi});
     * one loop per fractional position as in {@link #lumaV}.
     */
    private static void lumaVBi(short[] s, int off, int sstride, int w, int h, int frac, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        if (frac == 1) {
            lumaVBi1(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        } else if (frac == 2) {
            lumaVBi2(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        } else {
            lumaVBi3(s, off, sstride, w, h, shift, p0, bitDepth, dst, dstStride, dstOffset);
        }
    }

    private static void lumaVBi1(short[] s, int off, int sstride, int w, int h, int shift, short[] p0, int bitDepth,
            short[] dst, int dstStride, int dstOffset) {
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

    private static void lumaVBi2(short[] s, int off, int sstride, int w, int h, int shift, short[] p0, int bitDepth,
            short[] dst, int dstStride, int dstOffset) {
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

    private static void lumaVBi3(short[] s, int off, int sstride, int w, int h, int shift, short[] p0, int bitDepth,
            short[] dst, int dstStride, int dstOffset) {
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

    /** {@link #chromaV} whose output is averaged with {@code p0} into the picture (see {@link #lumaBi}). */
    private static void chromaVBi(short[] s, int off, int sstride, int w, int h, int frac, int shift, short[] p0,
            int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int f = frac << 2;
        int c0 = CHROMA_FILTER[f];
        int c1 = CHROMA_FILTER[f + 1];
        int c2 = CHROMA_FILTER[f + 2];
        int c3 = CHROMA_FILTER[f + 3];
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - BIAS;
        for (int x = 0; x < w; x++) {
            int p = off - sstride + x;
            int a0 = s[p];
            int a1 = s[p + sstride];
            int a2 = s[p + 2 * sstride];
            p += 3 * sstride;
            for (int y = 0, i = x, d = dstOffset + x; y < h; y++, i += w, d += dstStride, p += sstride) {
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

    /**
     * 4-tap chroma vertical filter, coefficients {@code CHROMA_FILTER[f..f + 3]}, taps at y - 1 .. y + 2,
     * weighted into the picture as in {@link #lumaUni}. Runs down each column like {@link #lumaV}.
     */
    private static void vUni(short[] s, int off, int sstride, int w, int h, int f, int shift, int bitDepth,
            int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int rnd = 1 << (log2Wd - 1);
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

    /**
     * {@link #lumaV} weighted into the picture as in {@link #lumaUni}; one loop per fractional
     * position as in {@link #lumaV}, so that the 8 coefficients are constants.
     */
    private static void lumaVUni(short[] s, int off, int sstride, int w, int h, int frac, int shift, int bitDepth,
            int log2Wd, int w0, int o0, short[] dst, int dstStride, int dstOffset) {
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
            int d = dstOffset + x;
            if (frac == 1) {
                for (int y = 0; y < h; y++, d += dstStride, p += sstride) {
                    int v1 = (-a0 + 4 * a1 - 10 * a2 + 58 * a3 + 17 * a4 - 5 * a5 + a6) >> shift;
                    int v = ((v1 * w0 + rnd) >> log2Wd) + o0;
                    dst[d] = (short) (v < 0 ? 0 : (v > max ? max : v));
                    a0 = a1;
                    a1 = a2;
                    a2 = a3;
                    a3 = a4;
                    a4 = a5;
                    a5 = a6;
                    a6 = s[p];
                }
            } else if (frac == 2) {
                for (int y = 0; y < h; y++, d += dstStride, p += sstride) {
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
            } else {
                for (int y = 0; y < h; y++, d += dstStride, p += sstride) {
                    int a7 = s[p];
                    int v1 = (a1 - 5 * a2 + 17 * a3 + 58 * a4 - 10 * a5 + 4 * a6 - a7) >> shift;
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
    }

    /** Copies the {@code n} x {@code rows} area at (x0, y0), coordinates clamped to the picture, into {@link #edge}. */
    private void fillEdge(short[] ref, int stride, int picW, int picH, int x0, int y0, int n, int rows) {
        // columns [0, left) take sample 0 of their row, [right, n) sample picW - 1, the rest are copied
        int left = x0 < 0 ? (-x0 < n ? -x0 : n) : 0;
        int right = picW - x0 < n ? (picW - x0 > 0 ? picW - x0 : 0) : n;
        short[] e = edge;
        int maxY = picH - 1;
        for (int r = 0; r < rows; r++) {
            int y = y0 + r;
            int base = (y < 0 ? 0 : (y > maxY ? maxY : y)) * stride;
            int d = r * EDGE_STRIDE;
            if (r > 0 && (y <= 0 || y > maxY)) {
                System.arraycopy(e, d - EDGE_STRIDE, e, d, n); // same clamped row as the one before
                continue;
            }
            short first = ref[base];
            for (int i = 0; i < left; i++) {
                e[d + i] = first;
            }
            if (right > left) {
                System.arraycopy(ref, base + x0 + left, e, d + left, right - left);
            }
            short last = ref[base + picW - 1];
            for (int i = right; i < n; i++) {
                e[d + i] = last;
            }
        }
    }

    /** Full-sample case: predSample = refSample << shift3. */
    private static void copyShift(short[] src, int off, int sstride, int w, int h, int shift3, short[] dst) {
        int d = 0;
        for (int y = 0; y < h; y++) {
            int p = off + y * sstride;
            for (int x = 0; x < w; x++) {
                dst[d++] = (short) (src[p + x] << shift3);
            }
        }
    }

    /** 8-tap horizontal filter of {@code h} rows, taps x - 3 .. x + 4, fL[frac] of H.265 8.5.3.3.3.1: one loop per fraction, sliding along the row. */
    private void lumaH(short[] src, int off, int sstride, int w, int h, int frac, int shift, short[] dst) {
        if (shift == 0 && w >= 8 && src8 != null) {
            // 8-bit samples inside the picture: two outputs per operation, from the byte copy of the plane
            PackedFilters.luma(src8, off, sstride, w, h, frac, dst);
        } else if (frac == 1) {
            lumaH1(src, off, sstride, w, h, shift, dst);
        } else if (frac == 2) {
            lumaH2(src, off, sstride, w, h, shift, dst);
        } else {
            lumaH3(src, off, sstride, w, h, shift, dst);
        }
    }

    /** fL[1] = -1, 4, -10, 58, 17, -5, 1, 0. */
    private static void lumaH1(short[] src, int off, int sstride, int w, int h, int shift, short[] dst) {
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 3;
            int a0 = src[p];
            int a1 = src[p + 1];
            int a2 = src[p + 2];
            int a3 = src[p + 3];
            int a4 = src[p + 4];
            int a5 = src[p + 5];
            p += 6;
            for (int x = 0; x < w; x++) {
                int a6 = src[p + x];
                dst[d + x] = (short) ((a6 - a0 + 4 * a1 - 10 * a2 + 58 * a3 + 17 * a4 - 5 * a5) >> shift);
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /** fL[2] = -1, 4, -11, 40, 40, -11, 4, -1 (symmetric). */
    private static void lumaH2(short[] src, int off, int sstride, int w, int h, int shift, short[] dst) {
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 3;
            int a0 = src[p];
            int a1 = src[p + 1];
            int a2 = src[p + 2];
            int a3 = src[p + 3];
            int a4 = src[p + 4];
            int a5 = src[p + 5];
            int a6 = src[p + 6];
            p += 7;
            for (int x = 0; x < w; x++) {
                int a7 = src[p + x];
                dst[d + x] = (short) ((-a0 + 4 * a1 - 11 * a2 + 40 * a3 + 40 * a4 - 11 * a5 + 4 * a6 - a7) >> shift);
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

    /** fL[3] = 0, 1, -5, 17, 58, -10, 4, -1: taps at x - 2 .. x + 4. */
    private static void lumaH3(short[] src, int off, int sstride, int w, int h, int shift, short[] dst) {
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 2;
            int a0 = src[p];
            int a1 = src[p + 1];
            int a2 = src[p + 2];
            int a3 = src[p + 3];
            int a4 = src[p + 4];
            int a5 = src[p + 5];
            p += 6;
            for (int x = 0; x < w; x++) {
                int a6 = src[p + x];
                dst[d + x] = (short) ((a0 - 5 * a1 + 17 * a2 + 58 * a3 - 10 * a4 + 4 * a5 - a6) >> shift);
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /** 8-tap vertical filter, taps y - 3 .. y + 4, down each column with the taps in locals; one loop per fraction. */
    private static void lumaV(short[] src, int off, int sstride, int w, int h, int frac, int shift, short[] dst) {
        if (frac == 1) {
            lumaV1(src, off, sstride, w, h, shift, dst);
        } else if (frac == 2) {
            lumaV2(src, off, sstride, w, h, shift, dst);
        } else {
            lumaV3(src, off, sstride, w, h, shift, dst);
        }
    }

    private static void lumaV1(short[] src, int off, int sstride, int w, int h, int shift, short[] dst) {
        for (int x = 0; x < w; x++) {
            int p = off - 3 * sstride + x;
            int a0 = src[p];
            int a1 = src[p + sstride];
            int a2 = src[p + 2 * sstride];
            int a3 = src[p + 3 * sstride];
            int a4 = src[p + 4 * sstride];
            int a5 = src[p + 5 * sstride];
            p += 6 * sstride;
            for (int y = 0, d = x; y < h; y++, d += w, p += sstride) {
                int a6 = src[p];
                dst[d] = (short) ((a6 - a0 + 4 * a1 - 10 * a2 + 58 * a3 + 17 * a4 - 5 * a5) >> shift);
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    private static void lumaV2(short[] src, int off, int sstride, int w, int h, int shift, short[] dst) {
        for (int x = 0; x < w; x++) {
            int p = off - 3 * sstride + x;
            int a0 = src[p];
            int a1 = src[p + sstride];
            int a2 = src[p + 2 * sstride];
            int a3 = src[p + 3 * sstride];
            int a4 = src[p + 4 * sstride];
            int a5 = src[p + 5 * sstride];
            int a6 = src[p + 6 * sstride];
            p += 7 * sstride;
            for (int y = 0, d = x; y < h; y++, d += w, p += sstride) {
                int a7 = src[p];
                dst[d] = (short) ((-a0 + 4 * a1 - 11 * a2 + 40 * a3 + 40 * a4 - 11 * a5 + 4 * a6 - a7) >> shift);
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

    private static void lumaV3(short[] src, int off, int sstride, int w, int h, int shift, short[] dst) {
        for (int x = 0; x < w; x++) {
            int p = off - 2 * sstride + x;
            int a0 = src[p];
            int a1 = src[p + sstride];
            int a2 = src[p + 2 * sstride];
            int a3 = src[p + 3 * sstride];
            int a4 = src[p + 4 * sstride];
            int a5 = src[p + 5 * sstride];
            p += 6 * sstride;
            for (int y = 0, d = x; y < h; y++, d += w, p += sstride) {
                int a6 = src[p];
                dst[d] = (short) ((a0 - 5 * a1 + 17 * a2 + 58 * a3 - 10 * a4 + 4 * a5 - a6) >> shift);
                a0 = a1;
                a1 = a2;
                a2 = a3;
                a3 = a4;
                a4 = a5;
                a5 = a6;
            }
        }
    }

    /** 4-tap horizontal filter of {@code h} rows; taps at x - 1 .. x + 2, sliding along the row. */
    private static void chromaH(short[] src, int off, int sstride, int w, int h, int frac, int shift, short[] dst) {
        int f = frac << 2;
        int c0 = CHROMA_FILTER[f];
        int c1 = CHROMA_FILTER[f + 1];
        int c2 = CHROMA_FILTER[f + 2];
        int c3 = CHROMA_FILTER[f + 3];
        if (shift == 0 && w >= 8) {
            PackedFilters.chroma(src, off, sstride, w, h, c0, c1, c2, c3, dst); // 8-bit samples
            return;
        }
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 1;
            int a0 = src[p];
            int a1 = src[p + 1];
            int a2 = src[p + 2];
            p += 3;
            for (int x = 0; x < w; x++) {
                int a3 = src[p + x];
                dst[d + x] = (short) ((c0 * a0 + c1 * a1 + c2 * a2 + c3 * a3) >> shift);
                a0 = a1;
                a1 = a2;
                a2 = a3;
            }
        }
    }

    /** 4-tap vertical filter; taps at y - 1 .. y + 2, down each column like {@link #lumaV}. */
    private static void chromaV(short[] src, int off, int sstride, int w, int h, int frac, int shift, short[] dst) {
        int f = frac << 2;
        int c0 = CHROMA_FILTER[f];
        int c1 = CHROMA_FILTER[f + 1];
        int c2 = CHROMA_FILTER[f + 2];
        int c3 = CHROMA_FILTER[f + 3];
        for (int x = 0; x < w; x++) {
            int p = off - sstride + x;
            int a0 = src[p];
            int a1 = src[p + sstride];
            int a2 = src[p + 2 * sstride];
            p += 3 * sstride;
            for (int y = 0, d = x; y < h; y++, d += w, p += sstride) {
                int a3 = src[p];
                dst[d] = (short) ((c0 * a0 + c1 * a1 + c2 * a2 + c3 * a3) >> shift);
                a0 = a1;
                a1 = a2;
                a2 = a3;
            }
        }
    }
}
