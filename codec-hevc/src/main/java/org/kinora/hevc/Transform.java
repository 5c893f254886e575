package org.kinora.hevc;

/**
 * Scaling and transformation (H.265 8.6.2 to 8.6.4): dequantisation with flat or list-based
 * scaling factors, the inverse DST/DCT, transform skip and bypass, and adding the residual to the
 * prediction.
 */
final class Transform {
    private static final int[] LEVEL_SCALE = {40, 45, 51, 57, 64, 72};

    private final int[] tmp = new int[32 * 32];
    private final int[] res = new int[32 * 32];

    /**
     * 8.6.3: turns the TransCoeffLevel values of {@code r} into scaled coefficients d in place.
     * {@code m} is the scaling factor array for this block or null for the flat factor 16.
     */
    static void dequantize(Residual r, int qp, int log2, int bitDepth, int[] m) {
        int bdShift = bitDepth + log2 - 5;
        int add = 1 << (bdShift - 1);
        int scale = LEVEL_SCALE[qp % 6] << (qp / 6);
        int[] c = r.coeff;
        int[] nz = r.nonZero;
        for (int i = 0; i < r.numNonZero; i++) {
            int p = nz[i];
            int f = m == null ? 16 : m[p];
            int s = scale * f;
            int level = c[p];
            int v;
            // |level| <= 32768 and s < 2^23, so the product can exceed 32 bits when s >= 2^16: the
            // clipped result is then known without computing it
            if (s < 65536) {
                v = (level * s + add) >> bdShift;
                v = v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
            } else if (level > (Integer.MAX_VALUE - add) / s) {
                v = 32767;
            } else if (level < -(Integer.MAX_VALUE - add) / s) {
                v = -32768;
            } else {
                v = (level * s + add) >> bdShift;
                v = v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
            }
            c[p] = v;
        }
    }

    /**
     * Adds the residual of block {@code r} to the nTbS x nTbS samples at {@code base} of
     * {@code plane}. {@code dst} selects the 4x4 DST (intra luma 4x4).
     */
    void addResidual(short[] plane, int base, int stride, int log2, Residual r, boolean bypass, boolean dst, int bitDepth) {
        int n = 1 << log2;
        int[] out = res;
        if (bypass) {
            // 8.6.2: residual equals the coefficient levels
            for (int i = 0; i < n * n; i++) {
                out[i] = 0;
            }
            for (int i = 0; i < r.numNonZero; i++) {
                out[r.nonZero[i]] = r.coeff[r.nonZero[i]];
            }
        } else if (r.transformSkip) {
            // 8.6.4.2 with transform_skip_flag: r = d << tsShift, then the bdShift rounding
            int bdShift = 20 - bitDepth;
            int add = 1 << (bdShift - 1);
            int tsShift = 5 + log2;
            for (int i = 0; i < n * n; i++) {
                out[i] = add >> bdShift;
            }
            for (int i = 0; i < r.numNonZero; i++) {
                int p = r.nonZero[i];
                out[p] = ((r.coeff[p] << tsShift) + add) >> bdShift;
            }
        } else if (r.numNonZero == 1 && r.coeff[0] != 0 && !dst) {
            // DC only: every sample gets the same value
            int bdShift = 20 - bitDepth;
            int g = clip16((64 * r.coeff[0] + 64) >> 7);
            int v = (64 * g + (1 << (bdShift - 1))) >> bdShift;
            for (int i = 0; i < n * n; i++) {
                out[i] = v;
            }
        } else {
            inverse(r, log2, dst, bitDepth);
        }
        int max = (1 << bitDepth) - 1;
        for (int y = 0; y < n; y++) {
            int row = base + y * stride;
            int o = y * n;
            for (int x = 0; x < n; x++) {
                int v = plane[row + x] + out[o + x];
                plane[row + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
            }
        }
    }

    private static int clip16(int v) {
        return v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
    }

    /** 8.6.4.2: two-stage inverse transform limited to the non-zero region. */
    private void inverse(Residual r, int log2, boolean dst, int bitDepth) {
        int n = 1 << log2;
        int[] d = r.coeff;
        int[] g = tmp;
        int[] out = res;
        int cols = r.maxX + 1;
        int rows = r.maxY + 1;
        int[] in = vec;
        int[] o = vecOut;
        // first stage: each column x < cols gives e[x][y], y = 0..n-1; columns beyond are zero
        for (int x = 0; x < cols; x++) {
            for (int k = 0; k < rows; k++) {
                in[k] = d[k * n + x];
            }
            if (dst) {
                dst4(in, rows, o);
            } else {
                inverse1d(log2, in, rows, o);
            }
            for (int y = 0; y < n; y++) {
                g[y * n + x] = clip16((o[y] + 64) >> 7);
            }
        }
        // second stage: each row y, from its first cols intermediate values
        int bdShift = 20 - bitDepth;
        int add = 1 << (bdShift - 1);
        for (int y = 0; y < n; y++) {
            int row = y * n;
            for (int k = 0; k < cols; k++) {
                in[k] = g[row + k];
            }
            if (dst) {
                dst4(in, cols, o);
            } else {
                inverse1d(log2, in, cols, o);
            }
            for (int x = 0; x < n; x++) {
                out[row + x] = (o[x] + add) >> bdShift;
            }
        }
    }

    private final int[] vec = new int[32];
    private final int[] vecOut = new int[32];
    /** Scratch per transform size (index log2) for the even-part recursion. */
    private final int[][] evenIn = new int[6][32];
    private final int[][] evenOut = new int[6][32];

    /** out[k] = sum over j &lt; limit of DST4[j][k] * in[j]. */
    private static void dst4(int[] in, int limit, int[] out) {
        for (int k = 0; k < 4; k++) {
            int sum = 0;
            for (int j = 0; j < limit; j++) {
                sum += TransformMatrix.DST4[j * 4 + k] * in[j];
            }
            out[k] = sum;
        }
    }

    /**
     * One-dimensional inverse transform of size 2^log2 (8.6.4.2, equation 8-319), computed with
     * the even/odd symmetry of transMatrix: the even rows form the half-size transform, the odd
     * rows are antisymmetric. Integer sums are exact, so the result equals the direct product.
     * Only in[0 .. limit) may be non-zero.
     */
    private void inverse1d(int log2, int[] in, int limit, int[] out) {
        int n = 1 << log2;
        int[] m = TransformMatrix.DCT32;
        int step = (32 >> log2) * 32;
        if (log2 == 2) {
            for (int k = 0; k < 4; k++) {
                int sum = 0;
                for (int j = 0; j < limit; j++) {
                    sum += m[j * step + k] * in[j];
                }
                out[k] = sum;
            }
            return;
        }
        int half = n >> 1;
        int[] ev = evenIn[log2];
        int evenLimit = (limit + 1) >> 1;
        for (int j = 0; j < evenLimit; j++) {
            ev[j] = in[2 * j];
        }
        int[] e = evenOut[log2];
        inverse1d(log2 - 1, ev, evenLimit, e);
        for (int k = 0; k < half; k++) {
            int sum = 0;
            for (int j = 1; j < limit; j += 2) {
                sum += m[j * step + k] * in[j];
            }
            out[k] = e[k] + sum;
            out[n - 1 - k] = e[k] - sum;
        }
    }
}
