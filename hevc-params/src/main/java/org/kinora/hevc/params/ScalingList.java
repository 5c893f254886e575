package org.kinora.hevc.params;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;

/**
 * Scaling lists (H.265 7.3.4 syntax, 7.4.5 semantics) and the scaling factors derived from them
 * (7.4.5, equations 7-40 to 7-44). Factors are kept per size (4x4 to 32x32) and matrixId, in
 * raster order {@code factor[sizeId][matrixId][y * n + x]}.
 */
public final class ScalingList {
    /** Base lists: 16 entries for sizeId 0, 64 for the others, in raster order of the 4x4 or 8x8 base. */
    public final int[][][] list = new int[4][6][];
    public final int[][] dc = new int[4][6];
    /** Scaling factors m[x][y] per sizeId and matrixId, raster order, nTbS * nTbS entries. */
    public final int[][][] factor = new int[4][6][];

    // Table 7-6, in raster order (the matrices are symmetric)
    private static final int[] DEFAULT_INTRA = {
        16, 16, 16, 16, 17, 18, 21, 24,
        16, 16, 16, 16, 17, 19, 22, 25,
        16, 16, 17, 18, 20, 22, 25, 29,
        16, 16, 18, 21, 24, 27, 31, 36,
        17, 17, 20, 24, 30, 35, 41, 47,
        18, 19, 22, 27, 35, 44, 54, 65,
        21, 22, 25, 31, 41, 54, 70, 88,
        24, 25, 29, 36, 47, 65, 88, 115,
    };
    private static final int[] DEFAULT_INTER = {
        16, 16, 16, 16, 17, 18, 20, 24,
        16, 16, 16, 17, 18, 20, 24, 25,
        16, 16, 17, 18, 20, 24, 25, 28,
        16, 17, 18, 20, 24, 25, 28, 33,
        17, 18, 20, 24, 25, 28, 33, 41,
        18, 20, 24, 25, 28, 33, 41, 54,
        20, 24, 25, 28, 33, 41, 54, 71,
        24, 25, 28, 33, 41, 54, 71, 91,
    };

    /** Raster position of each up-right diagonal scan position (6.5.3) in a 4x4 and an 8x8 block. */
    private static final int[][] DIAG_RASTER = {diagonal(4), diagonal(8)};

    private static int[] diagonal(int blkSize) {
        int[] pos = new int[blkSize * blkSize];
        int i = 0;
        int x = 0;
        int y = 0;
        boolean stop = false;
        while (!stop) {
            while (y >= 0) {
                if (x < blkSize && y < blkSize) {
                    pos[i++] = y * blkSize + x;
                }
                y--;
                x++;
            }
            y = x;
            x = 0;
            if (i >= blkSize * blkSize) {
                stop = true;
            }
        }
        return pos;
    }

    /** The default lists (Tables 7-5 and 7-6). */
    public static ScalingList defaults() {
        ScalingList s = new ScalingList();
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int m = 0; m < 6; m++) {
                s.setDefault(sizeId, m);
            }
        }
        s.derive();
        return s;
    }

    private void setDefault(int sizeId, int matrixId) {
        if (sizeId == 0) {
            list[0][matrixId] = fill16();
        } else {
            list[sizeId][matrixId] = (matrixId < 3 ? DEFAULT_INTRA : DEFAULT_INTER).clone();
        }
        dc[sizeId][matrixId] = 16;
    }

    private static int[] fill16() {
        int[] a = new int[16];
        for (int i = 0; i < 16; i++) {
            a[i] = 16;
        }
        return a;
    }

    /** scaling_list_data() (7.3.4). */
    public static ScalingList parse(BitReader r) {
        ScalingList s = new ScalingList();
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            int step = sizeId == 3 ? 3 : 1;
            for (int matrixId = 0; matrixId < 6; matrixId += step) {
                boolean predMode = r.readFlag();
                if (!predMode) {
                    int delta = r.readUe("scaling_list_pred_matrix_id_delta", 0, matrixId / step);
                    if (delta == 0) {
                        s.setDefault(sizeId, matrixId);
                    } else {
                        int ref = matrixId - delta * step;
                        s.list[sizeId][matrixId] = s.list[sizeId][ref].clone();
                        s.dc[sizeId][matrixId] = s.dc[sizeId][ref];
                    }
                } else {
                    int nextCoef = 8;
                    int coefNum = Math.min(64, 1 << (4 + (sizeId << 1)));
                    if (sizeId > 1) {
                        nextCoef = r.readSe("scaling_list_dc_coef_minus8", -7, 247) + 8;
                        s.dc[sizeId][matrixId] = nextCoef;
                    }
                    int log2 = sizeId == 0 ? 2 : 3;
                    int[] a = new int[coefNum];
                    for (int i = 0; i < coefNum; i++) {
                        int d = r.readSe("scaling_list_delta_coef", -128, 127);
                        nextCoef = (nextCoef + d + 256) & 255;
                        if (nextCoef == 0) {
                            throw new MalformedStreamException("scaling list entry is 0");
                        }
                        a[DIAG_RASTER[log2 - 2][i]] = nextCoef;
                    }
                    s.list[sizeId][matrixId] = a;
                    if (sizeId <= 1) {
                        s.dc[sizeId][matrixId] = a[0];
                    }
                }
            }
        }
        // 32x32 chroma matrices (only used for 4:4:4) follow the 16x16 ones (7.4.5 for ChromaArrayType 3)
        for (int matrixId : new int[] {1, 2, 4, 5}) {
            s.list[3][matrixId] = s.list[2][matrixId].clone();
            s.dc[3][matrixId] = s.dc[2][matrixId];
        }
        s.derive();
        return s;
    }

    /** Equations 7-40 to 7-44. */
    private void derive() {
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            int n = 4 << sizeId;
            for (int m = 0; m < 6; m++) {
                int[] f = new int[n * n];
                int[] base = list[sizeId][m];
                if (sizeId == 0) {
                    System.arraycopy(base, 0, f, 0, 16);
                } else {
                    int rep = n / 8;
                    for (int y = 0; y < n; y++) {
                        for (int x = 0; x < n; x++) {
                            f[y * n + x] = base[(y / rep) * 8 + x / rep];
                        }
                    }
                    if (sizeId > 1) {
                        f[0] = dc[sizeId][m];
                    }
                }
                factor[sizeId][m] = f;
            }
        }
    }
}
