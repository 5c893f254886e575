package org.kinora.hevc;

import org.kinora.hevc.params.Sps;

/**
 * Derivation of motion vectors and reference indices (H.265 8.5.3.2): merge mode with spatial,
 * temporal, combined bi-predictive and zero candidates (8.5.3.2.2 to 8.5.3.2.5), motion vector
 * prediction (8.5.3.2.6, 8.5.3.2.7) and temporal prediction from the collocated picture
 * (8.5.3.2.8, 8.5.3.2.9).
 *
 * <p>Motion is stored per 4x4 block in the frame ({@code Frame.mv0/mv1/refIdx0/refIdx1}, a
 * refIdx of -1 meaning PredFlagLX = 0). A vector is packed in an int as
 * {@code (mvx & 0xFFFF) | (mvy << 16)}. Collocated reads use the 16x16-aligned position
 * ((x >> 4) << 4, (y >> 4) << 4) of 8.5.3.2.8, which is the motion compression of the
 * specification without a second array.
 */
final class MotionVectors {
    private final CodingTree tree;
    private Frame frame;
    private Sps sps;
    private SliceHeader sh;
    private Frame colPic;

    // result of the last derivation
    int refIdx0;
    int refIdx1;
    int mv0;
    int mv1;

    // merge candidate list
    private final int[] candRef0 = new int[5];
    private final int[] candRef1 = new int[5];
    private final int[] candMv0 = new int[5];
    private final int[] candMv1 = new int[5];
    private int temporalMv;

    // partition of the prediction unit being derived (6.4.2)
    private int xCb;
    private int yCb;
    private int nCbS;
    private int partIdx;
    private int pbW;
    private int pbH;

    private static final int[] L0_CAND = {0, 1, 0, 2, 1, 2, 0, 3, 1, 3, 2, 3};
    private static final int[] L1_CAND = {1, 0, 2, 0, 2, 1, 3, 0, 3, 1, 3, 2};

    MotionVectors(CodingTree tree) {
        this.tree = tree;
    }

    void startSlice(Frame f, SliceHeader h) {
        frame = f;
        sps = f.sps;
        sh = h;
        colPic = null;
        if (h.sliceType != SliceHeader.I && h.temporalMvpEnabled) {
            int list = h.sliceType == SliceHeader.B && !h.collocatedFromL0 ? 1 : 0;
            int active = list == 0 ? h.numRefIdxL0Active : h.numRefIdxL1Active;
            if (h.collocatedRefIdx < active) {
                colPic = h.refPicList[list][h.collocatedRefIdx];
            }
        }
    }

    static int pack(int x, int y) {
        return (x & 0xFFFF) | (y << 16);
    }

    static int mvx(int mv) {
        return (short) mv;
    }

    static int mvy(int mv) {
        return mv >> 16;
    }

    private static int clip3(int lo, int hi, int v) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** 6.4.2 prediction block availability, then the neighbour must not be intra. */
    private boolean availablePb(int xPb, int yPb, int xN, int yN) {
        boolean sameCb = xCb <= xN && yCb <= yN && xCb + nCbS > xN && yCb + nCbS > yN;
        boolean available;
        if (!sameCb) {
            available = tree.availableZscan(xPb, yPb, xN, yN);
        } else {
            available = !((pbW << 1) == nCbS && (pbH << 1) == nCbS && partIdx == 1 && yCb + pbH <= yN && xCb + pbW > xN);
        }
        return available && frame.intra[(yN >> 2) * frame.w4 + (xN >> 2)] == 0;
    }

    private int index(int x, int y) {
        return (y >> 2) * frame.w4 + (x >> 2);
    }

    private boolean sameMotion(int a, int b) {
        Frame f = frame;
        return f.refIdx0[a] == f.refIdx0[b] && f.refIdx1[a] == f.refIdx1[b]
                && (f.refIdx0[a] < 0 || f.mv0[a] == f.mv0[b]) && (f.refIdx1[a] < 0 || f.mv1[a] == f.mv1[b]);
    }

