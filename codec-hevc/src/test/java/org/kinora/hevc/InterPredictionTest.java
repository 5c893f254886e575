package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link InterPrediction} against {@link InterPredictionReference} on random blocks (fixed seed):
 * every block size including the asymmetric ones, every fractional phase, vectors reaching far
 * outside the picture on every side, bit depths 8, 10 and 12, random legal weights, offsets and
 * denominators. Every destination is surrounded by guard values that must survive.
 */
class InterPredictionTest {
    /** Luma prediction block widths and heights (8x8 CUs give 8x4 and 4x8, AMP 64 gives 16 and 48). */
    private static final int[] SIZES = {4, 8, 12, 16, 24, 32, 48, 64};
    private static final short GUARD = (short) 0x5A3C;
    private static final int[] DEPTHS = {8, 10, 8, 10, 12};
    /** Range of luma predSamplesLX at bit depth 12 (the widest). */
    private static final int PRED_MIN = -16893;
    private static final int PRED_MAX = 33271;

    private static final class Picture {
        final int w;
        final int h;
        final int stride;
        final int bitDepth;
        final short[] samples;
        /** At 8 bits, the samples as bytes, as {@link Frame#luma8} keeps them (padding included); else null. */
        final byte[] bytes;

        Picture(Random r, int w, int h, int bitDepth) {
            this.w = w;
            this.h = h;
            this.bitDepth = bitDepth;
            this.stride = w + r.nextInt(6);
            this.samples = new short[stride * h];
            int max = (1 << bitDepth) - 1;
            int kind = r.nextInt(3);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < stride; x++) {
                    int v;
                    if (x >= w) {
                        v = 0x7FFF; // padding that must never be read
                    } else if (kind == 0) {
                        v = r.nextInt(max + 1);
                    } else if (kind == 1) {
                        v = r.nextBoolean() ? max : 0;
                    } else {
                        v = Math.min(max, Math.max(0, (x * 7 + y * 5) * max / (7 * w + 5 * h) + r.nextInt(9) - 4));
                    }
                    samples[y * stride + x] = (short) v;
                }
            }
            bytes = bitDepth == 8 ? new byte[samples.length] : null;
            for (int i = 0; bytes != null && i < samples.length; i++) {
                bytes[i] = (byte) samples[i];
            }
        }

        /**
         * What the decoder hands the kernels with a reference: every other 8-bit trial the byte
         * copy (the packed filters read it), else none (the plain filters read the samples).
         */
        byte[] bytesFor(int trial) {
            return (trial & 1) == 0 ? bytes : null;
        }
    }

    /** A vector component in units of 1/{@code unit} samples for a block at {@code pos} of size {@code n} in a plane of {@code size}. */
    private static int mv(Random r, int pos, int n, int size, int unit) {
        int frac = r.nextInt(unit);
        switch (r.nextInt(6)) {
            case 0:
            case 5: // small
                return r.nextInt(80 * unit / 4 + 1) - 40 * unit / 4;
            case 1: { // the block crosses or touches an edge of the picture
                int target = r.nextInt(size + 2 * n + 16) - n - 8;
                return (target - pos) * unit + frac;
            }
            case 2: { // far outside, either side
                int far = (size + n + r.nextInt(3000)) * unit + frac;
                return r.nextBoolean() ? far : -far;
            }
            case 3: // extremes of the syntax range
                return r.nextBoolean() ? 32767 - r.nextInt(8) : -32768 + r.nextInt(8);
            default:
                return r.nextInt(65536) - 32768;
        }
    }

    @Test
    void lumaMatchesReference() {
        Random r = new Random(0x4856_4331L);
        InterPrediction ip = new InterPrediction();
        short[] dst = new short[64 * 64 + 64];
        boolean[] phases = new boolean[16];
        int edgeBlocks = 0;
        int byteBlocks = 0;
        for (int t = 0; t < 4000; t++) {
            int bitDepth = DEPTHS[r.nextInt(DEPTHS.length)];
            Picture pic = new Picture(r, 8 + r.nextInt(250), 8 + r.nextInt(180), bitDepth);
            int w = SIZES[r.nextInt(SIZES.length)];
            int h = SIZES[r.nextInt(SIZES.length)];
            int xPb = r.nextInt(pic.w);
            int yPb = r.nextInt(pic.h);
            int mvx = mv(r, xPb, w, pic.w, 4);
            int mvy = mv(r, yPb, h, pic.h, 4);
            phases[(mvy & 3) * 4 + (mvx & 3)] = true;
            int xi = xPb + (mvx >> 2);
            int yi = yPb + (mvy >> 2);
            if (xi < 3 || yi < 3 || xi + w + 4 > pic.w || yi + h + 4 > pic.h) {
                edgeBlocks++;
            }
            java.util.Arrays.fill(dst, GUARD);
            ip.ref8 = pic.bytesFor(t);
            if (ip.ref8 != null && w >= 8) {
                byteBlocks++;
            }
            ip.lumaBlock(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h, mvx, mvy, dst);
            int[] ref = InterPredictionReference.luma(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h,
                    mvx, mvy);
            check("luma", t, ref, dst, w, h);
        }
        for (int p = 0; p < 16; p++) {
            assertTrue(phases[p], "phase " + p + " exercised");
        }
        assertTrue(edgeBlocks > 1000 && edgeBlocks < 3800, "edge and inner blocks both exercised: " + edgeBlocks);
        assertTrue(byteBlocks > 500, "8-bit blocks read from the byte copy: " + byteBlocks);
    }

    @Test
    void chromaMatchesReference() {
        Random r = new Random(0x4856_4332L);
        InterPrediction ip = new InterPrediction();
        short[] dst = new short[64 * 64 + 64];
        boolean[] phases = new boolean[64];
        for (int t = 0; t < 4000; t++) {
            int bitDepth = DEPTHS[r.nextInt(DEPTHS.length)];
            Picture pic = new Picture(r, 4 + r.nextInt(80), 4 + r.nextInt(60), bitDepth);
            // 4:2:0 chroma blocks of the luma sizes, plus widths up to 64 for other formats
            int w = t % 8 == 7 ? SIZES[r.nextInt(SIZES.length)] : SIZES[r.nextInt(SIZES.length)] / 2;
            int h = t % 8 == 7 ? SIZES[r.nextInt(SIZES.length)] : SIZES[r.nextInt(SIZES.length)] / 2;
            int xPb = r.nextInt(pic.w);
            int yPb = r.nextInt(pic.h);
            int mvx = mv(r, xPb, w, pic.w, 8);
            int mvy = mv(r, yPb, h, pic.h, 8);
            phases[(mvy & 7) * 8 + (mvx & 7)] = true;
            java.util.Arrays.fill(dst, GUARD);
            ip.chromaBlock(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h, mvx, mvy, dst);
            int[] ref = InterPredictionReference.chroma(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w,
                    h, mvx, mvy);
            check("chroma", t, ref, dst, w, h);
        }
        for (int p = 0; p < 64; p++) {
            assertTrue(phases[p], "phase " + p + " exercised");
        }
    }

    /**
     * The paths that write the picture directly: bi-prediction fused with the L1 interpolation
     * ({@code lumaBi}, {@code chromaBi}), uni-prediction with explicit or default weights fused
     * with the interpolation ({@code lumaUni}, {@code chromaUni}) and the copy of a full-sample
     * uni-predicted block ({@code copyUni}), against the reference interpolation followed by the
     * reference weighting, in a plane with guard samples around the block.
     */
    @Test
    void fusedPathsMatchReference() {
        Random r = new Random(0x4856_4334L);
        InterPrediction ip = new InterPrediction();
        short[] p0 = new short[64 * 64];
        int[] kinds = new int[9];
        for (int t = 0; t < 9000; t++) {
            int bitDepth = DEPTHS[r.nextInt(DEPTHS.length)];
            boolean luma = r.nextBoolean();
            int unit = luma ? 4 : 8;
            Picture pic = luma ? new Picture(r, 8 + r.nextInt(250), 8 + r.nextInt(180), bitDepth)
                    : new Picture(r, 4 + r.nextInt(80), 4 + r.nextInt(60), bitDepth);
            int w = luma ? SIZES[r.nextInt(SIZES.length)] : SIZES[r.nextInt(SIZES.length)] / 2;
            int h = luma ? SIZES[r.nextInt(SIZES.length)] : SIZES[r.nextInt(SIZES.length)] / 2;
            int xPb = r.nextInt(pic.w);
            int yPb = r.nextInt(pic.h);
            int mvx = mv(r, xPb, w, pic.w, unit);
            int mvy = mv(r, yPb, h, pic.h, unit);
            int phase = r.nextInt(4);
            if (phase == 1 || phase == 3) {
                mvx &= ~(unit - 1); // full sample horizontally
            }
            if (phase == 2 || phase == 3) {
                mvy &= ~(unit - 1);
            }
            boolean copy = (mvx & (unit - 1)) == 0 && (mvy & (unit - 1)) == 0 && r.nextBoolean();
            int[] l1 = luma
                    ? InterPredictionReference.luma(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h, mvx, mvy)
                    : InterPredictionReference.chroma(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h,
                            mvx, mvy);
            int g = 1 + r.nextInt(3);
            int stride = w + 2 * g + r.nextInt(5);
            short[] plane = new short[stride * (h + 2 * g)];
            int offset = g * stride + g;
            java.util.Arrays.fill(plane, GUARD);
            ip.ref8 = luma ? pic.bytesFor(t) : null; // as the decoder sets it
            int[] expected;
            if (copy) {
                int sh = luma ? 2 : 3;
                ip.copyUni(pic.samples, pic.stride, pic.w, pic.h, xPb + (mvx >> sh), yPb + (mvy >> sh), w, h, plane,
                        stride, offset);
                expected = InterPredictionReference.defaultUni(l1, bitDepth);
                kinds[4]++;
            } else if (r.nextBoolean()) {
                int denom = r.nextInt(8);
                int log2Wd = denom + 14 - bitDepth;
                int w0 = (1 << denom) + r.nextInt(256) - 128;
                int o0 = (r.nextInt(256) - 128) << (bitDepth - 8);
                if (r.nextInt(4) == 0) { // default weights
                    log2Wd = 14 - bitDepth;
                    w0 = 1;
                    o0 = 0;
                }
                if (luma) {
                    ip.lumaUni(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h, mvx, mvy, log2Wd, w0, o0,
                            plane, stride, offset);
                } else {
                    ip.chromaUni(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h, mvx, mvy, log2Wd, w0,
                            o0, plane, stride, offset);
                }
                expected = InterPredictionReference.explicitUni(l1, bitDepth, log2Wd, w0, o0);
                kinds[5 + phase]++;
            } else {
                int[] l0 = randomPred(r, w * h, bitDepth);
                short[] s0 = stored(l0);
                System.arraycopy(s0, 0, p0, 0, s0.length);
                if (luma) {
                    ip.lumaBi(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h, mvx, mvy, p0, plane,
                            stride, offset);
                } else {
                    ip.chromaBi(pic.samples, pic.stride, pic.w, pic.h, bitDepth, xPb, yPb, w, h, mvx, mvy, p0, plane,
                            stride, offset);
                }
                expected = InterPredictionReference.defaultBi(l0, l1, bitDepth);
                kinds[phase]++;
            }
            for (int y = 0; y < h + 2 * g; y++) {
                for (int x = 0; x < stride; x++) {
                    short got = plane[y * stride + x];
                    boolean inside = y >= g && y < g + h && x >= g && x < g + w;
                    if (inside && got != expected[(y - g) * w + (x - g)]) {
                        fail("case " + java.util.Arrays.toString(kinds) + (luma ? " luma" : " chroma") + " trial " + t + " " + w + "x" + h
                                + " mv " + mvx + "," + mvy + " depth " + bitDepth + " at " + (x - g) + "," + (y - g)
                                + ": expected " + expected[(y - g) * w + (x - g)] + " got " + got);
                    }
                    if (!inside && got != GUARD) {
                        fail("trial " + t + " wrote outside the block at " + x + "," + y);
                    }
                }
            }
        }
        for (int k = 0; k < kinds.length; k++) {
            assertTrue(kinds[k] > 300, "case " + k + " exercised: " + kinds[k]);
        }
    }

    private static void check(String what, int t, int[] ref, short[] dst, int w, int h) {
        for (int i = 0; i < w * h; i++) {
            if ((short) ref[i] != dst[i]) {
                fail(what + " block " + t + " (" + w + "x" + h + ") sample " + (i % w) + "," + (i / w) + ": expected "
                        + ref[i] + " got " + dst[i]);
            }
        }
        for (int i = w * h; i < dst.length; i++) {
            if (dst[i] != GUARD) {
                fail(what + " block " + t + " wrote outside its " + w + "x" + h + " destination at " + i);
            }
        }
    }

    /** Random predSamples across the whole range, stored as the interpolation stores them. */
    private static int[] randomPred(Random r, int n, int bitDepth) {
        int[] p = new int[n];
        int kind = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (kind == 0) {
                p[i] = PRED_MIN + r.nextInt(PRED_MAX - PRED_MIN + 1);
            } else {
                // what real content gives: samples << shift3 give or take a little overshoot
                int s = r.nextInt(1 << bitDepth) << (14 - bitDepth);
                p[i] = Math.max(PRED_MIN, Math.min(PRED_MAX, s + (kind == 1 ? r.nextInt(2001) - 1000 : 0)));
            }
        }
        return p;
    }

    private static short[] stored(int[] p) {
        short[] s = new short[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = (short) p[i];
        }
        return s;
    }

    @Test
    void weightedPredictionMatchesReference() {
        Random r = new Random(0x4856_4333L);
        int[] sizes = {2, 4, 6, 8, 12, 16, 24, 32, 48, 64};
        for (int t = 0; t < 4000; t++) {
            int bitDepth = DEPTHS[r.nextInt(DEPTHS.length)];
            int w = sizes[r.nextInt(sizes.length)];
            int h = sizes[r.nextInt(sizes.length)];
            int[] p0 = randomPred(r, w * h, bitDepth);
            int[] p1 = randomPred(r, w * h, bitDepth);
            short[] s0 = stored(p0);
            short[] s1 = stored(p1);
            int g = 1 + r.nextInt(3);
            int stride = w + 2 * g + r.nextInt(5);
            short[] plane = new short[stride * (h + 2 * g)];
            int offset = g * stride + g;
            int denom = r.nextInt(8);
            int log2Wd = denom + 14 - bitDepth;
            int w0 = (1 << denom) + r.nextInt(256) - 128;
            int w1 = (1 << denom) + r.nextInt(256) - 128;
            int o0 = (r.nextInt(256) - 128) << (bitDepth - 8);
            int o1 = (r.nextInt(256) - 128) << (bitDepth - 8);
            int mode = t % 4;
            int[] expected;
            java.util.Arrays.fill(plane, GUARD);
            switch (mode) {
                case 0:
                    WeightedPrediction.defaultUni(s0, w, h, bitDepth, plane, stride, offset);
                    expected = InterPredictionReference.defaultUni(p0, bitDepth);
                    break;
                case 1:
                    WeightedPrediction.defaultBi(s0, s1, w, h, bitDepth, plane, stride, offset);
                    expected = InterPredictionReference.defaultBi(p0, p1, bitDepth);
                    break;
                case 2:
                    if (r.nextInt(8) == 0) {
                        log2Wd = 0; // not reachable with legal syntax, but the clause has the branch
                    }
                    WeightedPrediction.explicitUni(s0, w, h, bitDepth, log2Wd, w0, o0, plane, stride, offset);
                    expected = InterPredictionReference.explicitUni(p0, bitDepth, log2Wd, w0, o0);
                    break;
                default:
                    WeightedPrediction.explicitBi(s0, s1, w, h, bitDepth, log2Wd, w0, w1, o0, o1, plane, stride, offset);
                    expected = InterPredictionReference.explicitBi(p0, p1, bitDepth, log2Wd, w0, w1, o0, o1);
                    break;
            }
            for (int y = 0; y < h + 2 * g; y++) {
                for (int x = 0; x < stride; x++) {
                    short got = plane[y * stride + x];
                    boolean inside = y >= g && y < g + h && x >= g && x < g + w;
                    if (inside && got != expected[(y - g) * w + (x - g)]) {
                        fail("mode " + mode + " trial " + t + " depth " + bitDepth + " at " + (x - g) + "," + (y - g)
                                + ": expected " + expected[(y - g) * w + (x - g)] + " got " + got);
                    }
                    if (!inside && got != GUARD) {
                        fail("mode " + mode + " trial " + t + " wrote outside the block at " + x + "," + y);
                    }
                }
            }
        }
    }

    /**
     * The largest luma value with both vector components fractional exceeds 32767: the reference
     * picture below reaches the bound (H.265 8.5.3.3.3.1 with xFrac = yFrac = 2 at 8 bits gives
     * 33150), and the weighted output must still be exact.
     */
    @Test
    void extremeIntermediateValueStaysExact() {
        int size = 16;
        short[] ref = new short[size * size];
        short[] neg = new short[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean px = isPositiveTap(x);
                boolean py = isPositiveTap(y);
                ref[y * size + x] = (short) (px == py ? 255 : 0);
                neg[y * size + x] = (short) (px != py ? 255 : 0);
            }
        }
        // block at (4, 4), vector (-1/2, -1/2): the taps of sample (0, 0) are columns and rows 0..7
        int[] hi = InterPredictionReference.luma(ref, size, size, size, 8, 4, 4, 4, 4, -2, -2);
        int[] lo = InterPredictionReference.luma(neg, size, size, size, 8, 4, 4, 4, 4, -2, -2);
        assertEquals(33150, hi[0]);
        assertEquals(-16830, lo[0]);
        InterPrediction ip = new InterPrediction();
        short[] p0 = new short[64 * 64];
        short[] p1 = new short[64 * 64];
        ip.lumaBlock(ref, size, size, size, 8, 4, 4, 4, 4, -2, -2, p0);
        ip.lumaBlock(neg, size, size, size, 8, 4, 4, 4, 4, -2, -2, p1);
        short[] out = new short[16];
        WeightedPrediction.defaultBi(p0, p1, 4, 4, 8, out, 4, 0);
        int[] expected = InterPredictionReference.defaultBi(hi, lo, 8);
        assertEquals(128, expected[0]);
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], out[i], "bi sample " + i);
        }
        WeightedPrediction.explicitBi(p0, p1, 4, 4, 8, 7, 3, 1, 5, -9, out, 4, 0);
        expected = InterPredictionReference.explicitBi(hi, lo, 8, 7, 3, 1, 5, -9);
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], out[i], "explicit bi sample " + i);
        }
        WeightedPrediction.explicitUni(p0, 4, 4, 8, 10, 3, 60, out, 4, 0);
        expected = InterPredictionReference.explicitUni(hi, 8, 10, 3, 60);
        assertTrue(expected[0] > 0 && expected[0] < 255, "unclipped: " + expected[0]);
        for (int i = 0; i < 16; i++) {
            assertEquals(expected[i], out[i], "explicit uni sample " + i);
        }
    }

    /** Taps 1, 3, 4 and 6 of the half-sample filter are positive. */
    private static boolean isPositiveTap(int i) {
        int k = ((i % 8) + 8) % 8;
        return k == 1 || k == 3 || k == 4 || k == 6;
    }
}
