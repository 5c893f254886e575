package org.kinora.theora;

/** The loop filter (Theora I 7.10) over the coded blocks of a reconstructed frame, in raster order. */
final class LoopFilter {
    private final FrameLayout layout;
    /** The frame's loop filter limit L. */
    private int limit;
    /**
     * lflim(R, L) of Theora I 7.10 for the frame's L, by R & 255: R = (F + 4) >> 3 lies in
     * -127..128 for the filter's F in -1020..1020, so the index is unique.
     */
    private final int[] lflimTable = new int[256];

    LoopFilter(FrameLayout layout) {
        this.layout = layout;
    }

    /** Prepares the filter for the frame; false when its limit is 0 and nothing is filtered. */
    boolean startFrame(int limit) {
        if (limit == 0) {
            return false;
        }
        this.limit = limit;
        for (int r = -127; r <= 128; r++) {
            lflimTable[r & 255] = lflim(r, 2 * limit);
        }
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

    /** lflim(R, L) of Theora I 7.10, with l2 = 2L. */
    private static int lflim(int r, int l2) {
        int sign = r >> 31;
        int a = (r ^ sign) - sign;
        int m = Math.max(Math.min(a, l2 - a), 0);
        return (m ^ sign) - sign;
    }

    /** Theora I 7.10.1: filters across a vertical edge; {@code o} is pixel FX of row FY. */
    private void horizontal(byte[] d, int o, int stride) {
        int[] t = lflimTable;
        // Two rows at a time, both read before either is written (the rows are independent).
        for (int y = 0; y < 8; y += 2, o += 2 * stride) {
            int q = o + stride;
            int p0 = d[o] & 0xFF;
            int p1 = d[o + 1] & 0xFF;
            int p2 = d[o + 2] & 0xFF;
            int p3 = d[o + 3] & 0xFF;
            int s0 = d[q] & 0xFF;
            int s1 = d[q + 1] & 0xFF;
            int s2 = d[q + 2] & 0xFF;
            int s3 = d[q + 3] & 0xFF;
            int v = t[((p0 - 3 * p1 + 3 * p2 - p3 + 4) >> 3) & 255];
            int w = t[((s0 - 3 * s1 + 3 * s2 - s3 + 4) >> 3) & 255];
            int a = p1 + v;
            int b = p2 - v;
            int c = s1 + w;
            int e = s2 - w;
            d[o + 1] = (byte) ((a & ~0xFF) == 0 ? a : ~a >>> 24);
            d[o + 2] = (byte) ((b & ~0xFF) == 0 ? b : ~b >>> 24);
            d[q + 1] = (byte) ((c & ~0xFF) == 0 ? c : ~c >>> 24);
            d[q + 2] = (byte) ((e & ~0xFF) == 0 ? e : ~e >>> 24);
        }
    }

    /** Theora I 7.10.2: filters across a horizontal edge; {@code o} is pixel FX of row FY. */
    private void vertical(byte[] d, int o, int stride) {
        int[] t = lflimTable;
        int o1 = o + stride;
        int o2 = o + 2 * stride;
        int o3 = o + 3 * stride;
        // Two columns at a time, both read before either is written (the columns are independent).
        for (int x = 0; x < 8; x += 2) {
            int p0 = d[o + x] & 0xFF;
            int p1 = d[o1 + x] & 0xFF;
            int p2 = d[o2 + x] & 0xFF;
            int p3 = d[o3 + x] & 0xFF;
            int s0 = d[o + x + 1] & 0xFF;
            int s1 = d[o1 + x + 1] & 0xFF;
            int s2 = d[o2 + x + 1] & 0xFF;
            int s3 = d[o3 + x + 1] & 0xFF;
            int v = t[((p0 - 3 * p1 + 3 * p2 - p3 + 4) >> 3) & 255];
            int w = t[((s0 - 3 * s1 + 3 * s2 - s3 + 4) >> 3) & 255];
            int a = p1 + v;
            int b = p2 - v;
            int c = s1 + w;
            int e = s2 - w;
            d[o1 + x] = (byte) ((a & ~0xFF) == 0 ? a : ~a >>> 24);
            d[o2 + x] = (byte) ((b & ~0xFF) == 0 ? b : ~b >>> 24);
            d[o1 + x + 1] = (byte) ((c & ~0xFF) == 0 ? c : ~c >>> 24);
            d[o2 + x + 1] = (byte) ((e & ~0xFF) == 0 ? e : ~e >>> 24);
        }
    }
}
