package org.kinora.hevc;

/**
 * The transform matrices of H.265 8.6.4.2: transMatrix (equations 8-315 to 8-318, the 32-point
 * DCT-like matrix whose even rows give the 16-, 8- and 4-point ones) and the 4x4 DST-like matrix
 * (8-314).
 */
final class TransformMatrix {
    private TransformMatrix() {
    }

    /**
     * The distinct magnitudes of the 32x32 matrix: entry k is the coefficient for the angle
     * k * pi / 64 (k = 0..32), as listed in the first column of the equations.
     */
    private static final int[] COS = {
        64, 90, 90, 90, 89, 88, 87, 85, 83, 82, 80, 78, 75, 73, 70, 67,
        64, 61, 57, 54, 50, 46, 43, 38, 36, 31, 25, 22, 18, 13, 9, 4, 0,
    };

    /** transMatrix[row][col] for the 32-point transform, flattened as row * 32 + col. */
    static final int[] DCT32 = new int[32 * 32];

    /** The DST-VII based 4x4 matrix (8-314), row * 4 + col. */
    static final int[] DST4 = {
        29, 55, 74, 84,
        74, 74, 0, -74,
        84, -29, -74, 55,
        55, -84, 74, -29,
    };

    static {
        for (int k = 0; k < 32; k++) {
            for (int n = 0; n < 32; n++) {
                int a = ((2 * n + 1) * k) % 128;
                if (a > 64) {
                    a = 128 - a;
                }
                DCT32[k * 32 + n] = a > 32 ? -COS[64 - a] : COS[a];
            }
        }
    }

    /** Coefficient of row {@code k} of the {@code n}-point matrix at column {@code j}: transMatrix row k * 32 / n. */
    static int coef(int n, int k, int j) {
        return DCT32[(k * (32 / n)) * 32 + j];
    }
}
