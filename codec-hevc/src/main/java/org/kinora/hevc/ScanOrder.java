package org.kinora.hevc;

/**
 * Scan orders (H.265 6.5.3 to 6.5.5): up-right diagonal, horizontal and vertical, for blocks of
 * 1x1 to 8x8 elements. {@code X[log2][scanIdx][i]} and {@code Y[...]} give the column and row of
 * scan position {@code i}.
 */
final class ScanOrder {
    private ScanOrder() {
    }

    static final int DIAG = 0;
    static final int HORIZONTAL = 1;
    static final int VERTICAL = 2;

    static final byte[][][] X = new byte[4][3][];
    static final byte[][][] Y = new byte[4][3][];
    /** Within a 4x4 sub-block: raster position (y * 4 + x) of each scan position. */
    static final byte[][] POS4 = new byte[3][16];

    static {
        for (int log2 = 0; log2 < 4; log2++) {
            int size = 1 << log2;
            for (int s = 0; s < 3; s++) {
                X[log2][s] = new byte[size * size];
                Y[log2][s] = new byte[size * size];
            }
            // 6.5.3 up-right diagonal
            int i = 0;
            int x = 0;
            int y = 0;
            boolean stop = false;
            while (!stop) {
                while (y >= 0) {
                    if (x < size && y < size) {
                        X[log2][DIAG][i] = (byte) x;
                        Y[log2][DIAG][i] = (byte) y;
                        i++;
                    }
                    y--;
                    x++;
                }
                y = x;
                x = 0;
                if (i >= size * size) {
                    stop = true;
                }
            }
            // 6.5.4 horizontal, 6.5.5 vertical
            i = 0;
            for (y = 0; y < size; y++) {
                for (x = 0; x < size; x++) {
                    X[log2][HORIZONTAL][i] = (byte) x;
                    Y[log2][HORIZONTAL][i] = (byte) y;
                    X[log2][VERTICAL][i] = (byte) y;
                    Y[log2][VERTICAL][i] = (byte) x;
                    i++;
                }
            }
        }
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 16; i++) {
                POS4[s][i] = (byte) (Y[2][s][i] * 4 + X[2][s][i]);
            }
        }
    }
}
