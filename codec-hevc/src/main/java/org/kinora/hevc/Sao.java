package org.kinora.hevc;

import org.kinora.hevc.params.Sps;

/**
 * Sample adaptive offset (H.265 8.7.3): band and edge offsets per CTB and component, reading the
 * deblocked picture and writing the final one in place.
 *
 * <p>CTB rows are filtered in order from the top, each once the row below it is deblocked; CTBs
 * of a row from the left, one component at a time. Edge offsets read the deblocked value of every
 * neighbour, but the CTBs above and to the left have been filtered already. So before a CTB row
 * is filtered its deblocked last row is kept (one line of the plane's width per component), and
 * before a CTB is filtered its deblocked last column is kept (one column of the CTB's height);
 * within a CTB three deblocked rows (above, current, below) are held while the current one is
 * rewritten. No copy of the picture is made.
 */
final class Sao {
    private static final int[][] EO_H = {{-1, 1}, {0, 0}, {-1, 1}, {1, -1}};
    private static final int[][] EO_V = {{0, 0}, {-1, 1}, {-1, 1}, {-1, 1}};

    /** Per component: deblocked last row of the CTB row above, sample x at index x + 1. */
    private final short[][] linesAbove = {new short[0], new short[0], new short[0]};
    /** Per component: deblocked last row of the CTB row being filtered, kept for the row below. */
    private final short[][] linesSaved = {new short[0], new short[0], new short[0]};
    /** The component being filtered's entries of {@link #linesAbove} and {@link #linesSaved}. */
    private short[] lineAbove;
    private short[] lineSaved;
    /** Deblocked last column of the CTB to the left, row y of the CTB at index y. */
    private short[] colLeft = new short[64];
    /** Deblocked last column of the CTB being filtered, kept for the CTB to its right. */
    private short[] colSaved = new short[64];
    /** Deblocked rows above, at and below the one being filtered, CTB column x at index x + 1. */
    private short[] rowPrev = new short[66];
    private short[] rowCur = new short[66];
    private short[] rowNext = new short[66];
    /** Edge-offset signs of the row before (Sign(sample - neighbour below)) and of the current row. */
    private int[] signUp = new int[64];
    private int[] signDown = new int[64];
    private final int[] bandTable = new int[32];
    private final int[] edgeOffsets = new int[5];
    /** Usability of the 3x3 neighbourhood of CTBs, [dy + 1][dx + 1] flattened. */
    private final boolean[] usable = new boolean[9];

    /** Makes the line and column buffers fit the picture {@code f}; called before its first row. */
    void start(Frame f) {
        int ctbSize = f.sps.ctbSize;
        if (colLeft.length < ctbSize) {
            colLeft = new short[ctbSize];
            colSaved = new short[ctbSize];
            rowPrev = new short[ctbSize + 2];
            rowCur = new short[ctbSize + 2];
            rowNext = new short[ctbSize + 2];
            signUp = new int[ctbSize];
            signDown = new int[ctbSize];
        }
        for (int c = 0; c < 3; c++) {
            if (linesAbove[c].length < f.planeWidth[c] + 2) {
                linesAbove[c] = new short[f.planeWidth[c] + 2];
                linesSaved[c] = new short[f.planeWidth[c] + 2];
            }
        }
    }

    /**
     * Filters CTB row {@code ry}, every component. Rows go in order from the top; row {@code ry}
     * and the one below it must be deblocked.
     */
    void row(Frame f, int ry) {
        if (!f.sps.saoEnabled) {
            return;
        }
        // a row without PCM or bypass blocks needs no per-sample check
        int ctb4 = f.sps.ctbSize >> 2;
        int from = ry * ctb4 * f.w4;
        int to = Math.min(f.h4, (ry + 1) * ctb4) * f.w4;
        boolean anyNoFilter = false;
        byte[] noFilter = f.noFilter;
        for (int i = from; i < to && !anyNoFilter; i++) {
            anyNoFilter = noFilter[i] != 0;
        }
        for (int c = 0; c < 3; c++) {
            lineAbove = linesAbove[c];
            lineSaved = linesSaved[c];
            rowOfPlane(f, c, ry, anyNoFilter);
            linesAbove[c] = lineAbove;
            linesSaved[c] = lineSaved;
        }
    }

