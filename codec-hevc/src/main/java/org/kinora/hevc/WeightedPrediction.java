package org.kinora.hevc;

import static org.kinora.hevc.InterPrediction.BIAS;

/**
 * Weighted sample prediction (H.265 8.5.3.3.4): turns the predSamplesLX that
 * {@link InterPrediction} interpolated into final picture samples, with default weights
 * (8.5.3.3.4.2) or explicit ones (8.5.3.3.4.3). Every predSamplesLX value is read back through
 * the bias that undoes its 16-bit storage (see {@link InterPrediction}).
 */
final class WeightedPrediction {
    private WeightedPrediction() {
    }

    /**
     * Default weighted sample prediction (H.265 8.5.3.3.4.2) of a uni-predicted block:
     * Clip3(0, (1 << bitDepth) - 1, (predSamples + offset1) >> shift1), shift1 = 14 - bitDepth.
     *
     * @param pred predSamplesL0 or predSamplesL1, {@code pred[y * w + x]}, as the interpolation wrote it
     * @param bitDepth BitDepthY or BitDepthC of the component, 8 to 12
     * @param dst picture plane; sample (x, y) of the block goes to {@code dst[dstOffset + y * dstStride + x]}
     */
    static void defaultUni(short[] pred, int w, int h, int bitDepth, short[] dst, int dstStride, int dstOffset) {
        int shift1 = 14 - bitDepth;
        int max = (1 << bitDepth) - 1;
        // offset1 = 1 << (shift1 - 1), with the bias of the stored values folded in
        int add = (1 << (shift1 - 1)) - BIAS;
        int s = 0;
        for (int y = 0; y < h; y++) {
            int d = dstOffset + y * dstStride;
            for (int x = 0; x < w; x++) {
                int v = (((pred[s++] + BIAS) & 0xFFFF) + add) >> shift1;
                dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
            }
        }
    }

    /**
     * Default weighted sample prediction (H.265 8.5.3.3.4.2) of a bi-predicted block:
     * Clip3(0, (1 << bitDepth) - 1, (predSamplesL0 + predSamplesL1 + offset2) >> shift2),
     * shift2 = 15 - bitDepth. Arguments as in {@link #defaultUni}.
     */
    static void defaultBi(short[] p0, short[] p1, int w, int h, int bitDepth, short[] dst, int dstStride,
            int dstOffset) {
        int shift2 = 15 - bitDepth;
        int max = (1 << bitDepth) - 1;
        int add = (1 << (shift2 - 1)) - 2 * BIAS;
        int s = 0;
        for (int y = 0; y < h; y++) {
            int d = dstOffset + y * dstStride;
            for (int x = 0; x < w; x++, s++) {
                int v = (((p0[s] + BIAS) & 0xFFFF) + ((p1[s] + BIAS) & 0xFFFF) + add) >> shift2;
                dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
            }
        }
    }

    /**
     * Explicit weighted sample prediction (H.265 8.5.3.3.4.3) of a uni-predicted block:
     * Clip3(0, max, ((pred * w0 + 2^(log2WD - 1)) >> log2WD) + o0), or
     * Clip3(0, max, pred * w0 + o0) when log2WD &lt; 1.
     *
     * <p>The caller passes the variables of that clause for the component (cIdx) and the
     * reference index (refIdxLX) in use, with shift1 = 14 - bitDepth:
     * <ul>
     * <li>luma: {@code log2Wd = luma_log2_weight_denom + shift1}, {@code w0 = LumaWeightLX[refIdxLX]}
     * (that is {@code (1 << luma_log2_weight_denom) + delta_luma_weight_lX[refIdxLX]}, or
     * {@code 1 << luma_log2_weight_denom} when luma_weight_lX_flag is 0),
     * {@code o0 = luma_offset_lX[refIdxLX] << WpOffsetBdShiftY} (WpOffsetBdShiftY = BitDepthY - 8, or
     * 0 with high_precision_offsets_enabled_flag);</li>
     * <li>chroma: {@code log2Wd = ChromaLog2WeightDenom + shift1}, {@code w0 = ChromaWeightLX[refIdxLX][cIdx - 1]},
     * {@code o0 = ChromaOffsetLX[refIdxLX][cIdx - 1] << WpOffsetBdShiftC}.</li>
     * </ul>
     * For L1 pass the L1 weight and offset as {@code w0} and {@code o0}. Legal ranges: weights
     * -128..255, offsets (before the shift) -128..127, denominators 0..7.
     *
     * @param pred predSamplesLX as the interpolation wrote it
     * @param dst picture plane; sample (x, y) goes to {@code dst[dstOffset + y * dstStride + x]}
     */
    static void explicitUni(short[] pred, int w, int h, int bitDepth, int log2Wd, int w0, int o0, short[] dst,
            int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int s = 0;
        if (log2Wd >= 1) {
            // (v - BIAS) * w0 + round == u * w0 + (round - BIAS * w0)
            int add = (1 << (log2Wd - 1)) - BIAS * w0;
            for (int y = 0; y < h; y++) {
                int d = dstOffset + y * dstStride;
                for (int x = 0; x < w; x++) {
                    int v = ((((pred[s++] + BIAS) & 0xFFFF) * w0 + add) >> log2Wd) + o0;
                    dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                }
            }
        } else {
            int add = o0 - BIAS * w0;
            for (int y = 0; y < h; y++) {
                int d = dstOffset + y * dstStride;
                for (int x = 0; x < w; x++) {
                    int v = ((pred[s++] + BIAS) & 0xFFFF) * w0 + add;
                    dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                }
            }
        }
    }

    /**
     * Explicit weighted sample prediction (H.265 8.5.3.3.4.3) of a bi-predicted block:
     * Clip3(0, max, (p0 * w0 + p1 * w1 + ((o0 + o1 + 1) << log2WD)) >> (log2WD + 1)).
     * {@code log2Wd} as in {@link #explicitUni}; {@code w0}, {@code o0} are the L0 weight and offset
     * of refIdxL0 and {@code w1}, {@code o1} the L1 ones of refIdxL1, offsets already shifted left
     * by WpOffsetBdShift.
     */
    static void explicitBi(short[] p0, short[] p1, int w, int h, int bitDepth, int log2Wd, int w0, int w1, int o0,
            int o1, short[] dst, int dstStride, int dstOffset) {
        int max = (1 << bitDepth) - 1;
        int shift = log2Wd + 1;
        int add = ((o0 + o1 + 1) << log2Wd) - BIAS * (w0 + w1);
        int s = 0;
        for (int y = 0; y < h; y++) {
            int d = dstOffset + y * dstStride;
            for (int x = 0; x < w; x++, s++) {
                int v = (((p0[s] + BIAS) & 0xFFFF) * w0 + ((p1[s] + BIAS) & 0xFFFF) * w1 + add) >> shift;
                dst[d + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
            }
        }
    }
}
