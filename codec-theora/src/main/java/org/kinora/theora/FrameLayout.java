package org.kinora.theora;

/**
 * Blocks, super blocks and macro blocks of a frame (Theora I 2.3, 2.4) and the maps between them.
 *
 * <p>Blocks ("fragments") are numbered in raster order per plane, starting at the bottom-left
 * (Theora's right-handed coordinates), Y then Cb then Cr. Coded order walks super blocks in
 * raster order and the blocks inside each in Hilbert order.
 */
final class FrameLayout {
    final int pixelFormat;
    /** Plane sizes in pixels. */
    final int[] planeWidth = new int[3];
    final int[] planeHeight = new int[3];
    /** Plane sizes in blocks, and the index of each plane's first block. */
    final int[] fragWidth = new int[3];
    final int[] fragHeight = new int[3];
    final int[] fragStart = new int[4];
    /** NBS: total number of blocks. */
    final int nbs;
    /** NSBS and each plane's first super block. */
    final int nsbs;
    final int[] sbStart = new int[4];
    /** Blocks of each super block in Hilbert order (raster block index), -1 outside the frame. */
    final int[] sbFrags;
    /** Macro blocks: width and height in macro blocks, NMBS. */
    final int mbWidth;
    final int mbHeight;
    final int nmbs;
    /** Raster macro block index of each macro block in coded order. */
    final int[] mbCodedOrder;
    /** Blocks of each macro block (raster index of the macro block): 4 luma then the chroma blocks. */
    final int[] mbFrags;
    final int fragsPerMb;
    /** Raster macro block index of every block. */
    final int[] fragMb;
    /** Block x and y (in blocks) and plane of every block. */
    final int[] fragX;
    final int[] fragY;
    final byte[] fragPlane;

    FrameLayout(TheoraInfo info) {
        pixelFormat = info.pixelFormat;
        int sx = info.chromaShiftX();
        int sy = info.chromaShiftY();
        mbWidth = info.fmbw;
        mbHeight = info.fmbh;
        nmbs = mbWidth * mbHeight;
        int total = 0;
        int sbTotal = 0;
        int[] sbW = new int[3];
        int[] sbH = new int[3];
        for (int p = 0; p < 3; p++) {
            planeWidth[p] = info.frameWidth() >> (p == 0 ? 0 : sx);
            planeHeight[p] = info.frameHeight() >> (p == 0 ? 0 : sy);
            fragWidth[p] = planeWidth[p] >> 3;
            fragHeight[p] = planeHeight[p] >> 3;
            fragStart[p] = total;
            total += fragWidth[p] * fragHeight[p];
            sbW[p] = (fragWidth[p] + 3) >> 2;
            sbH[p] = (fragHeight[p] + 3) >> 2;
            sbStart[p] = sbTotal;
            sbTotal += sbW[p] * sbH[p];
        }
        fragStart[3] = total;
        sbStart[3] = sbTotal;
        nbs = total;
        nsbs = sbTotal;
        sbFrags = new int[nsbs * 16];
        fragX = new int[nbs];
        fragY = new int[nbs];
        fragPlane = new byte[nbs];
        for (int p = 0; p < 3; p++) {
            int sbi = sbStart[p];
            for (int sby = 0; sby < sbH[p]; sby++) {
                for (int sbx = 0; sbx < sbW[p]; sbx++, sbi++) {
                    for (int j = 0; j < 16; j++) {
                        int x = 4 * sbx + TheoraTables.HILBERT_X[j];
                        int y = 4 * sby + TheoraTables.HILBERT_Y[j];
                        sbFrags[sbi * 16 + j] = x < fragWidth[p] && y < fragHeight[p]
                                ? fragStart[p] + y * fragWidth[p] + x : -1;
                    }
                }
            }
            for (int y = 0; y < fragHeight[p]; y++) {
                for (int x = 0; x < fragWidth[p]; x++) {
                    int f = fragStart[p] + y * fragWidth[p] + x;
                    fragX[f] = x;
                    fragY[f] = y;
                    fragPlane[f] = (byte) p;
                }
            }
        }
        // Macro blocks in coded order: luma super blocks in raster order, four macro blocks each.
        mbCodedOrder = new int[nmbs];
        int k = 0;
        for (int sby = 0; sby < sbH[0]; sby++) {
            for (int sbx = 0; sbx < sbW[0]; sbx++) {
                for (int j = 0; j < 4; j++) {
                    int mx = 2 * sbx + TheoraTables.MB_ORDER_X[j];
                    int my = 2 * sby + TheoraTables.MB_ORDER_Y[j];
                    if (mx < mbWidth && my < mbHeight) {
                        mbCodedOrder[k++] = my * mbWidth + mx;
                    }
                }
            }
        }
        int chromaPerPlane = info.pixelFormat == TheoraInfo.PF_420 ? 1 : info.pixelFormat == TheoraInfo.PF_422 ? 2 : 4;
        fragsPerMb = 4 + 2 * chromaPerPlane;
        mbFrags = new int[nmbs * fragsPerMb];
        fragMb = new int[nbs];
        int fw0 = fragWidth[0];
        int fwc = fragWidth[1];
        for (int my = 0; my < mbHeight; my++) {
            for (int mx = 0; mx < mbWidth; mx++) {
                int mbi = my * mbWidth + mx;
                int o = mbi * fragsPerMb;
                // A, B, C, D: lower-left, lower-right, upper-left, upper-right (Theora I 7.5.2).
                mbFrags[o] = (2 * my) * fw0 + 2 * mx;
                mbFrags[o + 1] = (2 * my) * fw0 + 2 * mx + 1;
                mbFrags[o + 2] = (2 * my + 1) * fw0 + 2 * mx;
                mbFrags[o + 3] = (2 * my + 1) * fw0 + 2 * mx + 1;
                for (int p = 1; p < 3; p++) {
                    int c = o + 4 + (p - 1) * chromaPerPlane;
                    int base = fragStart[p];
                    if (chromaPerPlane == 1) {
                        mbFrags[c] = base + my * fwc + mx;
                    } else if (chromaPerPlane == 2) {
                        // bottom then top
                        mbFrags[c] = base + (2 * my) * fwc + mx;
                        mbFrags[c + 1] = base + (2 * my + 1) * fwc + mx;
                    } else {
                        mbFrags[c] = base + (2 * my) * fwc + 2 * mx;
                        mbFrags[c + 1] = base + (2 * my) * fwc + 2 * mx + 1;
                        mbFrags[c + 2] = base + (2 * my + 1) * fwc + 2 * mx;
                        mbFrags[c + 3] = base + (2 * my + 1) * fwc + 2 * mx + 1;
                    }
                }
                for (int j = 0; j < fragsPerMb; j++) {
                    fragMb[mbFrags[o + j]] = mbi;
                }
            }
        }
    }

    int chromaPerPlane() {
        return (fragsPerMb - 4) / 2;
    }
}
