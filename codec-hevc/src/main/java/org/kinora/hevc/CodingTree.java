package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.hevc.params.ScalingList;
import org.kinora.hevc.params.Sps;

/**
 * Coding quadtree, coding unit, prediction unit and transform tree syntax (H.265 7.3.8.4 to
 * 7.3.8.12) for intra coding units, with the decoding they drive: intra mode derivation
 * (8.4.2, 8.4.3), QP derivation (8.6.1), and reconstruction of each transform block.
 */
final class CodingTree implements IntraPrediction.Neighbourhood {
    private static final int[] CHROMA_QP_TABLE = {29, 30, 31, 32, 33, 33, 34, 34, 35, 35, 36, 36, 37, 37};

    // PartMode (Table 7-10)
    static final int PART_2Nx2N = 0;
    static final int PART_2NxN = 1;
    static final int PART_Nx2N = 2;
    static final int PART_NxN = 3;
    static final int PART_2NxnU = 4;
    static final int PART_2NxnD = 5;
    static final int PART_nLx2N = 6;
    static final int PART_nRx2N = 7;
    /** Deblocking edge flags of inter coding units, resolved to a boundary strength by {@link Deblocking} (8.7.2.4). */
    static final byte EDGE_TU = 4;
    static final byte EDGE_PU = 8;

    final Cabac cabac = new Cabac();
    private final Residual residual = new Residual();
    private final Transform transform = new Transform();
    private final IntraPrediction intra = new IntraPrediction(this);
    private final BitReader pcmReader = new BitReader();
    private final PredictionUnit pu = new PredictionUnit(cabac, this);

    // picture and slice state
    Frame frame;
    Sps sps;
    Pps pps;
    SliceHeader sh;
    /** SliceAddrRs of the slice being decoded. */
    int sliceAddr;
    /** Tile of the CTB being decoded. */
    private int curTile;
    private byte[] rbsp;
    private int rbspEnd;

    // QP state (8.6.1)
    /** qPY_PREV for the next quantization group: QpY of the last coding unit decoded. */
    int lastQpY;
    private int qpY;
    private int qpYPred;
    private boolean qgStart;
    private int xQg;
    private int yQg;
    private boolean isCuQpDeltaCoded;
    private int cuQpDeltaVal;
    private int log2MinCuQpDeltaSize;

    // coding unit state
    private boolean cuTransquantBypass;
    private boolean cuIntra;
    private int interSplit;
    private int intraChromaMode;
    private final int[] intraModes = new int[4];
    private int intraSplit;
    private int maxTrafoDepth;

    void startSlice(Frame f, SliceHeader h, int sliceAddrRs, byte[] data, int end) {
        frame = f;
        sps = f.sps;
        pps = f.pps;
        sh = h;
        sliceAddr = sliceAddrRs;
        rbsp = data;
        rbspEnd = end;
        log2MinCuQpDeltaSize = sps.log2CtbSize - pps.diffCuQpDeltaDepth;
        if (h.sliceType != SliceHeader.I) {
            pu.startSlice(f, h);
        }
    }

    /** Forgets state a failed slice may have left behind. */
    void reset() {
        residual.reset();
    }

    void setCurrentCtb(int ctbAddrRs) {
        curTile = pps.tileId[pps.ctbAddrRsToTs[ctbAddrRs]];
    }

    /** Availability for intra prediction: 6.4.1, then constrained_intra_pred_flag (8.4.4.2.2). */
    @Override
    public boolean available(int xCur, int yCur, int xN, int yN) {
        return availableZscan(xCur, yCur, xN, yN)
                && (!pps.constrainedIntraPred || frame.intra[(yN >> 2) * frame.w4 + (xN >> 2)] != 0);
    }

