package org.kinora.hevc;

/**
 * The horizontal interpolation filters of {@link InterPrediction} (H.265 8.5.3.3.3.1 and
 * 8.5.3.3.3.2, first pass, shift1 = 0) for 8-bit samples, two output samples per integer
 * operation.
 *
 * <p>Each step packs two neighbouring reference samples into one {@code int},
 * {@code q = s[k] + (s[k + 1] << 16)}, and applies the filter to the packed values: the sum is
 * {@code out[x] + out[x + 1] * 65536}, two outputs for the multiplications and additions of one.
 * This is exact: for 8-bit input (0 to 255) every output of these filters lies in [-6120, 22440],
 * so the low output fits the low 16 bits as a signed value and the whole sum fits an {@code int}
 * (at most 22440 * 65536 + 22440 &lt; 2^31; Java's and the JS build's 32-bit arithmetic wrap
 * alike, so intermediate sums need no headroom). The low output is {@code (short) sum}, the high
 * one {@code (sum - low) >> 16}. Deeper samples would overflow, so the callers use these only at 8
 * bits, and for widths of 8 or more (even, as every block width is), where they measured faster.
 *
 * <p>Arguments as in {@code InterPrediction.lumaH}: {@code h} rows of {@code w} outputs from
 * {@code src[off + y * sstride + x]} to {@code dst[y * w + x]}. Luma is read from the byte copy of
 * the reference ({@link Frame#luma8}); a block near the picture's edge, read from the clamped
 * scratch instead, goes through the plain filters of {@code InterPrediction}.
 */
final class PackedFilters {
    private PackedFilters() {
    }

    /**
     * The luma filter of fraction {@code frac} (1 to 3), fL[1] = -1, 4, -10, 58, 17, -5, 1, 0,
     * fL[2] = -1, 4, -11, 40, 40, -11, 4, -1 or fL[3] = 0, 1, -5, 17, 58, -10, 4, -1, reading the
     * 8-bit samples of the plane's byte copy ({@link Frame#luma8}, sample {@code src[i] & 0xFF}):
     * half the memory of the plane itself.
     */
    static void luma(byte[] src, int off, int sstride, int w, int h, int frac, short[] dst) {
        if (frac == 1) {
            luma1(src, off, sstride, w, h, dst);
        } else if (frac == 2) {
            luma2(src, off, sstride, w, h, dst);
        } else {
            luma3(src, off, sstride, w, h, dst);
        }
    }

    private static void luma1(byte[] src, int off, int sstride, int w, int h, short[] dst) {
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 3;
            int s1 = src[p + 1] & 0xFF;
            int s2 = src[p + 2] & 0xFF;
            int s3 = src[p + 3] & 0xFF;
            int s4 = src[p + 4] & 0xFF;
            int last = src[p + 5] & 0xFF;
            int q0 = (src[p] & 0xFF) + (s1 << 16);
            int q1 = s1 + (s2 << 16);
            int q2 = s2 + (s3 << 16);
            int q3 = s3 + (s4 << 16);
            int q4 = s4 + (last << 16);
            p += 6;
            for (int x = 0; x < w; x += 2) {
                int n1 = src[p + x] & 0xFF;
                int n2 = src[p + x + 1] & 0xFF;
                int q5 = last + (n1 << 16);
                int q6 = n1 + (n2 << 16);
                int sum = q6 - q0 + 4 * q1 - 10 * q2 + 58 * q3 + 17 * q4 - 5 * q5;
                int lo = (short) sum;
                dst[d + x] = (short) lo;
                dst[d + x + 1] = (short) ((sum - lo) >> 16);
                q0 = q2;
                q1 = q3;
                q2 = q4;
                q3 = q5;
                q4 = q6;
                last = n2;
            }
        }
    }

    private static void luma2(byte[] src, int off, int sstride, int w, int h, short[] dst) {
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 3;
            int s1 = src[p + 1] & 0xFF;
            int s2 = src[p + 2] & 0xFF;
            int s3 = src[p + 3] & 0xFF;
            int s4 = src[p + 4] & 0xFF;
            int s5 = src[p + 5] & 0xFF;
            int last = src[p + 6] & 0xFF;
            int q0 = (src[p] & 0xFF) + (s1 << 16);
            int q1 = s1 + (s2 << 16);
            int q2 = s2 + (s3 << 16);
            int q3 = s3 + (s4 << 16);
            int q4 = s4 + (s5 << 16);
            int q5 = s5 + (last << 16);
            p += 7;
            for (int x = 0; x < w; x += 2) {
                int n1 = src[p + x] & 0xFF;
                int n2 = src[p + x + 1] & 0xFF;
                int q6 = last + (n1 << 16);
                int q7 = n1 + (n2 << 16);
                int sum = -q0 + 4 * q1 - 11 * q2 + 40 * q3 + 40 * q4 - 11 * q5 + 4 * q6 - q7;
                int lo = (short) sum;
                dst[d + x] = (short) lo;
                dst[d + x + 1] = (short) ((sum - lo) >> 16);
                q0 = q2;
                q1 = q3;
                q2 = q4;
                q3 = q5;
                q4 = q6;
                q5 = q7;
                last = n2;
            }
        }
    }

    private static void luma3(byte[] src, int off, int sstride, int w, int h, short[] dst) {
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 2;
            int s1 = src[p + 1] & 0xFF;
            int s2 = src[p + 2] & 0xFF;
            int s3 = src[p + 3] & 0xFF;
            int s4 = src[p + 4] & 0xFF;
            int last = src[p + 5] & 0xFF;
            int q0 = (src[p] & 0xFF) + (s1 << 16);
            int q1 = s1 + (s2 << 16);
            int q2 = s2 + (s3 << 16);
            int q3 = s3 + (s4 << 16);
            int q4 = s4 + (last << 16);
            p += 6;
            for (int x = 0; x < w; x += 2) {
                int n1 = src[p + x] & 0xFF;
                int n2 = src[p + x + 1] & 0xFF;
                int q5 = last + (n1 << 16);
                int q6 = n1 + (n2 << 16);
                int sum = q0 - 5 * q1 + 17 * q2 + 58 * q3 - 10 * q4 + 4 * q5 - q6;
                int lo = (short) sum;
                dst[d + x] = (short) lo;
                dst[d + x + 1] = (short) ((sum - lo) >> 16);
                q0 = q2;
                q1 = q3;
                q2 = q4;
                q3 = q5;
                q4 = q6;
                last = n2;
            }
        }
    }

    /** 4-tap chroma filter with coefficients c0 .. c3 of one row of fC: taps at x - 1 .. x + 2. */
    static void chroma(short[] src, int off, int sstride, int w, int h, int c0, int c1, int c2, int c3, short[] dst) {
        for (int y = 0, d = 0; y < h; y++, d += w) {
            int p = off + y * sstride - 1;
            int s1 = src[p + 1];
            int last = src[p + 2];
            int q0 = src[p] + (s1 << 16);
            int q1 = s1 + (last << 16);
            p += 3;
            for (int x = 0; x < w; x += 2) {
                int n1 = src[p + x];
                int n2 = src[p + x + 1];
                int q2 = last + (n1 << 16);
                int q3 = n1 + (n2 << 16);
                int sum = c0 * q0 + c1 * q1 + c2 * q2 + c3 * q3;
                int lo = (short) sum;
                dst[d + x] = (short) lo;
                dst[d + x + 1] = (short) ((sum - lo) >> 16);
                q0 = q2;
                q1 = q3;
                last = n2;
            }
        }
    }
}