    /**
     * 8.5.3.2.2 merge mode for the prediction block at (xPb, yPb) of size nPbW x nPbH, partition
     * partIdx of the coding block at (xCb, yCb); the result is in refIdx0/1 and mv0/1.
     */
    void merge(int xCb, int yCb, int nCbS, int xPb, int yPb, int nPbW, int nPbH, int partIdx, int partMode, int mergeIdx) {
        int origW = nPbW;
        int origH = nPbH;
        int log2Par = frame.pps.log2ParallelMergeLevel;
        if (log2Par > 2 && nCbS == 8) {
            // singleMCLFlag: all partitions of the coding unit share the 2Nx2N candidate list
            xPb = xCb;
            yPb = yCb;
            nPbW = nCbS;
            nPbH = nCbS;
            partIdx = 0;
        }
        this.xCb = xCb;
        this.yCb = yCb;
        this.nCbS = nCbS;
        this.partIdx = partIdx;
        this.pbW = nPbW;
        this.pbH = nPbH;
        Frame f = frame;
        int n = 0;
        // 8.5.3.2.3 spatial candidates, in the order A1, B1, B0, A0, B2
        int xA1 = xPb - 1;
        int yA1 = yPb + nPbH - 1;
        boolean vertical = partMode == CodingTree.PART_Nx2N || partMode == CodingTree.PART_nLx2N || partMode == CodingTree.PART_nRx2N;
        boolean horizontal = partMode == CodingTree.PART_2NxN || partMode == CodingTree.PART_2NxnU || partMode == CodingTree.PART_2NxnD;
        boolean availA1 = !samePar(xPb, yPb, xA1, yA1, log2Par) && !(partIdx == 1 && vertical) && availablePb(xPb, yPb, xA1, yA1);
        int iA1 = availA1 ? index(xA1, yA1) : -1;
        if (availA1) {
            n = add(n, iA1);
        }
        int xB1 = xPb + nPbW - 1;
        int yB1 = yPb - 1;
        boolean availB1 = !samePar(xPb, yPb, xB1, yB1, log2Par) && !(partIdx == 1 && horizontal) && availablePb(xPb, yPb, xB1, yB1);
        int iB1 = availB1 ? index(xB1, yB1) : -1;
        // pruning compares with availableB1, the neighbour's availability, not availableFlagB1
        boolean flagB1 = availB1 && !(availA1 && sameMotion(iA1, iB1));
        if (flagB1) {
            n = add(n, iB1);
        }
        int count = (availA1 ? 1 : 0) + (flagB1 ? 1 : 0);
        if (n <= mergeIdx) {
            int xB0 = xPb + nPbW;
            int yB0 = yPb - 1;
            boolean availB0 = !samePar(xPb, yPb, xB0, yB0, log2Par) && availablePb(xPb, yPb, xB0, yB0);
            if (availB0 && availB1 && sameMotion(iB1, index(xB0, yB0))) {
                availB0 = false;
            }
            if (availB0) {
                n = add(n, index(xB0, yB0));
                count++;
            }
        }
        if (n <= mergeIdx) {
            int xA0 = xPb - 1;
            int yA0 = yPb + nPbH;
            boolean availA0 = !samePar(xPb, yPb, xA0, yA0, log2Par) && availablePb(xPb, yPb, xA0, yA0);
            if (availA0 && availA1 && sameMotion(iA1, index(xA0, yA0))) {
                availA0 = false;
            }
            if (availA0) {
                n = add(n, index(xA0, yA0));
                count++;
            }
        }
        if (n <= mergeIdx && count < 4) {
            int xB2 = xPb - 1;
            int yB2 = yPb - 1;
            boolean availB2 = !samePar(xPb, yPb, xB2, yB2, log2Par) && availablePb(xPb, yPb, xB2, yB2);
            if (availB2) {
                int iB2 = index(xB2, yB2);
                if (!(availA1 && sameMotion(iA1, iB2)) && !(availB1 && sameMotion(iB1, iB2))) {
                    n = add(n, iB2);
                }
            }
        }
        boolean b = sh.sliceType == SliceHeader.B;
        // 8.5.3.2.8 temporal candidate with refIdxLXCol = 0
        if (n <= mergeIdx && n < sh.maxNumMergeCand) {
            boolean l0 = temporal(xPb, yPb, nPbW, nPbH, 0, 0);
            int t0 = temporalMv;
            boolean l1 = b && temporal(xPb, yPb, nPbW, nPbH, 0, 1);
            int t1 = temporalMv;
            if (l0 || l1) {
                candRef0[n] = l0 ? 0 : -1;
                candMv0[n] = l0 ? t0 : 0;
                candRef1[n] = l1 ? 0 : -1;
                candMv1[n] = l1 ? t1 : 0;
                n++;
            }
        }
        // 8.5.3.2.4 combined bi-predictive candidates
        int numOrig = n;
        if (b && n <= mergeIdx && numOrig > 1 && numOrig < sh.maxNumMergeCand) {
            for (int combIdx = 0; combIdx < numOrig * (numOrig - 1) && n < sh.maxNumMergeCand && n <= mergeIdx; combIdx++) {
                int l0 = L0_CAND[combIdx];
                int l1 = L1_CAND[combIdx];
                if (candRef0[l0] >= 0 && candRef1[l1] >= 0
                        && (sh.refPoc[0][candRef0[l0]] != sh.refPoc[1][candRef1[l1]] || candMv0[l0] != candMv1[l1])) {
                    candRef0[n] = candRef0[l0];
                    candMv0[n] = candMv0[l0];
                    candRef1[n] = candRef1[l1];
                    candMv1[n] = candMv1[l1];
                    n++;
                }
            }
        }
        // 8.5.3.2.5 zero candidates
        int numRefIdx = b ? Math.min(sh.numRefIdxL0Active, sh.numRefIdxL1Active) : sh.numRefIdxL0Active;
        int zeroIdx = 0;
        while (n <= mergeIdx) {
            int r = zeroIdx < numRefIdx ? zeroIdx : 0;
            candRef0[n] = r;
            candMv0[n] = 0;
            candRef1[n] = b ? r : -1;
            candMv1[n] = 0;
            n++;
            zeroIdx++;
        }
        refIdx0 = candRef0[mergeIdx];
        refIdx1 = candRef1[mergeIdx];
        mv0 = candMv0[mergeIdx];
        mv1 = candMv1[mergeIdx];
        if (refIdx0 >= 0 && refIdx1 >= 0 && origW + origH == 12) {
            refIdx1 = -1; // 8x4 and 4x8 blocks are not bi-predicted (8.5.3.2.2)
        }
        if (refIdx0 < 0) {
            mv0 = 0;
        }
        if (refIdx1 < 0) {
            mv1 = 0;
        }
    }