    /** 6.4.1 z-scan order availability. */
    boolean availableZscan(int xCur, int yCur, int xN, int yN) {
        Frame f = frame;
        if (xN < 0 || yN < 0 || xN >= f.width || yN >= f.height) {
            return false;
        }
        int nIdx = (yN >> 2) * f.w4 + (xN >> 2);
        if (f.zOrder[nIdx] > f.zOrder[(yCur >> 2) * f.w4 + (xCur >> 2)]) {
            return false;
        }
        int log2Ctb = sps.log2CtbSize;
        if ((xN >> log2Ctb) != (xCur >> log2Ctb) || (yN >> log2Ctb) != (yCur >> log2Ctb)) {
            // another CTB: it must belong to the same slice and tile
            int ctb = (yN >> log2Ctb) * sps.picWidthInCtbs + (xN >> log2Ctb);
            if (f.ctbSliceAddr[ctb] != sliceAddr || pps.tileId[pps.ctbAddrRsToTs[ctb]] != curTile) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean constrainedIntra() {
        return pps.constrainedIntraPred;
    }

    /** Availability without the constrained-intra rule (syntax contexts use this). */
    private boolean availableForSyntax(int xCur, int yCur, int xN, int yN) {
        Frame f = frame;
        if (xN < 0 || yN < 0) {
            return false;
        }
        int ctb = (yN >> sps.log2CtbSize) * sps.picWidthInCtbs + (xN >> sps.log2CtbSize);
        return f.ctbSliceAddr[ctb] == sliceAddr && pps.tileId[pps.ctbAddrRsToTs[ctb]] == curTile;
    }

    /** coding_quadtree() (7.3.8.4). */
    void codingQuadtree(int x0, int y0, int log2CbSize, int depth) {
        int size = 1 << log2CbSize;
        boolean split;
        if (x0 + size <= sps.width && y0 + size <= sps.height && log2CbSize > sps.log2MinCbSize) {
            int inc = 0;
            Frame f = frame;
            if (availableForSyntax(x0, y0, x0 - 1, y0) && f.ctDepth[(y0 >> 2) * f.w4 + ((x0 - 1) >> 2)] > depth) {
                inc++;
            }
            if (availableForSyntax(x0, y0, x0, y0 - 1) && f.ctDepth[((y0 - 1) >> 2) * f.w4 + (x0 >> 2)] > depth) {
                inc++;
            }
            split = cabac.decodeBin(CabacTables.SPLIT_CU + inc) != 0;
        } else {
            split = log2CbSize > sps.log2MinCbSize;
        }
        if (log2CbSize >= log2MinCuQpDeltaSize) {
            isCuQpDeltaCoded = false;
            cuQpDeltaVal = 0;
            qgStart = true;
            xQg = x0;
            yQg = y0;
        }
        if (split) {
            int half = size >> 1;
            int x1 = x0 + half;
            int y1 = y0 + half;
            codingQuadtree(x0, y0, log2CbSize - 1, depth + 1);
            if (x1 < sps.width) {
                codingQuadtree(x1, y0, log2CbSize - 1, depth + 1);
            }
            if (y1 < sps.height) {
                codingQuadtree(x0, y1, log2CbSize - 1, depth + 1);
            }
            if (x1 < sps.width && y1 < sps.height) {
                codingQuadtree(x1, y1, log2CbSize - 1, depth + 1);
            }
        } else {
            codingUnit(x0, y0, log2CbSize, depth);
        }
    }

    /** 8.6.1: qPY_PRED of the quantization group starting at (xQg, yQg). */
    private int predictQp() {
        int prev = lastQpY;
        int mask = sps.ctbSize - 1;
        Frame f = frame;
        int a = prev;
        int b = prev;
        if ((xQg & mask) != 0) {
            a = f.qpY[(yQg >> 2) * f.w4 + ((xQg - 1) >> 2)];
        }
        if ((yQg & mask) != 0) {
            b = f.qpY[((yQg - 1) >> 2) * f.w4 + (xQg >> 2)];
        }
        return (a + b + 1) >> 1;
    }

    private void updateQp() {
        int off = sps.qpBdOffsetY;
        qpY = ((qpYPred + cuQpDeltaVal + 52 + 2 * off) % (52 + off)) - off;
    }

    /** coding_unit() (7.3.8.5). */
    private void codingUnit(int x0, int y0, int log2CbSize, int depth) {
        if (qgStart) {
            qpYPred = predictQp();
            qgStart = false;
        }
        updateQp();
        int size = 1 << log2CbSize;
        cuTransquantBypass = pps.transquantBypassEnabled && cabac.decodeBin(CabacTables.TRANSQUANT_BYPASS) != 0;
        Frame f = frame;
        int x4 = x0 >> 2;
        int y4 = y0 >> 2;
        boolean skip = false;
        cuIntra = true;
        if (sh.sliceType != SliceHeader.I) {
            // cu_skip_flag, ctxInc from the left and above neighbours (9.3.4.2.2)
            int inc = 0;
            if (availableForSyntax(x0, y0, x0 - 1, y0) && f.skip[y4 * f.w4 + x4 - 1] != 0) {
                inc++;
            }
            if (availableForSyntax(x0, y0, x0, y0 - 1) && f.skip[(y4 - 1) * f.w4 + x4] != 0) {
                inc++;
            }
            skip = cabac.decodeBin(CabacTables.SKIP + inc) != 0;
            cuIntra = !skip && cabac.decodeBin(CabacTables.PRED_MODE) != 0;
        }
        // a coding unit never crosses the picture edge (the quadtree splits there)
        int n4 = size >> 2;
        byte intraFlag = (byte) (cuIntra ? 1 : 0);
        byte skipFlag = (byte) (skip ? 1 : 0);
        for (int y = 0; y < n4; y++) {
            int row = (y4 + y) * f.w4 + x4;
            for (int x = 0; x < n4; x++) {
                f.ctDepth[row + x] = (byte) depth;
                f.intra[row + x] = intraFlag;
                f.skip[row + x] = skipFlag;
            }
        }
        boolean noFilter = cuTransquantBypass;
        boolean pcm = false;
        if (cuIntra) {
            if (sh.sliceType != SliceHeader.I) {
                clearMotion(x0, y0, size);
            }
            boolean nxn = false;
            if (log2CbSize == sps.log2MinCbSize) {
                nxn = cabac.decodeBin(CabacTables.PART_MODE) == 0;
                if (nxn && log2CbSize - 1 < sps.log2MinTbSize) {
                    throw new MalformedStreamException("intra NxN partition below the minimum transform size");
                }
            }
            if (!nxn && sps.pcmEnabled && log2CbSize >= sps.log2MinPcmCbSize && log2CbSize <= sps.log2MaxPcmCbSize) {
                pcm = cabac.decodeTerminate() != 0;
            }
            if (pcm) {
                fillIntraMode(x0, y0, size, 1);
                pcmSample(x0, y0, log2CbSize);
                noFilter |= sps.pcmLoopFilterDisabled;
            } else {
                intraModes(x0, y0, log2CbSize, nxn);
                intraSplit = nxn ? 1 : 0;
                interSplit = 0;
                maxTrafoDepth = sps.maxTransformHierarchyDepthIntra + intraSplit;
                transformTree(x0, y0, x0, y0, log2CbSize, 0, 0, true, true);
            }
        } else {
            fillIntraMode(x0, y0, size, 1); // INTRA_DC for the MPM derivation of later intra blocks (8.4.2)
            interCodingUnit(x0, y0, log2CbSize, depth, skip);
        }
        // store QpY and the filter flags of the CU (8.6.1, 8.7)
        byte q = (byte) qpY;
        byte nf = (byte) (noFilter ? 1 : 0);
        for (int y = 0; y < n4; y++) {
            int row = (y4 + y) * f.w4 + x4;
            for (int x = 0; x < n4; x++) {
                f.qpY[row + x] = q;
                f.noFilter[row + x] = nf;
            }
        }
        lastQpY = qpY;
        if (pcm) {
            markEdges(x0, y0, size);
        }
    }

    /** The inter part of coding_unit(): part_mode, the prediction units, rqt_root_cbf and the transform tree. */
    private void interCodingUnit(int x0, int y0, int log2CbSize, int depth, boolean skip) {
        int nCbS = 1 << log2CbSize;
        int partMode = skip ? PART_2Nx2N : interPartMode(log2CbSize);
        int h = nCbS >> 1;
        int q = nCbS >> 2;
        switch (partMode) {
            case PART_2Nx2N:
                pu.decode(x0, y0, nCbS, x0, y0, nCbS, nCbS, 0, partMode, skip, depth);
                break;
            case PART_2NxN:
                pu.decode(x0, y0, nCbS, x0, y0, nCbS, h, 0, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0, y0 + h, nCbS, h, 1, partMode, false, depth);
                break;
            case PART_2NxnU:
                pu.decode(x0, y0, nCbS, x0, y0, nCbS, q, 0, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0, y0 + q, nCbS, nCbS - q, 1, partMode, false, depth);
                break;
            case PART_2NxnD:
                pu.decode(x0, y0, nCbS, x0, y0, nCbS, nCbS - q, 0, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0, y0 + nCbS - q, nCbS, q, 1, partMode, false, depth);
                break;
            case PART_Nx2N:
                pu.decode(x0, y0, nCbS, x0, y0, h, nCbS, 0, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0 + h, y0, h, nCbS, 1, partMode, false, depth);
                break;
            case PART_nLx2N:
                pu.decode(x0, y0, nCbS, x0, y0, q, nCbS, 0, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0 + q, y0, nCbS - q, nCbS, 1, partMode, false, depth);
                break;
            case PART_nRx2N:
                pu.decode(x0, y0, nCbS, x0, y0, nCbS - q, nCbS, 0, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0 + nCbS - q, y0, q, nCbS, 1, partMode, false, depth);
                break;
            default: // PART_NxN
                pu.decode(x0, y0, nCbS, x0, y0, h, h, 0, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0 + h, y0, h, h, 1, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0, y0 + h, h, h, 2, partMode, false, depth);
                pu.decode(x0, y0, nCbS, x0 + h, y0 + h, h, h, 3, partMode, false, depth);
                break;
        }
        markPuEdges(x0, y0, nCbS, partMode);
        boolean rqtRootCbf = !skip;
        if (!skip && !(partMode == PART_2Nx2N && pu.mergeFlag)) {
            rqtRootCbf = cabac.decodeBin(CabacTables.RQT_ROOT_CBF) != 0;
        }
        if (rqtRootCbf) {
            intraSplit = 0;
            interSplit = sps.maxTransformHierarchyDepthInter == 0 && partMode != PART_2Nx2N ? 1 : 0;
            maxTrafoDepth = sps.maxTransformHierarchyDepthInter;
            transformTree(x0, y0, x0, y0, log2CbSize, 0, 0, true, true);
        } else {
            markEdges(x0, y0, nCbS);
        }
    }

    /** part_mode of an inter coding unit (binarization of 9.3.3.7, contexts of Table 9-41). */
    private int interPartMode(int log2CbSize) {
        if (cabac.decodeBin(CabacTables.PART_MODE) != 0) {
            return PART_2Nx2N;
        }
        if (log2CbSize == sps.log2MinCbSize) {
            if (cabac.decodeBin(CabacTables.PART_MODE + 1) != 0) {
                return PART_2NxN;
            }
            if (log2CbSize == 3) {
                return PART_Nx2N;
            }
            return cabac.decodeBin(CabacTables.PART_MODE + 2) != 0 ? PART_Nx2N : PART_NxN;
        }
        boolean horizontal = cabac.decodeBin(CabacTables.PART_MODE + 1) != 0;
        if (!sps.ampEnabled) {
            return horizontal ? PART_2NxN : PART_Nx2N;
        }
        if (cabac.decodeBin(CabacTables.PART_MODE + 3) != 0) {
            return horizontal ? PART_2NxN : PART_Nx2N;
        }
        if (horizontal) {
            return cabac.decodeBypass() != 0 ? PART_2NxnD : PART_2NxnU;
        }
        return cabac.decodeBypass() != 0 ? PART_nRx2N : PART_nLx2N;
    }

    /** An intra coding unit in a P or B slice has no motion (PredFlagLX = 0). */
    private void clearMotion(int x0, int y0, int size) {
        Frame f = frame;
        int n = size >> 2;
        for (int y = 0; y < n; y++) {
            int row = ((y0 >> 2) + y) * f.w4 + (x0 >> 2);
            for (int x = 0; x < n; x++) {
                f.refIdx0[row + x] = -1;
                f.refIdx1[row + x] = -1;
            }
        }
    }

    private void fillIntraMode(int x0, int y0, int size, int mode) {
        Frame f = frame;
        int n = size >> 2;
        int x4 = x0 >> 2;
        int y4 = y0 >> 2;
        int w = Math.min(n, f.w4 - x4);
        int h = Math.min(n, f.h4 - y4);
        for (int y = 0; y < h; y++) {
            int row = (y4 + y) * f.w4 + x4;
            for (int x = 0; x < w; x++) {
                f.intraMode[row + x] = (byte) mode;
            }
        }
    }

    /** prev_intra_luma_pred_flag, mpm_idx, rem_intra_luma_pred_mode, intra_chroma_pred_mode and 8.4.2 / 8.4.3. */
    private void intraModes(int x0, int y0, int log2CbSize, boolean nxn) {
        int parts = nxn ? 4 : 1;
        int pbSize = nxn ? (1 << (log2CbSize - 1)) : (1 << log2CbSize);
        int prevFlags = 0;
        for (int i = 0; i < parts; i++) {
            prevFlags |= cabac.decodeBin(CabacTables.PREV_INTRA_LUMA) << i;
        }
        Frame f = frame;
        for (int i = 0; i < parts; i++) {
            int xPb = x0 + (i & 1) * pbSize;
            int yPb = y0 + (i >> 1) * pbSize;
            // 8.4.2: candidates from the left and above neighbours
            int candA = 1;
            if (availableForSyntax(xPb, yPb, xPb - 1, yPb)) {
                candA = f.intraMode[(yPb >> 2) * f.w4 + ((xPb - 1) >> 2)];
            }
            int candB = 1;
            if (yPb - 1 >= ((yPb >> sps.log2CtbSize) << sps.log2CtbSize) && availableForSyntax(xPb, yPb, xPb, yPb - 1)) {
                candB = f.intraMode[((yPb - 1) >> 2) * f.w4 + (xPb >> 2)];
            }
            int c0;
            int c1;
            int c2;
            if (candA == candB) {
                if (candA < 2) {
                    c0 = 0;
                    c1 = 1;
                    c2 = 26;
                } else {
                    c0 = candA;
                    c1 = 2 + ((candA + 29) % 32);
                    c2 = 2 + ((candA - 2 + 1) % 32);
                }
            } else {
                c0 = candA;
                c1 = candB;
                if (candA != 0 && candB != 0) {
                    c2 = 0;
                } else if (candA != 1 && candB != 1) {
                    c2 = 1;
                } else {
                    c2 = 26;
                }
            }
            int mode;
            if ((prevFlags >> i & 1) != 0) {
                int idx = cabac.decodeBypass() == 0 ? 0 : (cabac.decodeBypass() == 0 ? 1 : 2);
                mode = idx == 0 ? c0 : (idx == 1 ? c1 : c2);
            } else {
                mode = cabac.decodeBypassBits(5);
                // sort candidates ascending
                if (c0 > c1) {
                    int t = c0;
                    c0 = c1;
                    c1 = t;
                }
                if (c0 > c2) {
                    int t = c0;
                    c0 = c2;
                    c2 = t;
                }
                if (c1 > c2) {
                    int t = c1;
                    c1 = c2;
                    c2 = t;
                }
                if (mode >= c0) {
                    mode++;
                }
                if (mode >= c1) {
                    mode++;
                }
                if (mode >= c2) {
                    mode++;
                }
            }
            intraModes[i] = mode;
            fillIntraMode(xPb, yPb, pbSize, mode);
        }
        // intra_chroma_pred_mode (9.3.3.8 binarization) and 8.4.3 for 4:2:0
        int chroma;
        if (cabac.decodeBin(CabacTables.INTRA_CHROMA) == 0) {
            chroma = 4;
        } else {
            chroma = cabac.decodeBypassBits(2);
        }
        int lumaMode = intraModes[0];
        if (chroma == 4) {
            intraChromaMode = lumaMode;
        } else {
            int m = chroma == 0 ? 0 : (chroma == 1 ? 26 : (chroma == 2 ? 10 : 1));
            intraChromaMode = m == lumaMode ? 34 : m;
        }
    }

    /** pcm_sample() (7.3.8.7) and its reconstruction (8.4.4.1 with pcm_flag). */
    private void pcmSample(int x0, int y0, int log2CbSize) {
        int start = cabac.bytePosition();
        int size = 1 << log2CbSize;
        int bitsNeeded = (size * size * sps.pcmBitDepthY + 2 * (size / 2) * (size / 2) * sps.pcmBitDepthC + 7) >> 3;
        if (start + bitsNeeded > rbspEnd) {
            throw new MalformedStreamException("PCM samples run past the slice data");
        }
        BitReader r = pcmReader.reset(rbsp, start, rbspEnd - start);
        Frame f = frame;
        int shiftY = sps.bitDepthY - sps.pcmBitDepthY;
        short[] pl = f.planes[0];
        int stride = f.planeWidth[0];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pl[(y0 + y) * stride + x0 + x] = (short) (r.readBits(sps.pcmBitDepthY) << shiftY);
            }
        }
        int shiftC = sps.bitDepthC - sps.pcmBitDepthC;
        int cs = size >> 1;
        for (int c = 1; c <= 2; c++) {
            short[] pc = f.planes[c];
            int cstride = f.planeWidth[c];
            for (int y = 0; y < cs; y++) {
                for (int x = 0; x < cs; x++) {
                    pc[((y0 >> 1) + y) * cstride + (x0 >> 1) + x] = (short) (r.readBits(sps.pcmBitDepthC) << shiftC);
                }
            }
        }
        cabac.start(rbsp, start + (r.position() + 7 >> 3), rbspEnd);
    }

