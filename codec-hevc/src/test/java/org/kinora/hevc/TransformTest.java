package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The transform matrix and the even/odd inverse transform against the direct products of 8.6.4.2. */
class TransformTest {
    @Test
    void matrixRowsMatchTheSpecification() {
        int[] row1 = {90, 90, 88, 85, 82, 78, 73, 67, 61, 54, 46, 38, 31, 22, 13, 4};
        for (int j = 0; j < 16; j++) {
            assertEquals(row1[j], TransformMatrix.coef(32, 1, j));
            assertEquals(-row1[j], TransformMatrix.coef(32, 1, 31 - j));
        }
        int[] row1of16 = {90, 87, 80, 70, 57, 43, 25, 9};
        for (int j = 0; j < 8; j++) {
            assertEquals(row1of16[j], TransformMatrix.coef(16, 1, j));
        }
        assertArrayEquals(new int[] {89, 75, 50, 18}, new int[] {
            TransformMatrix.coef(8, 1, 0), TransformMatrix.coef(8, 1, 1), TransformMatrix.coef(8, 1, 2), TransformMatrix.coef(8, 1, 3)});
        assertArrayEquals(new int[] {83, 36, -36, -83}, new int[] {
            TransformMatrix.coef(4, 1, 0), TransformMatrix.coef(4, 1, 1), TransformMatrix.coef(4, 1, 2), TransformMatrix.coef(4, 1, 3)});
        assertArrayEquals(new int[] {64, -64, -64, 64}, new int[] {
            TransformMatrix.coef(4, 2, 0), TransformMatrix.coef(4, 2, 1), TransformMatrix.coef(4, 2, 2), TransformMatrix.coef(4, 2, 3)});
    }

    /** Direct two-stage product of 8.6.4.2 with the clipping between the stages. */
    private static int[] direct(int[] d, int n, int bitDepth) {
        int[] g = new int[n * n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                long sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += (long) TransformMatrix.coef(n, k, y) * d[k * n + x];
                }
                g[y * n + x] = (int) Math.max(-32768, Math.min(32767, (sum + 64) >> 7));
            }
        }
        int[] r = new int[n * n];
        int bdShift = 20 - bitDepth;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                long sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += (long) TransformMatrix.coef(n, k, x) * g[y * n + k];
                }
                r[y * n + x] = (int) ((sum + (1 << (bdShift - 1))) >> bdShift);
            }
        }
        return r;
    }

    @Test
    void inverseTransformEqualsTheDirectProduct() {
        Random rnd = new Random(11);
        Transform t = new Transform();
        for (int log2 = 2; log2 <= 5; log2++) {
            int n = 1 << log2;
            for (int trial = 0; trial < 40; trial++) {
                Residual r = new Residual();
                int count = 1 + rnd.nextInt(trial < 20 ? 4 : n * n);
                int maxX = 0;
                int maxY = 0;
                for (int i = 0; i < count; i++) {
                    int x = rnd.nextInt(trial < 20 ? Math.min(n, 4) : n);
                    int y = rnd.nextInt(trial < 20 ? Math.min(n, 4) : n);
                    int p = y * n + x;
                    if (r.coeff[p] == 0) {
                        r.nonZero[r.numNonZero++] = p;
                    }
                    r.coeff[p] = rnd.nextInt(4001) - 2000;
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
                r.maxX = maxX;
                r.maxY = maxY;
                int[] expected = direct(r.coeff.clone(), n, 8);
                short[] plane = new short[n * n];
                for (int i = 0; i < n * n; i++) {
                    plane[i] = 128;
                }
                t.addResidual(plane, 0, n, log2, r, false, false, 8);
                for (int i = 0; i < n * n; i++) {
                    int want = Math.max(0, Math.min(255, 128 + expected[i]));
                    assertEquals(want, plane[i], "size " + n + " trial " + trial + " sample " + i);
                }
            }
        }
    }
}