    private static boolean samePar(int xPb, int yPb, int xN, int yN, int log2Par) {
        return (xPb >> log2Par) == (xN >> log2Par) && (yPb >> log2Par) == (yN >> log2Par);
    }

    private int add(int n, int i) {
        Frame f = frame;
        candRef0[n] = f.refIdx0[i];
        candRef1[n] = f.refIdx1[i];
        candMv0[n] = f.mv0[i];
        candMv1[n] = f.mv1[i];
        return n + 1;
    }

    /**
     * 8.5.3.2.6 and 8.5.3.2.7: the motion vector predictor mvpLX for reference index refIdxLX of
     * list X, entry mvpFlag of the candidate list.
     */
    int predictor(int xCb, int yCb, int nCbS, int xPb, int yPb, int nPbW, int nPbH, int partIdx, int x, int refIdxLX,
            int mvpFlag) {
        this.xCb = xCb;
        this.yCb = yCb;
        this.nCbS = nCbS;
        this.partIdx = partIdx;
        this.pbW = nPbW;
        this.pbH = nPbH;
        Frame f = frame;
        int targetPoc = sh.refPoc[x][refIdxLX];
        boolean targetLt = sh.refIsLongTerm[x][refIdxLX];
        int xA0 = xPb - 1;
        int yA0 = yPb + nPbH;
        int yA1 = yA0 - 1;
        boolean availA0 = availablePb(xPb, yPb, xA0, yA0);
        boolean availA1 = availablePb(xPb, yPb, xA0, yA1);
        boolean isScaled = availA0 || availA1;
        int iA0 = availA0 ? index(xA0, yA0) : -1;
        int iA1 = availA1 ? index(xA0, yA1) : -1;
        boolean flagA = false;
        int mvA = 0;
        for (int k = 0; k < 2 && !flagA; k++) {
            int i = k == 0 ? iA0 : iA1;
            if (i >= 0 && samePicture(i, x, targetPoc)) {
                flagA = true;
                mvA = found;
            }
        }
        for (int k = 0; k < 2 && !flagA; k++) {
            int i = k == 0 ? iA0 : iA1;
            if (i >= 0 && sameMarking(i, x, targetLt)) {
                flagA = true;
                mvA = targetLt ? found : scale(found, frame.poc - foundPoc, frame.poc - targetPoc);
            }
        }
        int xB0 = xPb + nPbW;
        int yB = yPb - 1;
        int xB1 = xB0 - 1;
        int xB2 = xPb - 1;
        int iB0 = availablePb(xPb, yPb, xB0, yB) ? index(xB0, yB) : -1;
        int iB1 = availablePb(xPb, yPb, xB1, yB) ? index(xB1, yB) : -1;
        int iB2 = availablePb(xPb, yPb, xB2, yB) ? index(xB2, yB) : -1;
        boolean flagB = false;
        int mvB = 0;
        for (int k = 0; k < 3 && !flagB; k++) {
            int i = k == 0 ? iB0 : (k == 1 ? iB1 : iB2);
            if (i >= 0 && samePicture(i, x, targetPoc)) {
                flagB = true;
                mvB = found;
            }
        }
        if (!isScaled) {
            if (flagB) {
                flagA = true;
                mvA = mvB;
            }
            flagB = false;
            for (int k = 0; k < 3 && !flagB; k++) {
                int i = k == 0 ? iB0 : (k == 1 ? iB1 : iB2);
                if (i >= 0 && sameMarking(i, x, targetLt)) {
                    flagB = true;
                    mvB = targetLt ? found : scale(found, frame.poc - foundPoc, frame.poc - targetPoc);
                }
            }
        }
        if (flagA && flagB && mvA == mvB) {
            flagB = false;
        }
        // mvpListLX: A, B, then the temporal candidate while fewer than two, then zero vectors
        int n = 0;
        if (flagA) {
            if (mvpFlag == 0) {
                return mvA;
            }
            n++;
        }
        if (flagB) {
            if (mvpFlag == n) {
                return mvB;
            }
            n++;
        }
        if (n < 2 && temporal(xPb, yPb, nPbW, nPbH, refIdxLX, x) && mvpFlag == n) {
            return temporalMv;
        }
        return 0;
    }