    /** transform_tree() (7.3.8.8). */
    private void transformTree(int x0, int y0, int xBase, int yBase, int log2Size, int depth, int blkIdx,
            boolean parentCbfCb, boolean parentCbfCr) {
        boolean split;
        boolean forced = (intraSplit != 0 || interSplit != 0) && depth == 0; // IntraSplitFlag, interSplitFlag
        if (log2Size <= sps.log2MaxTbSize && log2Size > sps.log2MinTbSize && depth < maxTrafoDepth && !forced) {
            split = cabac.decodeBin(CabacTables.SPLIT_TRANSFORM + 5 - log2Size) != 0;
        } else {
            split = log2Size > sps.log2MaxTbSize || forced;
        }
        boolean cbfCb = false;
        boolean cbfCr = false;
        if (log2Size > 2) {
            if (depth == 0 || parentCbfCb) {
                cbfCb = cabac.decodeBin(CabacTables.CBF_CHROMA + depth) != 0;
            }
            if (depth == 0 || parentCbfCr) {
                cbfCr = cabac.decodeBin(CabacTables.CBF_CHROMA + depth) != 0;
            }
        } else {
            // 4x4 luma blocks of 4:2:0: chroma is coded with the parent (blkIdx 3)
            cbfCb = parentCbfCb && depth > 0;
            cbfCr = parentCbfCr && depth > 0;
        }
        if (split) {
            int half = 1 << (log2Size - 1);
            transformTree(x0, y0, x0, y0, log2Size - 1, depth + 1, 0, cbfCb, cbfCr);
            transformTree(x0 + half, y0, x0, y0, log2Size - 1, depth + 1, 1, cbfCb, cbfCr);
            transformTree(x0, y0 + half, x0, y0, log2Size - 1, depth + 1, 2, cbfCb, cbfCr);
            transformTree(x0 + half, y0 + half, x0, y0, log2Size - 1, depth + 1, 3, cbfCb, cbfCr);
        } else {
            boolean cbfLuma = true;
            if (cuIntra || depth != 0 || cbfCb || cbfCr) {
                cbfLuma = cabac.decodeBin(CabacTables.CBF_LUMA + (depth == 0 ? 1 : 0)) != 0;
            }
            transformUnit(x0, y0, xBase, yBase, log2Size, depth, blkIdx, cbfLuma, cbfCb, cbfCr);
        }
    }

