package org.kinora.hevc;

import org.kinora.hevc.params.Sps;

/**
 * The deblocking filter (H.265 8.7.2) on the 8x8 luma grid (16x16 for 4:2:0 chroma), with the
 * boundary strengths recorded while decoding, one CTB row at a time, rows in order from the top.
 *
 * <p>The specification filters all vertical edges of the picture, then all horizontal ones. Edges
 * of one direction neither read nor write each other's samples (8 samples apart, each reads 4
 * and writes at most 3 on either side), so the only order that matters is vertical before
 * horizontal for each sample. A row's vertical edges touch only its own lines; its horizontal
 * edges (the one at its top included) read its lines and the last 4 lines of the row above, all
 * of which are vertically filtered by then, and write nothing a later row's vertical edges read.
 * Row by row is therefore the same as the whole picture at once.
 */
final class Deblocking {
    // Table 8-12: beta' for Q = 0..51 and tC' for Q = 0..53
    private static final int[] BETA = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 22, 24,
        26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64,
    };
    private static final int[] TC = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3,
        3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 11, 13, 14, 16, 18, 20, 22, 24,
    };
    private static final int[] CHROMA_QP_TABLE = {29, 30, 31, 32, 33, 33, 34, 34, 35, 35, 36, 36, 37, 37};

    /** Filters the edges of CTB row {@code ry}: its vertical edges, then its horizontal ones, the one at its top included. */
    void row(Frame f, int ry) {
        int ctb4 = f.sps.ctbSize >> 2;
        int by0 = ry * ctb4;
        int by1 = Math.min(f.h4, by0 + ctb4);
        strengths(f, f.bsVer, 1, by0 * f.w4, by1 * f.w4);
        strengths(f, f.bsHor, f.w4, by0 * f.w4, by1 * f.w4);
        edges(f, true, by0, by1);
        edges(f, false, by0, by1);
    }

    /**
     * 8.7.2.4: turns the edge flags that inter coding units recorded into boundary strengths;
     * {@code step} goes from the q block to the p block across the edge.
     */
    private static void strengths(Frame f, byte[] bs, int step, int from, int to) {
        for (int q = from; q < to; q++) {
            int flags = bs[q];
            if (flags < CodingTree.EDGE_TU) {
                continue;
            }
            int p = q - step;
            int v;
            if (f.intra[p] != 0 || f.intra[q] != 0) {
                v = 2;
            } else if ((flags & CodingTree.EDGE_TU) != 0 && (f.codedLuma[p] != 0 || f.codedLuma[q] != 0)) {
                v = 1;
            } else {
                v = motionDiffers(f, p, q) ? 1 : 0;
            }
            bs[q] = (byte) v;
        }
    }

    /** The motion conditions of 8.7.2.4 for two inter blocks. */
    private static boolean motionDiffers(Frame f, int p, int q) {
        SliceHeader sp = sliceOf(f, p);
        SliceHeader sq = sliceOf(f, q);
        Frame p0 = f.refIdx0[p] >= 0 ? sp.refPicList[0][f.refIdx0[p]] : null;
        Frame p1 = f.refIdx1[p] >= 0 ? sp.refPicList[1][f.refIdx1[p]] : null;
        Frame q0 = f.refIdx0[q] >= 0 ? sq.refPicList[0][f.refIdx0[q]] : null;
        Frame q1 = f.refIdx1[q] >= 0 ? sq.refPicList[1][f.refIdx1[q]] : null;
        int np = (p0 != null ? 1 : 0) + (p1 != null ? 1 : 0);
        int nq = (q0 != null ? 1 : 0) + (q1 != null ? 1 : 0);
        if (np != nq) {
            return true;
        }
        if (np == 1) {
            Frame rp = p0 != null ? p0 : p1;
            Frame rq = q0 != null ? q0 : q1;
            if (rp != rq) {
                return true;
            }
            int mp = p0 != null ? f.mv0[p] : f.mv1[p];
            int mq = q0 != null ? f.mv0[q] : f.mv1[q];
            return far(mp, mq);
        }
        // two motion vectors on each side
        if (!((p0 == q0 && p1 == q1) || (p0 == q1 && p1 == q0))) {
            return true;
        }
        if (p0 != p1) {
            if (p0 == q0) {
                return far(f.mv0[p], f.mv0[q]) || far(f.mv1[p], f.mv1[q]);
            }
            return far(f.mv0[p], f.mv1[q]) || far(f.mv1[p], f.mv0[q]);
        }
        // both vectors of each block refer to the same picture
        return (far(f.mv0[p], f.mv0[q]) || far(f.mv1[p], f.mv1[q]))
                && (far(f.mv0[p], f.mv1[q]) || far(f.mv1[p], f.mv0[q]));
    }

    private static SliceHeader sliceOf(Frame f, int i4) {
        if (f.sliceCount == 1) {
            return f.sliceHeaders[0]; // every CTB's index is 0: no division to find the block's CTB
        }
        Sps sps = f.sps;
        int x = (i4 % f.w4) << 2;
        int y = (i4 / f.w4) << 2;
        return f.sliceHeaders[f.ctbSliceIdx[(y >> sps.log2CtbSize) * sps.picWidthInCtbs + (x >> sps.log2CtbSize)]];
    }

    /** A difference of 4 or more quarter luma samples in either component. */
    private static boolean far(int a, int b) {
        return Math.abs(MotionVectors.mvx(a) - MotionVectors.mvx(b)) >= 4 || Math.abs(MotionVectors.mvy(a) - MotionVectors.mvy(b)) >= 4;
    }

    private static int clip3(int lo, int hi, int v) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** The edges of one direction whose q blocks lie in 4x4 block rows {@code by0} to {@code by1 - 1}. */
    private void edges(Frame f, boolean vertical, int by0, int by1) {
        Sps sps = f.sps;
        int w4 = f.w4;
        byte[] bs = vertical ? f.bsVer : f.bsHor;
        short[] luma = f.planes[0];
        int stride = f.planeWidth[0];
        int maxY = (1 << sps.bitDepthY) - 1;
        int maxC = (1 << sps.bitDepthC) - 1;
        // edges on the 8x8 grid only
        int stepX = vertical ? 2 : 1;
        int stepY = vertical ? 1 : 2;
        // by0 is even (CTBs are at least 16 samples high): horizontal edges stay on the grid
        for (int by = vertical ? by0 : Math.max(by0, 2); by < by1; by += stepY) {
            for (int bx = vertical ? 2 : 0; bx < w4; bx += stepX) {
                int b = bs[by * w4 + bx];
                if (b == 0) {
                    continue;
                }
                int x = bx << 2;
                int y = by << 2;
                int qIdx = by * w4 + bx;
                int pIdx = vertical ? qIdx - 1 : qIdx - w4;
                int qpQ = f.qpY[qIdx];
                int qpP = f.qpY[pIdx];
                boolean noP = f.noFilter[pIdx] != 0;
                boolean noQ = f.noFilter[qIdx] != 0;
                int ctb = (y >> sps.log2CtbSize) * sps.picWidthInCtbs + (x >> sps.log2CtbSize);
                SliceHeader sh = f.sliceHeaders[f.ctbSliceIdx[ctb]];
                int qPL = (qpQ + qpP + 1) >> 1;
                int beta = BETA[clip3(0, 51, qPL + (sh.betaOffsetDiv2 << 1))] << (sps.bitDepthY - 8);
                int tc = TC[clip3(0, 53, qPL + 2 * (b - 1) + (sh.tcOffsetDiv2 << 1))] << (sps.bitDepthY - 8);
                int pos = y * stride + x;
                if (vertical) {
                    lumaEdge(luma, pos, 1, stride, beta, tc, noP, noQ, maxY);
                } else {
                    lumaEdge(luma, pos, stride, 1, beta, tc, noP, noQ, maxY);
                }
                // chroma: bS 2 on the 8x8 chroma grid (4:2:0)
                if (b == 2 && (vertical ? (bx & 3) == 0 : (by & 3) == 0)) {
                    for (int c = 1; c <= 2; c++) {
                        int off = c == 1 ? f.pps.cbQpOffset : f.pps.crQpOffset;
                        int qPi = qPL + off;
                        int qpC = qPi < 30 ? qPi : (qPi > 43 ? qPi - 6 : CHROMA_QP_TABLE[qPi - 30]);
                        int tcC = TC[clip3(0, 53, qpC + 2 + (sh.tcOffsetDiv2 << 1))] << (sps.bitDepthC - 8);
                        short[] pl = f.planes[c];
                        int cs = f.planeWidth[c];
                        int cpos = (y >> 1) * cs + (x >> 1);
                        if (vertical) {
                            chromaEdge(pl, cpos, 1, cs, tcC, noP, noQ, maxC);
                        } else {
                            chromaEdge(pl, cpos, cs, 1, tcC, noP, noQ, maxC);
                        }
                    }
                }
            }
        }
    }

    /**
     * 8.7.2.5.3 and 8.7.2.5.7 for one 4-line luma edge segment: {@code pos} is q0 of the first
     * line, {@code xs} steps across the edge and {@code ls} along it.
     */
    private static void lumaEdge(short[] s, int pos, int xs, int ls, int beta, int tc, boolean noP, boolean noQ, int max) {
        int p0 = pos;
        int p3 = pos + 3 * ls;
        int dp0 = Math.abs(s[p0 - 3 * xs] - 2 * s[p0 - 2 * xs] + s[p0 - xs]);
        int dp3 = Math.abs(s[p3 - 3 * xs] - 2 * s[p3 - 2 * xs] + s[p3 - xs]);
        int dq0 = Math.abs(s[p0 + 2 * xs] - 2 * s[p0 + xs] + s[p0]);
        int dq3 = Math.abs(s[p3 + 2 * xs] - 2 * s[p3 + xs] + s[p3]);
        int dpq0 = dp0 + dq0;
        int dpq3 = dp3 + dq3;
        int dp = dp0 + dp3;
        int dq = dq0 + dq3;
        int d = dpq0 + dpq3;
        if (d >= beta) {
            return;
        }
        boolean strong = decision(s, p0, xs, 2 * dpq0, beta, tc) && decision(s, p3, xs, 2 * dpq3, beta, tc);
        boolean dEp = dp < ((beta + (beta >> 1)) >> 3);
        boolean dEq = dq < ((beta + (beta >> 1)) >> 3);
        int tc2 = 2 * tc;
        for (int k = 0; k < 4; k++) {
            int q = pos + k * ls;
            int vp0 = s[q - xs];
            int vp1 = s[q - 2 * xs];
            int vp2 = s[q - 3 * xs];
            int vq0 = s[q];
            int vq1 = s[q + xs];
            int vq2 = s[q + 2 * xs];
            if (strong) {
                int vp3 = s[q - 4 * xs];
                int vq3 = s[q + 3 * xs];
                if (!noP) {
                    s[q - xs] = (short) clip3(vp0 - tc2, vp0 + tc2, (vp2 + 2 * vp1 + 2 * vp0 + 2 * vq0 + vq1 + 4) >> 3);
                    s[q - 2 * xs] = (short) clip3(vp1 - tc2, vp1 + tc2, (vp2 + vp1 + vp0 + vq0 + 2) >> 2);
                    s[q - 3 * xs] = (short) clip3(vp2 - tc2, vp2 + tc2, (2 * vp3 + 3 * vp2 + vp1 + vp0 + vq0 + 4) >> 3);
                }
                if (!noQ) {
                    s[q] = (short) clip3(vq0 - tc2, vq0 + tc2, (vp1 + 2 * vp0 + 2 * vq0 + 2 * vq1 + vq2 + 4) >> 3);
                    s[q + xs] = (short) clip3(vq1 - tc2, vq1 + tc2, (vp0 + vq0 + vq1 + vq2 + 2) >> 2);
                    s[q + 2 * xs] = (short) clip3(vq2 - tc2, vq2 + tc2, (vp0 + vq0 + vq1 + 3 * vq2 + 2 * vq3 + 4) >> 3);
                }
            } else {
                int delta = (9 * (vq0 - vp0) - 3 * (vq1 - vp1) + 8) >> 4;
                if (Math.abs(delta) < tc * 10) {
                    delta = clip3(-tc, tc, delta);
                    if (!noP) {
                        s[q - xs] = (short) clip3(0, max, vp0 + delta);
                    }
                    if (!noQ) {
                        s[q] = (short) clip3(0, max, vq0 - delta);
                    }
                    int tcH = tc >> 1;
                    if (dEp && !noP) {
                        int dP = clip3(-tcH, tcH, (((vp2 + vp0 + 1) >> 1) - vp1 + delta) >> 1);
                        s[q - 2 * xs] = (short) clip3(0, max, vp1 + dP);
                    }
                    if (dEq && !noQ) {
                        int dQ = clip3(-tcH, tcH, (((vq2 + vq0 + 1) >> 1) - vq1 - delta) >> 1);
                        s[q + xs] = (short) clip3(0, max, vq1 + dQ);
                    }
                }
            }
        }
    }

    /** 8.7.2.5.6 decision for one line. */
    private static boolean decision(short[] s, int q, int xs, int dpq, int beta, int tc) {
        int p0 = s[q - xs];
        int p3 = s[q - 4 * xs];
        int q0 = s[q];
        int q3 = s[q + 3 * xs];
        return dpq < (beta >> 2) && Math.abs(p3 - p0) + Math.abs(q0 - q3) < (beta >> 3)
                && Math.abs(p0 - q0) < ((5 * tc + 1) >> 1);
    }

    /** 8.7.2.5.5 for the two chroma lines matching a 4-line luma segment. */
    private static void chromaEdge(short[] s, int pos, int xs, int ls, int tc, boolean noP, boolean noQ, int max) {
        for (int k = 0; k < 2; k++) {
            int q = pos + k * ls;
            int p0 = s[q - xs];
            int p1 = s[q - 2 * xs];
            int q0 = s[q];
            int q1 = s[q + xs];
            int delta = clip3(-tc, tc, ((((q0 - p0) << 2) + p1 - q1 + 4) >> 3));
            if (!noP) {
                s[q - xs] = (short) clip3(0, max, p0 + delta);
            }
            if (!noQ) {
                s[q] = (short) clip3(0, max, q0 - delta);
            }
        }
    }
}