    // candidate found by samePicture / sameMarking
    private int found;
    private int foundPoc;

    /** The neighbour predicts from the same picture as the target, through list X first, then Y. */
    private boolean samePicture(int i, int x, int targetPoc) {
        Frame f = frame;
        int rX = x == 0 ? f.refIdx0[i] : f.refIdx1[i];
        if (rX >= 0 && sh.refPoc[x][rX] == targetPoc) {
            found = x == 0 ? f.mv0[i] : f.mv1[i];
            return true;
        }
        int y = 1 - x;
        int rY = y == 0 ? f.refIdx0[i] : f.refIdx1[i];
        if (rY >= 0 && sh.refPoc[y][rY] == targetPoc) {
            found = y == 0 ? f.mv0[i] : f.mv1[i];
            return true;
        }
        return false;
    }

    /** The neighbour predicts from a picture with the same long-term marking as the target. */
    private boolean sameMarking(int i, int x, boolean targetLt) {
        Frame f = frame;
        int rX = x == 0 ? f.refIdx0[i] : f.refIdx1[i];
        if (rX >= 0 && sh.refIsLongTerm[x][rX] == targetLt) {
            found = x == 0 ? f.mv0[i] : f.mv1[i];
            foundPoc = sh.refPoc[x][rX];
            return true;
        }
        int y = 1 - x;
        int rY = y == 0 ? f.refIdx0[i] : f.refIdx1[i];
        if (rY >= 0 && sh.refIsLongTerm[y][rY] == targetLt) {
            found = y == 0 ? f.mv0[i] : f.mv1[i];
            foundPoc = sh.refPoc[y][rY];
            return true;
        }
        return false;
    }