    /** transform_unit() (7.3.8.10) and the reconstruction of its blocks. */
    private void transformUnit(int x0, int y0, int xBase, int yBase, int log2Size, int depth, int blkIdx,
            boolean cbfLuma, boolean cbfCb, boolean cbfCr) {
        if ((cbfLuma || cbfCb || cbfCr) && pps.cuQpDeltaEnabled && !isCuQpDeltaCoded) {
            // cu_qp_delta_abs: TU prefix (cMax 5) with contexts, EG0 suffix in bypass (9.3.3.10)
            int v = 0;
            while (v < 5 && cabac.decodeBin(CabacTables.CU_QP_DELTA + (v == 0 ? 0 : 1)) != 0) {
                v++;
            }
            if (v == 5) {
                int k = 0;
                while (cabac.decodeBypass() != 0) {
                    k++;
                    if (k > 16) {
                        throw new MalformedStreamException("cu_qp_delta_abs too long");
                    }
                }
                v += ((1 << k) - 1) + cabac.decodeBypassBits(k);
            }
            if (v != 0 && cabac.decodeBypass() != 0) {
                v = -v;
            }
            int lim = 26 + sps.qpBdOffsetY / 2;
            if (v < -lim || v > lim - 1) {
                throw new MalformedStreamException("CuQpDeltaVal = " + v + " out of range");
            }
            isCuQpDeltaCoded = true;
            cuQpDeltaVal = v;
            updateQp();
        }
        Frame f = frame;
        int lumaMode = cuIntra ? intraModes[blkIdxPart(x0, y0)] : 1;
        // luma
        if (cuIntra) {
            intra.predict(f, 0, x0, y0, log2Size, lumaMode, sps.strongIntraSmoothing);
        }
        if (cbfLuma) {
            residualBlock(0, x0, y0, log2Size, lumaMode);
            if (!cuIntra) {
                int n = 1 << (log2Size - 2);
                for (int y = 0; y < n; y++) {
                    java.util.Arrays.fill(f.codedLuma, ((y0 >> 2) + y) * f.w4 + (x0 >> 2), ((y0 >> 2) + y) * f.w4 + (x0 >> 2) + n, (byte) 1);
                }
            }
        }
        markEdges(x0, y0, 1 << log2Size);
        if (log2Size > 2) {
            int xc = x0 >> 1;
            int yc = y0 >> 1;
            chromaBlock(1, xc, yc, log2Size - 1, cbfCb);
            chromaBlock(2, xc, yc, log2Size - 1, cbfCr);
        } else if (blkIdx == 3) {
            int xc = xBase >> 1;
            int yc = yBase >> 1;
            chromaBlock(1, xc, yc, 2, cbfCb);
            chromaBlock(2, xc, yc, 2, cbfCr);
        }
    }

