package org.kinora.hevc;

import org.kinora.core.MalformedStreamException;
import org.kinora.hevc.params.Sps;

/**
 * prediction_unit() and mvd_coding() syntax (H.265 7.3.8.6, 7.3.8.9) with their binarizations
 * (9.3.3), followed for each prediction block by the motion derivation ({@link MotionVectors})
 * and the decoding of its samples (8.5.3.3) with the {@link InterPrediction} kernels.
 */
final class PredictionUnit {
    private static final int PRED_L0 = 0;
    private static final int PRED_L1 = 1;
    private static final int PRED_BI = 2;

    private final Cabac cabac;
    final MotionVectors mvs;
    private final InterPrediction kernels = new InterPrediction();
    private final short[] pred0 = new short[InterPrediction.MAX_BLOCK * InterPrediction.MAX_BLOCK];
    private final short[] pred1 = new short[InterPrediction.MAX_BLOCK * InterPrediction.MAX_BLOCK];
    private Frame frame;
    private SliceHeader sh;

    /** merge_flag of the last prediction unit. */
    boolean mergeFlag;
    private int mvdX;
    private int mvdY;

    PredictionUnit(Cabac cabac, CodingTree tree) {
        this.cabac = cabac;
        this.mvs = new MotionVectors(tree);
    }

    void startSlice(Frame f, SliceHeader h) {
        frame = f;
        sh = h;
        mvs.startSlice(f, h);
    }

    /**
     * Parses and decodes the prediction unit at (xPb, yPb), nPbW x nPbH, partition partIdx of the
     * coding unit at (xCb, yCb) of size nCbS.
     */
    void decode(int xCb, int yCb, int nCbS, int xPb, int yPb, int nPbW, int nPbH, int partIdx, int partMode,
            boolean skip, int ctDepth) {
        mergeFlag = skip || cabac.decodeBin(CabacTables.MERGE_FLAG) != 0;
        if (mergeFlag) {
            int mergeIdx = 0;
            int cMax = sh.maxNumMergeCand - 1;
            if (cMax > 0 && cabac.decodeBin(CabacTables.MERGE_IDX) != 0) {
                mergeIdx = 1;
                while (mergeIdx < cMax && cabac.decodeBypass() != 0) {
                    mergeIdx++;
                }
            }
            mvs.merge(xCb, yCb, nCbS, xPb, yPb, nPbW, nPbH, partIdx, partMode, mergeIdx);
        } else {
            int idc = PRED_L0;
            if (sh.sliceType == SliceHeader.B) {
                idc = interPredIdc(nPbW, nPbH, ctDepth);
            }
            int r0 = -1;
            int r1 = -1;
            int mvd0x = 0;
            int mvd0y = 0;
            int mvd1x = 0;
            int mvd1y = 0;
            int mvp0 = 0;
            int mvp1 = 0;
            if (idc != PRED_L1) {
                r0 = refIdx(sh.numRefIdxL0Active);
                mvdCoding();
                mvd0x = mvdX;
                mvd0y = mvdY;
                mvp0 = cabac.decodeBin(CabacTables.MVP);
            }
            if (idc != PRED_L0) {
                r1 = refIdx(sh.numRefIdxL1Active);
                if (!(sh.mvdL1Zero && idc == PRED_BI)) {
                    mvdCoding();
                    mvd1x = mvdX;
                    mvd1y = mvdY;
                }
                mvp1 = cabac.decodeBin(CabacTables.MVP);
            }
            int mv0 = 0;
            int mv1 = 0;
            // 8.5.3.2.1: mvLX = mvpLX + mvdLX, wrapped to 16 bits (8-194 to 8-197)
            if (r0 >= 0) {
                int p = mvs.predictor(xCb, yCb, nCbS, xPb, yPb, nPbW, nPbH, partIdx, 0, r0, mvp0);
                mv0 = MotionVectors.pack(MotionVectors.mvx(p) + mvd0x, MotionVectors.mvy(p) + mvd0y);
            }
            if (r1 >= 0) {
                int p = mvs.predictor(xCb, yCb, nCbS, xPb, yPb, nPbW, nPbH, partIdx, 1, r1, mvp1);
                mv1 = MotionVectors.pack(MotionVectors.mvx(p) + mvd1x, MotionVectors.mvy(p) + mvd1y);
            }
            mvs.refIdx0 = r0;
            mvs.refIdx1 = r1;
            mvs.mv0 = mv0;
            mvs.mv1 = mv1;
        }
        mvs.store(xPb, yPb, nPbW, nPbH);
        predict(xPb, yPb, nPbW, nPbH);
    }

