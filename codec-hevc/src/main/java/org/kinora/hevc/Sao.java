package org.kinora.hevc;

/**
 * Sample adaptive offset (H.265 8.7.3): band and edge offsets per CTB and component, reading the
 * deblocked picture and writing the final one.
 */
final class Sao {
    private static final int[][] EO_H = {{-1, 1}, {0, 0}, {-1, 1}, {1, -1}};
    private static final int[][] EO_V = {{0, 0}, {-1, 1}, {-1, 1}, {-1, 1}};

    private short[][] copy = new short[3][];
    private final int[] bandTable = new int[32];
    private final int[] edgeOffsets = new int[5];
    /** Usability of the 3x3 neighbourhood of CTBs, [dy + 1][dx + 1] flattened. */
    private final boolean[] usable = new boolean[9];

    void filter(Frame f) {
        Sps sps = f.sps;
        boolean any = false;
        for (int i = 0; i < f.sliceCount; i++) {
            any |= f.sliceHeaders[i].saoLuma || f.sliceHeaders[i].saoChroma;
        }
        if (!any) {
            return;
        }
        for (int c = 0; c < 3; c++) {
            int n = f.planes[c].length;
            if (copy[c] == null || copy[c].length != n) {
                copy[c] = new short[n];
            }
            System.arraycopy(f.planes[c], 0, copy[c], 0, n);
        }
        boolean anyNoFilter = false;
        for (int i = 0; i < f.noFilter.length && !anyNoFilter; i++) {
            anyNoFilter = f.noFilter[i] != 0;
        }
        int w = sps.picWidthInCtbs;
        for (int rs = 0; rs < sps.picSizeInCtbs; rs++) {
            if (f.ctbSliceAddr[rs] < 0) {
                continue;
            }
            SliceHeader sh = f.sliceHeaders[f.ctbSliceIdx[rs]];
            boolean neighboursDone = false;
            for (int c = 0; c < 3; c++) {
                int type = f.saoType[rs * 3 + c];
                if (type == 0 || !(c == 0 ? sh.saoLuma : sh.saoChroma)) {
                    continue;
                }
                if (type == 2 && !neighboursDone) {
                    neighbours(f, rs, w);
                    neighboursDone = true;
                }
                ctb(f, c, rs, type, anyNoFilter);
            }
        }
    }