    /** Which NxN partition covers (x, y): the transform tree of an NxN CU splits at depth 0. */
    private int blkIdxPart(int x, int y) {
        if (intraSplit == 0) {
            return 0;
        }
        // partitions are half the CU; the CU is the minimum coding block
        int half = sps.minCbSize >> 1;
        return ((x & half) != 0 ? 1 : 0) + ((y & half) != 0 ? 2 : 0);
    }

    private void chromaBlock(int cIdx, int xc, int yc, int log2, boolean cbf) {
        if (cuIntra) {
            intra.predict(frame, cIdx, xc, yc, log2, intraChromaMode, false);
        }
        if (cbf) {
            residualBlock(cIdx, xc, yc, log2, intraChromaMode);
        }
    }

    private void residualBlock(int cIdx, int x, int y, int log2, int predMode) {
        int scanIdx = ScanOrder.DIAG;
        if (cuIntra && (log2 == 2 || (log2 == 3 && cIdx == 0))) {
            if (predMode >= 6 && predMode <= 14) {
                scanIdx = ScanOrder.VERTICAL;
            } else if (predMode >= 22 && predMode <= 30) {
                scanIdx = ScanOrder.HORIZONTAL;
            }
        }
        boolean tsAllowed = pps.transformSkipEnabled && !cuTransquantBypass && log2 == 2;
        residual.parse(cabac, log2, cIdx, scanIdx, tsAllowed, cuTransquantBypass, pps.signDataHiding);
        Frame f = frame;
        int bitDepth = cIdx == 0 ? sps.bitDepthY : sps.bitDepthC;
        if (!cuTransquantBypass) {
            int qp;
            if (cIdx == 0) {
                qp = qpY + sps.qpBdOffsetY;
            } else {
                int offset = cIdx == 1 ? pps.cbQpOffset + sh.cbQpOffset : pps.crQpOffset + sh.crQpOffset;
                qp = chromaQp(qpY + offset, sps.qpBdOffsetC) + sps.qpBdOffsetC;
            }
            int[] m = null;
            if (sps.scalingListEnabled && !(residual.transformSkip && log2 > 2)) {
                ScalingList sl = pps.scalingList != null ? pps.scalingList : sps.scalingList;
                m = sl.factor[log2 - 2][cuIntra ? cIdx : 3 + cIdx]; // matrixId: intra 0..2, inter 3..5
            }
            Transform.dequantize(residual, qp, log2, bitDepth, m);
        }
        int stride = f.planeWidth[cIdx];
        transform.addResidual(f.planes[cIdx], y * stride + x, stride, log2, residual, cuTransquantBypass,
                cuIntra && cIdx == 0 && log2 == 2, bitDepth);
    }