    /** inter_pred_idc (9.3.3.7, ctxInc of 9.3.4.2.2). */
    private int interPredIdc(int nPbW, int nPbH, int ctDepth) {
        if (nPbW + nPbH != 12 && cabac.decodeBin(CabacTables.INTER_PRED_IDC + ctDepth) != 0) {
            return PRED_BI;
        }
        return cabac.decodeBin(CabacTables.INTER_PRED_IDC + 4) != 0 ? PRED_L1 : PRED_L0;
    }

    /** ref_idx_lX: truncated Rice with cMax num_ref_idx_active - 1, two context bins, then bypass. */
    private int refIdx(int active) {
        int cMax = active - 1;
        int i = 0;
        while (i < cMax) {
            int bin = i < 2 ? cabac.decodeBin(CabacTables.REF_IDX + i) : cabac.decodeBypass();
            if (bin == 0) {
                break;
            }
            i++;
        }
        return i;
    }

    /** mvd_coding() (7.3.8.9); the difference is left in mvdX, mvdY. */
    private void mvdCoding() {
        boolean g0x = cabac.decodeBin(CabacTables.MVD_GT0) != 0;
        boolean g0y = cabac.decodeBin(CabacTables.MVD_GT0) != 0;
        boolean g1x = g0x && cabac.decodeBin(CabacTables.MVD_GT1) != 0;
        boolean g1y = g0y && cabac.decodeBin(CabacTables.MVD_GT1) != 0;
        mvdX = mvdComponent(g0x, g1x);
        mvdY = mvdComponent(g0y, g1y);
    }

    private int mvdComponent(boolean g0, boolean g1) {
        if (!g0) {
            return 0;
        }
        int abs = 1;
        if (g1) {
            // abs_mvd_minus2: first order Exp-Golomb in bypass bins (9.3.3.5)
            int k = 1;
            int v = 0;
            while (cabac.decodeBypass() != 0) {
                v += 1 << k;
                k++;
                if (k > 16) {
                    throw new MalformedStreamException("abs_mvd_minus2 too long");
                }
            }
            v += cabac.decodeBypassBits(k);
            abs = v + 2;
            if (abs > 32768) {
                throw new MalformedStreamException("motion vector difference out of range");
            }
        }
        return cabac.decodeBypass() != 0 ? -abs : abs;
    }

    /** 8.5.3.3: predicted samples of the block from its one or two reference pictures, written into the frame. */
    private void predict(int xPb, int yPb, int nPbW, int nPbH) {
        Frame f = frame;
        Sps sps = f.sps;
        int r0 = mvs.refIdx0;
        int r1 = mvs.refIdx1;
        Frame ref0 = r0 >= 0 ? sh.refPicList[0][r0] : null;
        Frame ref1 = r1 >= 0 ? sh.refPicList[1][r1] : null;
        PredWeightTable wt = sh.weights;
        for (int c = 0; c < 3; c++) {
            int bitDepth = c == 0 ? sps.bitDepthY : sps.bitDepthC;
            int stride = f.planeWidth[c];
            int w = c == 0 ? nPbW : nPbW >> 1;
            int h = c == 0 ? nPbH : nPbH >> 1;
            int x = c == 0 ? xPb : xPb >> 1;
            int y = c == 0 ? yPb : yPb >> 1;
            short[] dst = f.planes[c];
            int off = y * stride + x;
            if (wt == null) {
                if (ref0 != null && ref1 != null) {
                    // the second list is interpolated in the averaging pass, except when its vector is
                    // fractional horizontally only; the average is symmetric, so such a list goes first
                    int m = c == 0 ? 3 : 7;
                    boolean swap = horizontalOnly(mvs.mv1, m) && !horizontalOnly(mvs.mv0, m);
                    interpolate(swap ? ref1 : ref0, c, x, y, w, h, swap ? mvs.mv1 : mvs.mv0, pred0);
                    interpolateBi(swap ? ref0 : ref1, c, x, y, w, h, swap ? mvs.mv0 : mvs.mv1, dst, stride, off);
                } else {
                    Frame ref = ref0 != null ? ref0 : ref1;
                    int mv = ref0 != null ? mvs.mv0 : mvs.mv1;
                    int mvx = MotionVectors.mvx(mv);
                    int mvy = MotionVectors.mvy(mv);
                    int fracMask = c == 0 ? 3 : 7;
                    if (((mvx | mvy) & fracMask) == 0) {
                        int sh = c == 0 ? 2 : 3;
                        kernels.copyUni(ref.planes[c], ref.planeWidth[c], c == 0 ? ref.width : ref.planeWidth[c],
                                c == 0 ? ref.height : ref.planeHeight[c], x + (mvx >> sh), y + (mvy >> sh), w, h, dst,
                                stride, off);
                    } else {
                        // default weights are the explicit formula with w0 = 1, o0 = 0, log2Wd = shift1
                        interpolateUni(ref, c, x, y, w, h, mv, 14 - bitDepth, 1, 0, dst, stride, off);
                    }
                }
            } else {
                int log2Wd = (c == 0 ? wt.lumaLog2Denom : wt.chromaLog2Denom) + 14 - bitDepth;
                int w0 = weight(wt, 0, r0, c);
                int o0 = offset(wt, 0, r0, c);
                int w1 = weight(wt, 1, r1, c);
                int o1 = offset(wt, 1, r1, c);
                if (ref0 != null && ref1 != null) {
                    interpolate(ref0, c, x, y, w, h, mvs.mv0, pred0);
                    interpolate(ref1, c, x, y, w, h, mvs.mv1, pred1);
                    WeightedPrediction.explicitBi(pred0, pred1, w, h, bitDepth, log2Wd, w0, w1, o0, o1, dst, stride, off);
                } else if (ref0 != null) {
                    interpolateUni(ref0, c, x, y, w, h, mvs.mv0, log2Wd, w0, o0, dst, stride, off);
                } else {
                    interpolateUni(ref1, c, x, y, w, h, mvs.mv1, log2Wd, w1, o1, dst, stride, off);
                }
            }
        }
    }