    /** Which neighbouring CTBs edge offsets may read (8.7.3.2: picture, slice and tile rules). */
    private void neighbours(Frame f, int rs, int w) {
        Sps sps = f.sps;
        Pps pps = f.pps;
        int rx = rs % w;
        int ry = rs / w;
        int ts = pps.ctbAddrRsToTs[rs];
        SliceHeader cur = f.sliceHeaders[f.ctbSliceIdx[rs]];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int x = rx + dx;
                int y = ry + dy;
                boolean ok = x >= 0 && y >= 0 && x < w && y < sps.picHeightInCtbs;
                if (ok && (dx | dy) != 0) {
                    int n = y * w + x;
                    if (f.ctbSliceAddr[n] < 0) {
                        ok = false;
                    } else {
                        int nts = pps.ctbAddrRsToTs[n];
                        if (f.ctbSliceAddr[n] != f.ctbSliceAddr[rs]) {
                            SliceHeader other = f.sliceHeaders[f.ctbSliceIdx[n]];
                            ok = nts < ts ? cur.loopFilterAcrossSlices : other.loopFilterAcrossSlices;
                        }
                        if (ok && !pps.loopFilterAcrossTiles && pps.tileId[nts] != pps.tileId[ts]) {
                            ok = false;
                        }
                    }
                }
                usable[(dy + 1) * 3 + dx + 1] = ok;
            }
        }
    }

    private void ctb(Frame f, int c, int rs, int type, boolean anyNoFilter) {
        Sps sps = f.sps;
        int shift = c == 0 ? 0 : 1;
        int ctbSize = sps.ctbSize >> shift;
        int w = sps.picWidthInCtbs;
        int x0 = (rs % w) * ctbSize;
        int y0 = (rs / w) * ctbSize;
        int pw = f.planeWidth[c];
        int ph = f.planeHeight[c];
        int wCtb = Math.min(ctbSize, pw - x0);
        int hCtb = Math.min(ctbSize, ph - y0);
        int bitDepth = c == 0 ? sps.bitDepthY : sps.bitDepthC;
        int max = (1 << bitDepth) - 1;
        short[] src = copy[c];
        short[] dst = f.planes[c];
        int k = rs * 3 + c;
        int o1 = f.saoOffset[k * 4];
        int o2 = f.saoOffset[k * 4 + 1];
        int o3 = f.saoOffset[k * 4 + 2];
        int o4 = f.saoOffset[k * 4 + 3];
        if (type == 1) {
            for (int i = 0; i < 32; i++) {
                bandTable[i] = 0;
            }
            int bandPos = f.saoClass[k];
            bandTable[bandPos & 31] = o1;
            bandTable[(bandPos + 1) & 31] = o2;
            bandTable[(bandPos + 2) & 31] = o3;
            bandTable[(bandPos + 3) & 31] = o4;
            int bandShift = bitDepth - 5;
            for (int y = 0; y < hCtb; y++) {
                int row = (y0 + y) * pw + x0;
                if (anyNoFilter) {
                    for (int x = 0; x < wCtb; x++) {
                        if (!skip(f, (x0 + x) << shift, (y0 + y) << shift)) {
                            int v = src[row + x];
                            v += bandTable[v >> bandShift];
                            dst[row + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                        }
                    }
                } else {
                    for (int x = 0; x < wCtb; x++) {
                        int v = src[row + x];
                        v += bandTable[v >> bandShift];
                        dst[row + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                    }
                }
            }
            return;
        }
        int cls = f.saoClass[k];
        int hA = EO_H[cls][0];
        int vA = EO_V[cls][0];
        int hB = EO_H[cls][1];
        int vB = EO_V[cls][1];
        // offsets by raw edgeIdx 0..4 after the remapping of 8.7.3.2 (raw 0,1,2,3,4 -> 1,2,0,3,4)
        int[] off = edgeOffsets;
        off[0] = o1;
        off[1] = o2;
        off[2] = 0;
        off[3] = o3;
        off[4] = o4;
        for (int y = 0; y < hCtb; y++) {
            int ys = y0 + y;
            if (ys + vA < 0 || ys + vA >= ph || ys + vB < 0 || ys + vB >= ph) {
                continue;
            }
            int dyA = ys + vA < y0 ? 0 : (ys + vA >= y0 + ctbSize ? 2 : 1);
            int dyB = ys + vB < y0 ? 0 : (ys + vB >= y0 + ctbSize ? 2 : 1);
            int row = ys * pw;
            int rowA = (ys + vA) * pw + hA;
            int rowB = (ys + vB) * pw + hB;
            int xFirst = 0;
            int xLast = wCtb - 1;
            if (!anyNoFilter && usable[dyA * 3 + 1] && usable[dyB * 3 + 1] && wCtb > 2) {
                // interior columns: both neighbours lie in the same CTB column
                for (int xs = x0 + 1; xs < x0 + wCtb - 1; xs++) {
                    int v = src[row + xs];
                    int a = src[rowA + xs];
                    int b = src[rowB + xs];
                    int da = v - a;
                    int db = v - b;
                    // 2 + Sign(da) + Sign(db), without branches
                    v += off[2 + ((da >> 31) | (-da >>> 31)) + ((db >> 31) | (-db >>> 31))];
                    dst[row + xs] = (short) (v < 0 ? 0 : (v > max ? max : v));
                }
            } else {
                xLast = wCtb - 1;
                xFirst = 0;
                for (int x = 1; x < wCtb - 1; x++) {
                    edgeSample(f, src, dst, x0, y0, x, ys, pw, ctbSize, hA, vA, hB, vB, shift, anyNoFilter, max);
                }
            }
            edgeSample(f, src, dst, x0, y0, xFirst, ys, pw, ctbSize, hA, vA, hB, vB, shift, anyNoFilter, max);
            if (xLast != xFirst) {
                edgeSample(f, src, dst, x0, y0, xLast, ys, pw, ctbSize, hA, vA, hB, vB, shift, anyNoFilter, max);
            }
        }
    }

    /** One edge-offset sample with every neighbour rule of 8.7.3.2 checked. */
    private void edgeSample(Frame f, short[] src, short[] dst, int x0, int y0, int x, int ys, int pw, int ctbSize,
            int hA, int vA, int hB, int vB, int shift, boolean anyNoFilter, int max) {
        int ph = src.length / pw;
        int xs = x0 + x;
        int xa = xs + hA;
        int xb = xs + hB;
        int ya = ys + vA;
        int yb = ys + vB;
        if (xa < 0 || xb < 0 || xa >= pw || xb >= pw || ya < 0 || yb < 0 || ya >= ph || yb >= ph) {
            return;
        }
        int dxA = xa < x0 ? 0 : (xa >= x0 + ctbSize ? 2 : 1);
        int dxB = xb < x0 ? 0 : (xb >= x0 + ctbSize ? 2 : 1);
        int dyA = ya < y0 ? 0 : (ya >= y0 + ctbSize ? 2 : 1);
        int dyB = yb < y0 ? 0 : (yb >= y0 + ctbSize ? 2 : 1);
        if (!usable[dyA * 3 + dxA] || !usable[dyB * 3 + dxB]) {
            return;
        }
        if (anyNoFilter && skip(f, xs << shift, ys << shift)) {
            return;
        }
        int v = src[ys * pw + xs];
        int a = src[ya * pw + xa];
        int b = src[yb * pw + xb];
        int e = edgeOffsets[2 + Integer.signum(v - a) + Integer.signum(v - b)];
        if (e != 0) {
            v += e;
            dst[ys * pw + xs] = (short) (v < 0 ? 0 : (v > max ? max : v));
        }
    }

    private static boolean skip(Frame f, int xL, int yL) {
        return f.noFilter[(yL >> 2) * f.w4 + (xL >> 2)] != 0;
    }
}