    /** QpC as a function of qPi for ChromaArrayType 1 (Table 8-10), after clipping qPi (8-257). */
    static int chromaQp(int qPi, int qpBdOffsetC) {
        if (qPi < -qpBdOffsetC) {
            qPi = -qpBdOffsetC;
        } else if (qPi > 57) {
            qPi = 57;
        }
        if (qPi < 30) {
            return qPi;
        }
        if (qPi > 43) {
            return qPi - 6;
        }
        return CHROMA_QP_TABLE[qPi - 30];
    }

    /**
     * Records the left and top edges of a transform (or PCM coding) block for deblocking
     * (8.7.2.3, 8.7.2.4): boundary strength 2 as every block here is intra.
     */
    private void markEdges(int x0, int y0, int size) {
        markEdges(x0, y0, size, size, cuIntra ? 2 : EDGE_TU);
    }

    /** The internal prediction block edges of an inter coding unit (8.7.2.3). */
    private void markPuEdges(int x0, int y0, int nCbS, int partMode) {
        int h = nCbS >> 1;
        int q = nCbS >> 2;
        switch (partMode) {
            case PART_2NxN:
                markEdges(x0, y0 + h, nCbS, h, EDGE_PU);
                break;
            case PART_2NxnU:
                markEdges(x0, y0 + q, nCbS, nCbS - q, EDGE_PU);
                break;
            case PART_2NxnD:
                markEdges(x0, y0 + nCbS - q, nCbS, q, EDGE_PU);
                break;
            case PART_Nx2N:
                markEdges(x0 + h, y0, h, nCbS, EDGE_PU);
                break;
            case PART_nLx2N:
                markEdges(x0 + q, y0, nCbS - q, nCbS, EDGE_PU);
                break;
            case PART_nRx2N:
                markEdges(x0 + nCbS - q, y0, q, nCbS, EDGE_PU);
                break;
            case PART_NxN:
                markEdges(x0 + h, y0, h, h, EDGE_PU);
                markEdges(x0, y0 + h, h, h, EDGE_PU);
                markEdges(x0 + h, y0 + h, h, h, EDGE_PU);
                break;
            default:
                break;
        }
    }