    /** Whether the vector's horizontal component is fractional and its vertical one is not ({@code m}: 3 luma, 7 chroma). */
    private static boolean horizontalOnly(int mv, int m) {
        return (MotionVectors.mvy(mv) & m) == 0 && (MotionVectors.mvx(mv) & m) != 0;
    }

    private void interpolate(Frame ref, int c, int x, int y, int w, int h, int mv, short[] dst) {
        Sps sps = ref.sps;
        kernels.ref8 = c == 0 ? ref.luma8 : null;
        if (c == 0) {
            kernels.lumaBlock(ref.planes[0], ref.planeWidth[0], ref.width, ref.height, sps.bitDepthY, x, y, w, h,
                    MotionVectors.mvx(mv), MotionVectors.mvy(mv), dst);
        } else {
            kernels.chromaBlock(ref.planes[c], ref.planeWidth[c], ref.planeWidth[c], ref.planeHeight[c], sps.bitDepthC,
                    x, y, w, h, MotionVectors.mvx(mv), MotionVectors.mvy(mv), dst);
        }
    }

    /** Interpolates the L1 block and averages it with pred0 into the picture (default weights). */
    private void interpolateBi(Frame ref, int c, int x, int y, int w, int h, int mv, short[] dst, int stride, int off) {
        Sps sps = ref.sps;
        kernels.ref8 = c == 0 ? ref.luma8 : null;
        if (c == 0) {
            kernels.lumaBi(ref.planes[0], ref.planeWidth[0], ref.width, ref.height, sps.bitDepthY, x, y, w, h,
                    MotionVectors.mvx(mv), MotionVectors.mvy(mv), pred0, dst, stride, off);
        } else {
            kernels.chromaBi(ref.planes[c], ref.planeWidth[c], ref.planeWidth[c], ref.planeHeight[c], sps.bitDepthC, x,
                    y, w, h, MotionVectors.mvx(mv), MotionVectors.mvy(mv), pred0, dst, stride, off);
        }
    }

    /** Interpolates a uni-predicted block and weights it into the picture. */
    private void interpolateUni(Frame ref, int c, int x, int y, int w, int h, int mv, int log2Wd, int w0, int o0,
            short[] dst, int stride, int off) {
        Sps sps = ref.sps;
        kernels.ref8 = c == 0 ? ref.luma8 : null;
        if (c == 0) {
            kernels.lumaUni(ref.planes[0], ref.planeWidth[0], ref.width, ref.height, sps.bitDepthY, x, y, w, h,
                    MotionVectors.mvx(mv), MotionVectors.mvy(mv), log2Wd, w0, o0, dst, stride, off);
        } else {
            kernels.chromaUni(ref.planes[c], ref.planeWidth[c], ref.planeWidth[c], ref.planeHeight[c], sps.bitDepthC, x,
                    y, w, h, MotionVectors.mvx(mv), MotionVectors.mvy(mv), log2Wd, w0, o0, dst, stride, off);
        }
    }

    private static int weight(PredWeightTable wt, int l, int refIdx, int c) {
        if (refIdx < 0) {
            return 0;
        }
        return c == 0 ? wt.lumaWeight[l][refIdx] : wt.chromaWeight[l][refIdx * 2 + c - 1];
    }

    private static int offset(PredWeightTable wt, int l, int refIdx, int c) {
        if (refIdx < 0) {
            return 0;
        }
        return c == 0 ? wt.lumaOffset[l][refIdx] : wt.chromaOffset[l][refIdx * 2 + c - 1];
    }
}
