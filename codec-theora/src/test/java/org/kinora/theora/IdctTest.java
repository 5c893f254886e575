package org.kinora.theora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast inverse DCT (zero rows skipped, shortened column passes, dequantization folded in)
 * against a literal transcription of Theora I 7.9.2 and 7.9.3, including coefficients large
 * enough to overflow 16 bits.
 */
class IdctTest {
    /** Theora I 7.9.3, the 1D inverse DCT step by step. */
    private static void idct1d(int[] y, int[] x) {
        int[] t = new int[8];
        t[0] = (short) (y[0] + y[4]);
        t[0] = Idct.C4 * t[0] >> 16;
        t[1] = (short) (y[0] - y[4]);
        t[1] = Idct.C4 * t[1] >> 16;
        t[2] = (Idct.C6 * y[2] >> 16) - (Idct.C2 * y[6] >> 16);
        t[3] = (Idct.C2 * y[2] >> 16) + (Idct.C6 * y[6] >> 16);
        t[4] = (Idct.C7 * y[1] >> 16) - (Idct.C1 * y[7] >> 16);
        t[5] = (Idct.C3 * y[5] >> 16) - (Idct.C5 * y[3] >> 16);
        t[6] = (Idct.C5 * y[5] >> 16) + (Idct.C3 * y[3] >> 16);
        t[7] = (Idct.C1 * y[1] >> 16) + (Idct.C7 * y[7] >> 16);
        int r = t[4] + t[5];
        t[5] = (short) (t[4] - t[5]);
        t[5] = Idct.C4 * t[5] >> 16;
        t[4] = r;
        r = t[7] + t[6];
        t[6] = (short) (t[7] - t[6]);
        t[6] = Idct.C4 * t[6] >> 16;
        t[7] = r;
        r = t[0] + t[3];
        t[3] = t[0] - t[3];
        t[0] = r;
        r = t[1] + t[2];
        t[2] = t[1] - t[2];
        t[1] = r;
        r = t[6] + t[5];
        t[5] = t[6] - t[5];
        t[6] = r;
        x[0] = (short) (t[0] + t[7]);
        x[1] = (short) (t[1] + t[6]);
        x[2] = (short) (t[2] + t[5]);
        x[3] = (short) (t[3] + t[4]);
        x[4] = (short) (t[3] - t[4]);
        x[5] = (short) (t[2] - t[5]);
        x[6] = (short) (t[1] - t[6]);
        x[7] = (short) (t[0] - t[7]);
    }

    /** Theora I 7.9.2 (dequantization, 16-bit products) and the 2D inverse DCT of 7.9.3. */
    private static int[] reference(short[] coeffs, int[] q, int dcq) {
        int[] dqc = new int[64];
        dqc[0] = (short) (coeffs[0] * dcq);
        for (int i = 1; i < 64; i++) {
            dqc[i] = (short) (coeffs[i] * q[i]);
        }
        int[] res = new int[64];
        int[] y = new int[8];
        int[] x = new int[8];
        for (int ri = 0; ri < 8; ri++) {
            for (int ci = 0; ci < 8; ci++) {
                y[ci] = dqc[ri * 8 + ci];
            }
            idct1d(y, x);
            for (int ci = 0; ci < 8; ci++) {
                res[ri * 8 + ci] = x[ci];
            }
        }
        for (int ci = 0; ci < 8; ci++) {
            for (int ri = 0; ri < 8; ri++) {
                y[ri] = res[ri * 8 + ci];
            }
            idct1d(y, x);
            for (int ri = 0; ri < 8; ri++) {
                res[ri * 8 + ci] = (x[ri] + 8) >> 4;
            }
        }
        return res;
    }

    @Test
    void matchesTheSpecificationOnRandomBlocks() {
        Random r = new Random(42);
        int[] q = new int[64];
        int[] work = new int[64];
        int[] tmp = new int[64];
        int pw = 24;
        byte[] dst = new byte[pw * 10];
        byte[][] predictors = new byte[4][pw * 10];
        java.util.Arrays.fill(predictors[1], (byte) 0);
        java.util.Arrays.fill(predictors[2], (byte) 255);
        for (int iter = 0; iter < 20000; iter++) {
            int nc = 1 + r.nextInt(64);
            int range = iter % 4 == 0 ? 2048 : iter % 4 == 1 ? 64 : iter % 4 == 2 ? 8 : 32768;
            short[] coeffs = new short[64];
            for (int i = 0; i < nc; i++) {
                if (i == 0 || r.nextInt(3) == 0) {
                    coeffs[TheoraTables.ZIGZAG[i]] = (short) (r.nextInt(2 * range) - range);
                }
            }
            for (int i = 0; i < 64; i++) {
                q[i] = 8 + r.nextInt(iter % 2 == 0 ? 24 : 4089);
            }
            int dcq = 16 + r.nextInt(100);
            int[] expected = reference(coeffs, q, dcq);
            r.nextBytes(predictors[3]);
            // Intra (predictor 128), then predictors of 0 and 255 (which show every residual in
            // -255..255 unsaturated on one of them) and a random one, each at an offset in a picture.
            for (int k = -1; k < predictors.length; k++) {
                byte[] pred = k < 0 ? null : predictors[k];
                // Theora I 7.9.2: dequantization with 16-bit products, as reconstruction does it
                work[0] = (short) (coeffs[0] * dcq);
                for (int i = 1; i < 64; i++) {
                    work[i] = (short) (coeffs[i] * q[i]);
                }
                Idct.reconstruct(work, Idct.MAX_ROW[nc], tmp, dst, pw + 3, pw, pred, 2 * pw + 5);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int p = pred == null ? 128 : pred[2 * pw + 5 + y * pw + x] & 0xFF;
                        int v = Math.max(0, Math.min(255, p + expected[y * 8 + x]));
                        assertEquals(v, dst[pw + 3 + y * pw + x] & 0xFF,
                                "block " + iter + " with " + nc + " coefficients, predictor " + k + ", pixel " + x + "," + y);
                    }
                }
                for (int i = 0; i < work.length; i++) {
                    assertEquals(0, work[i], "coefficients cleared");
                }
            }
        }
    }
}