    /**
     * Records the left and top edges of the w x h block at (x0, y0) for deblocking (8.7.2.3):
     * {@code value} 2 is the boundary strength of an intra block; inter blocks record
     * {@link #EDGE_TU} or {@link #EDGE_PU}, resolved to a strength once the picture is decoded.
     */
    private void markEdges(int x0, int y0, int w0, int h0, int value) {
        if (sh.deblockingFilterDisabled) {
            return;
        }
        Frame f = frame;
        int x4 = x0 >> 2;
        int y4 = y0 >> 2;
        int mask = sps.ctbSize - 1;
        if (x0 > 0 && ((x0 & mask) != 0 || edgeAllowed(x0 - 1, y0))) {
            int h = Math.min(h0 >> 2, f.h4 - y4);
            for (int i = 0; i < h; i++) {
                f.bsVer[(y4 + i) * f.w4 + x4] |= (byte) value;
            }
        }
        if (y0 > 0 && ((y0 & mask) != 0 || edgeAllowed(x0, y0 - 1))) {
            int w = Math.min(w0 >> 2, f.w4 - x4);
            for (int i = 0; i < w; i++) {
                f.bsHor[y4 * f.w4 + x4 + i] |= (byte) value;
            }
        }
    }

    /** Whether the CTB boundary towards luma location (xN, yN) may be filtered (slice and tile flags). */
    private boolean edgeAllowed(int xN, int yN) {
        int ctb = (yN >> sps.log2CtbSize) * sps.picWidthInCtbs + (xN >> sps.log2CtbSize);
        if (frame.ctbSliceAddr[ctb] != sliceAddr && !sh.loopFilterAcrossSlices) {
            return false;
        }
        return pps.loopFilterAcrossTiles || pps.tileId[pps.ctbAddrRsToTs[ctb]] == curTile;
    }
}