    /** The CTBs of row {@code ry} of one component, from the left. */
    private void rowOfPlane(Frame f, int c, int ry, boolean anyNoFilter) {
        Sps sps = f.sps;
        int shift = c == 0 ? 0 : 1;
        int ctbSize = sps.ctbSize >> shift;
        int w = sps.picWidthInCtbs;
        int pw = f.planeWidth[c];
        int ph = f.planeHeight[c];
        short[] plane = f.planes[c];
        int y0 = ry * ctbSize;
        int hCtb = Math.min(ctbSize, ph - y0);
        boolean lastRow = ry + 1 >= sps.picHeightInCtbs;
        boolean active = false;
        for (int rs = ry * w, end = rs + w; rs < end && !active; rs++) {
            active = applies(f, c, rs);
        }
        if (!active) {
            // the row stays as deblocked: its last line is what the row below reads
            if (!lastRow) {
                System.arraycopy(plane, (y0 + hCtb - 1) * pw, lineAbove, 1, pw);
            }
            return;
        }
        if (!lastRow) {
            System.arraycopy(plane, (y0 + hCtb - 1) * pw, lineSaved, 1, pw);
        }
        for (int rx = 0; rx < w; rx++) {
            int rs = ry * w + rx;
            int x0 = rx * ctbSize;
            int wCtb = Math.min(ctbSize, pw - x0);
            if (rx + 1 < w) {
                int last = y0 * pw + x0 + wCtb - 1;
                for (int y = 0; y < hCtb; y++, last += pw) {
                    colSaved[y] = plane[last];
                }
            }
            if (applies(f, c, rs)) {
                if (f.saoType[rs * 3 + c] == 1) {
                    band(f, c, rs, plane, pw, x0, y0, wCtb, hCtb, shift, anyNoFilter);
                } else {
                    neighbours(f, rs, w);
                    edge(f, c, rs, plane, pw, ph, x0, y0, wCtb, hCtb, ctbSize, shift, anyNoFilter);
                }
            }
            short[] t = colLeft;
            colLeft = colSaved;
            colSaved = t;
        }
        short[] t = lineAbove;
        lineAbove = lineSaved;
        lineSaved = t;
    }