    /** Scaling of a motion vector by picture order count distances (8-179 to 8-183). */
    static int scale(int mv, int td, int tb) {
        td = clip3(-128, 127, td);
        tb = clip3(-128, 127, tb);
        if (td == 0) {
            return mv; // only in corrupt streams: a picture does not reference itself
        }
        int tx = (16384 + (Math.abs(td) >> 1)) / td;
        int dsf = clip3(-4096, 4095, (tb * tx + 32) >> 6);
        return pack(scaleComponent(mvx(mv), dsf), scaleComponent(mvy(mv), dsf));
    }

    private static int scaleComponent(int m, int dsf) {
        int p = dsf * m;
        int v = p >= 0 ? (p + 127) >> 8 : -((-p + 127) >> 8);
        return clip3(-32768, 32767, v);
    }

    /** 8.5.3.2.8: temporal luma motion vector prediction; the vector is left in temporalMv. */
    private boolean temporal(int xPb, int yPb, int nPbW, int nPbH, int refIdxLX, int x) {
        if (colPic == null) {
            return false;
        }
        int xBr = xPb + nPbW;
        int yBr = yPb + nPbH;
        int log2Ctb = sps.log2CtbSize;
        if ((yPb >> log2Ctb) == (yBr >> log2Ctb) && yBr < sps.height && xBr < sps.width) {
            if (collocated((xBr >> 4) << 4, (yBr >> 4) << 4, refIdxLX, x)) {
                return true;
            }
        }
        int xCtr = xPb + (nPbW >> 1);
        int yCtr = yPb + (nPbH >> 1);
        return collocated((xCtr >> 4) << 4, (yCtr >> 4) << 4, refIdxLX, x);
    }

    /** 8.5.3.2.9: collocated motion vectors of the block of colPic covering (xCol, yCol). */
    private boolean collocated(int xCol, int yCol, int refIdxLX, int x) {
        Frame col = colPic;
        int i = (yCol >> 2) * col.w4 + (xCol >> 2);
        if (col.intra[i] != 0) {
            return false;
        }
        int r0 = col.refIdx0[i];
        int r1 = col.refIdx1[i];
        int mvCol;
        int refIdxCol;
        int listCol;
        if (r0 < 0) {
            if (r1 < 0) {
                return false;
            }
            mvCol = col.mv1[i];
            refIdxCol = r1;
            listCol = 1;
        } else if (r1 < 0) {
            mvCol = col.mv0[i];
            refIdxCol = r0;
            listCol = 0;
        } else {
            listCol = sh.noBackwardPred ? x : (sh.collocatedFromL0 ? 1 : 0);
            mvCol = listCol == 0 ? col.mv0[i] : col.mv1[i];
            refIdxCol = listCol == 0 ? r0 : r1;
        }
        Sps cs = col.sps;
        int ctb = (yCol >> cs.log2CtbSize) * cs.picWidthInCtbs + (xCol >> cs.log2CtbSize);
        int sliceIdx = col.ctbSliceIdx[ctb];
        if (sliceIdx >= col.sliceCount) {
            return false;
        }
        SliceHeader colSh = col.sliceHeaders[sliceIdx];
        boolean colLt = colSh.refIsLongTerm[listCol][refIdxCol];
        boolean curLt = sh.refIsLongTerm[x][refIdxLX];
        if (colLt != curLt) {
            return false;
        }
        int colPocDiff = col.poc - colSh.refPoc[listCol][refIdxCol];
        int currPocDiff = frame.poc - sh.refPoc[x][refIdxLX];
        if (curLt || colPocDiff == currPocDiff) {
            temporalMv = mvCol;
        } else {
            temporalMv = scale(mvCol, colPocDiff, currPocDiff);
        }
        return true;
    }

    /** Stores the derived motion of the nPbW x nPbH block at (xPb, yPb). */
    void store(int xPb, int yPb, int nPbW, int nPbH) {
        Frame f = frame;
        byte r0 = (byte) refIdx0;
        byte r1 = (byte) refIdx1;
        for (int y = yPb >> 2; y < (yPb + nPbH) >> 2; y++) {
            int row = y * f.w4;
            for (int x = xPb >> 2; x < (xPb + nPbW) >> 2; x++) {
                f.refIdx0[row + x] = r0;
                f.refIdx1[row + x] = r1;
                f.mv0[row + x] = mv0;
                f.mv1[row + x] = mv1;
            }
        }
    }
}
