package org.kinora.theora;

/** The loop filter (Theora I 7.10) over the coded blocks of a reconstructed frame, in raster order. */
final class LoopFilter {
    private final FrameLayout layout;
    /**
     * lflim(R, L) by the filter sum S = p0 - 3 p1 + 3 p2 - p3 (R = (S + 4) >> 3), at S + 1024
     * for S in [-1020, 1020].
     */
    private final int[] lut = new int[2048];
    private int lutLimit = -1;

    LoopFilter(FrameLayout layout) {
        this.layout = layout;
    }

    private void prepare(int l) {
        if (l == lutLimit) {
            return;
        }
        for (int sum = -1024; sum < 1024; sum++) {
            int r = (sum + 4) >> 3;
            int v;
            if (r <= -2 * l) {
                v = 0;
            } else if (r <= -l) {
                v = -r - 2 * l;
            } else if (r < l) {
                v = r;
            } else if (r < 2 * l) {
                v = -r + 2 * l;
            } else {
                v = 0;
            }
            lut[sum + 1024] = v;
        }
        lutLimit = l;
    }

    /** Prepares the filter for the frame; false when its limit is 0 and nothing is filtered. */
    boolean startFrame(int limit) {
        if (limit == 0) {
            return false;
        }
        prepare(limit);
        return true;
    }

    /**
     * Theora I 7.10.3 for block rows {@code yStart} to {@code yEnd - 1} of plane {@code p}, which
     * must follow the rows filtered before (raster order); the rows up to {@code yEnd} must be
     * reconstructed.
     */
    void applyRows(FrameState s, byte[] d, int p, int yStart, int yEnd) {
        byte[] coded = s.coded;
        int fw = layout.fragWidth[p];
        int fh = layout.fragHeight[p];
        int pw = layout.planeWidth[p];
        int start = layout.fragStart[p];
        for (int fy = yStart; fy < yEnd; fy++) {
            int row = start + fy * fw;
            for (int fx = 0; fx < fw; fx++) {
                int f = row + fx;
                if (coded[f] == 0) {
                    continue;
                }
                int off = fy * 8 * pw + fx * 8;
                if (fx > 0) {
                    horizontal(d, off - 2, pw);
                }
                if (fy > 0) {
                    vertical(d, off - 2 * pw, pw);
                }
                if (fx < fw - 1 && coded[f + 1] == 0) {
                    horizontal(d, off + 6, pw);
                }
                if (fy < fh - 1 && coded[f + fw] == 0) {
                    vertical(d, off + 6 * pw, pw);
                }
            }
        }
    }

    /** Theora I 7.10.1: filters across a vertical edge; {@code o} is pixel FX of row FY. */
    private void horizontal(byte[] d, int o, int stride) {
        int[] t = lut;
        for (int y = 0; y < 8; y++, o += stride) {
            int p0 = d[o] & 0xFF;
            int p1 = d[o + 1] & 0xFF;
            int p2 = d[o + 2] & 0xFF;
            int p3 = d[o + 3] & 0xFF;
            int v = t[p0 - 3 * p1 + 3 * p2 - p3 + 1024];
            int a = p1 + v;
            int b = p2 - v;
            d[o + 1] = (byte) ((a & ~0xFF) == 0 ? a : ~a >>> 24);
            d[o + 2] = (byte) ((b & ~0xFF) == 0 ? b : ~b >>> 24);
        }
    }

    /** Theora I 7.10.2: filters across a horizontal edge; {@code o} is pixel FX of row FY. */
    private void vertical(byte[] d, int o, int stride) {
        int[] t = lut;
        for (int x = 0; x < 8; x++, o++) {
            int p0 = d[o] & 0xFF;
            int p1 = d[o + stride] & 0xFF;
            int p2 = d[o + 2 * stride] & 0xFF;
            int p3 = d[o + 3 * stride] & 0xFF;
            int v = t[p0 - 3 * p1 + 3 * p2 - p3 + 1024];
            int a = p1 + v;
            int b = p2 - v;
            d[o + stride] = (byte) ((a & ~0xFF) == 0 ? a : ~a >>> 24);
            d[o + 2 * stride] = (byte) ((b & ~0xFF) == 0 ? b : ~b >>> 24);
        }
    }
}