    /** Whether CTB {@code rs} has an offset for component {@code c} (its slice may have SAO off for it). */
    private static boolean applies(Frame f, int c, int rs) {
        if (f.ctbSliceAddr[rs] < 0 || f.saoType[rs * 3 + c] == 0) {
            return false;
        }
        SliceHeader sh = f.sliceHeaders[f.ctbSliceIdx[rs]];
        return c == 0 ? sh.saoLuma : sh.saoChroma;
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

    /** Band offset (8.7.3.2, SaoTypeIdx 1): needs no neighbour, so it works in place. */
    private void band(Frame f, int c, int rs, short[] plane, int pw, int x0, int y0, int wCtb, int hCtb, int shift,
            boolean anyNoFilter) {
        int bitDepth = c == 0 ? f.sps.bitDepthY : f.sps.bitDepthC;
        int max = (1 << bitDepth) - 1;
        int k = rs * 3 + c;
        for (int i = 0; i < 32; i++) {
            bandTable[i] = 0;
        }
        int bandPos = f.saoClass[k];
        for (int i = 0; i < 4; i++) {
            bandTable[(bandPos + i) & 31] = f.saoOffset[k * 4 + i];
        }
        int bandShift = bitDepth - 5;
        int[] table = bandTable;
        for (int y = 0; y < hCtb; y++) {
            int row = (y0 + y) * pw + x0;
            if (anyNoFilter) {
                for (int x = 0; x < wCtb; x++) {
                    if (!skip(f, (x0 + x) << shift, (y0 + y) << shift)) {
                        int v = plane[row + x];
                        v += table[v >> bandShift];
                        plane[row + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                    }
                }
            } else {
                for (int x = row, end = row + wCtb; x < end; x++) {
                    int v = plane[x];
                    v += table[v >> bandShift];
                    plane[x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                }
            }
        }
    }

    /** Fills {@code buf} with the deblocked row {@code ys} of the CTB (row {@code y} of it) and its left and right neighbours. */
    private void deblockedRow(short[] buf, short[] plane, int pw, int x0, int ys, int y, int wCtb, int hCtb) {
        int row = ys * pw;
        System.arraycopy(plane, row + x0, buf, 1, wCtb);
        if (x0 > 0) {
            // the CTB to the left is filtered already, except in the CTB row below
            buf[0] = y < hCtb ? colLeft[y] : plane[row + x0 - 1];
        }
        if (x0 + wCtb < pw) {
            buf[wCtb + 1] = plane[row + x0 + wCtb];
        }
    }

    /** Edge offset (8.7.3.2, SaoTypeIdx 2) of one CTB, reading deblocked values from the kept rows and columns. */
    private void edge(Frame f, int c, int rs, short[] plane, int pw, int ph, int x0, int y0, int wCtb, int hCtb,
            int ctbSize, int shift, boolean anyNoFilter) {
        int bitDepth = c == 0 ? f.sps.bitDepthY : f.sps.bitDepthC;
        int max = (1 << bitDepth) - 1;
        int k = rs * 3 + c;
        int cls = f.saoClass[k];
        int hA = EO_H[cls][0];
        int vA = EO_V[cls][0];
        int hB = EO_H[cls][1];
        int vB = EO_V[cls][1];
        // offsets by raw edgeIdx 0..4 after the remapping of 8.7.3.2 (raw 0,1,2,3,4 -> 1,2,0,3,4)
        int[] off = edgeOffsets;
        off[0] = f.saoOffset[k * 4];
        off[1] = f.saoOffset[k * 4 + 1];
        off[2] = 0;
        off[3] = f.saoOffset[k * 4 + 2];
        off[4] = f.saoOffset[k * 4 + 3];
        short[] prev = rowPrev;
        short[] cur = rowCur;
        short[] next = rowNext;
        if (y0 > 0) {
            // row above: the CTB row above is filtered already; its deblocked last row was kept
            System.arraycopy(lineAbove, x0, prev, 0, wCtb + 2);
        }
        deblockedRow(cur, plane, pw, x0, y0, 0, wCtb, hCtb);
        boolean signsValid = false;
        for (int y = 0; y < hCtb; y++) {
            int ys = y0 + y;
            boolean valid = false;
            if (ys + 1 < ph) {
                deblockedRow(next, plane, pw, x0, ys + 1, y + 1, wCtb, hCtb);
            }
            if (ys + vA >= 0 && ys + vA < ph && ys + vB >= 0 && ys + vB < ph) {
                short[] la = vA < 0 ? prev : (vA == 0 ? cur : next);
                short[] lb = vB < 0 ? prev : (vB == 0 ? cur : next);
                int dyA = ys + vA < y0 ? 0 : (ys + vA >= y0 + ctbSize ? 2 : 1);
                int dyB = ys + vB < y0 ? 0 : (ys + vB >= y0 + ctbSize ? 2 : 1);
                int row = ys * pw + x0;
                if (!anyNoFilter && usable[dyA * 3 + 1] && usable[dyB * 3 + 1] && wCtb > 2 && vA == 0) {
                    // horizontal class, interior columns: Sign(v - left) of a sample is minus
                    // Sign(v - right) of the one before, so one comparison per sample
                    int d0 = cur[2] - cur[1];
                    int sl = (d0 >> 31) | (-d0 >>> 31);
                    for (int x = 1; x < wCtb - 1; x++) {
                        int v = cur[x + 1];
                        int dr = v - cur[x + 2];
                        int sr = (dr >> 31) | (-dr >>> 31);
                        v += off[2 + sl + sr];
                        sl = -sr;
                        plane[row + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                    }
                } else if (!anyNoFilter && usable[dyA * 3 + 1] && usable[dyB * 3 + 1] && wCtb > 2) {
                    // vertical and diagonal classes, interior columns (vA = -1, vB = 1, hA = -hB):
                    // Sign(v - above) is minus Sign(above - below) of the sample above, which the
                    // row before computed; each row keeps its Sign(v - below) for the next
                    int[] up = signUp;
                    int[] down = signDown;
                    int ib = 1 + hB;
                    if (!signsValid) {
                        for (int x = 0; x < wCtb; x++) {
                            int d = prev[x + 1] - cur[x + ib];
                            up[x] = (d >> 31) | (-d >>> 31);
                        }
                    }
                    for (int x = 1; x < wCtb - 1; x++) {
                        int v = cur[x + 1];
                        int db = v - next[x + ib];
                        int sd = (db >> 31) | (-db >>> 31);
                        down[x] = sd;
                        v += off[2 - up[x + hA] + sd];
                        plane[row + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                    }
                    int d = cur[1] - next[ib];
                    down[0] = (d >> 31) | (-d >>> 31);
                    d = cur[wCtb] - next[wCtb - 1 + ib];
                    down[wCtb - 1] = (d >> 31) | (-d >>> 31);
                    signUp = down;
                    signDown = up;
                    valid = true;
                } else {
                    for (int x = 1; x < wCtb - 1; x++) {
                        edgeSample(f, plane, la, cur, lb, x0, y0, x, ys, pw, ph, ctbSize, hA, vA, hB, vB, shift,
                                anyNoFilter, max);
                    }
                }
                edgeSample(f, plane, la, cur, lb, x0, y0, 0, ys, pw, ph, ctbSize, hA, vA, hB, vB, shift, anyNoFilter,
                        max);
                if (wCtb > 1) {
                    edgeSample(f, plane, la, cur, lb, x0, y0, wCtb - 1, ys, pw, ph, ctbSize, hA, vA, hB, vB, shift,
                            anyNoFilter, max);
                }
            }
            signsValid = valid;
            short[] t = prev;
            prev = cur;
            cur = next;
            next = t;
        }
        rowPrev = prev;
        rowCur = cur;
        rowNext = next;
    }

    /** One edge-offset sample with every neighbour rule of 8.7.3.2 checked; la, cur, lb hold deblocked rows. */
    private void edgeSample(Frame f, short[] plane, short[] la, short[] cur, short[] lb, int x0, int y0, int x, int ys,
            int pw, int ph, int ctbSize, int hA, int vA, int hB, int vB, int shift, boolean anyNoFilter, int max) {
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
        int v = cur[x + 1];
        int e = edgeOffsets[2 + Integer.signum(v - la[x + 1 + hA]) + Integer.signum(v - lb[x + 1 + hB])];
        if (e != 0) {
            v += e;
            plane[ys * pw + xs] = (short) (v < 0 ? 0 : (v > max ? max : v));
        }
    }

    private static boolean skip(Frame f, int xL, int yL) {
        return f.noFilter[(yL >> 2) * f.w4 + (xL >> 2)] != 0;
    }
}
