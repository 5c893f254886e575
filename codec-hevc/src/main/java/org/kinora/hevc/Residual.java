package org.kinora.hevc;

import org.kinora.core.MalformedStreamException;

/**
 * residual_coding() (H.265 7.3.8.11) with the context selection of 9.3.4.2.4 to 9.3.4.2.7 and
 * the coeff_abs_level_remaining binarization (9.3.3.11). Produces TransCoeffLevel values in
 * {@link #coeff} (raster order, {@code y * nTbS + x}) and the list of non-zero positions.
 */
final class Residual {
    // ctxIdxMap of 9.3.4.2.5 for 4x4 blocks (position 15 is never coded; padded)
    private static final int[] CTX_IDX_MAP = {0, 1, 4, 5, 2, 3, 4, 5, 6, 6, 8, 8, 7, 7, 8, 8};

    /**
     * sigCtx of 9.3.4.2.5 for every case, indexed by
     * ((((log2TrafoSize - 2) * 2 + (cIdx &gt; 0)) * 3 + scanIdx) * 4 + prevCsbf) * 32
     * + (sub-block is (0, 0) ? 16 : 0) + scan position in the sub-block.
     */
    private static final byte[] SIG_CTX = new byte[4 * 2 * 3 * 4 * 32];

    static {
        for (int log2 = 2; log2 <= 5; log2++) {
            for (int chroma = 0; chroma < 2; chroma++) {
                for (int scanIdx = 0; scanIdx < 3; scanIdx++) {
                    for (int prevCsbf = 0; prevCsbf < 4; prevCsbf++) {
                        for (int dcBlock = 0; dcBlock < 2; dcBlock++) {
                            int base = ((((log2 - 2) * 2 + chroma) * 3 + scanIdx) * 4 + prevCsbf) * 32 + dcBlock * 16;
                            for (int n = 0; n < 16; n++) {
                                int xP = ScanOrder.X[2][scanIdx][n];
                                int yP = ScanOrder.Y[2][scanIdx][n];
                                SIG_CTX[base + n] = (byte) sigCtx(log2, chroma, scanIdx, prevCsbf, dcBlock == 1, xP, yP);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int sigCtx(int log2, int chroma, int scanIdx, int prevCsbf, boolean dcBlock, int xP, int yP) {
        if (log2 == 2) {
            return CTX_IDX_MAP[(yP << 2) + xP];
        }
        if (dcBlock && xP + yP == 0) {
            return 0;
        }
        int sigCtx;
        if (prevCsbf == 0) {
            sigCtx = xP + yP == 0 ? 2 : (xP + yP < 3 ? 1 : 0);
        } else if (prevCsbf == 1) {
            sigCtx = yP == 0 ? 2 : (yP == 1 ? 1 : 0);
        } else if (prevCsbf == 2) {
            sigCtx = xP == 0 ? 2 : (xP == 1 ? 1 : 0);
        } else {
            sigCtx = 2;
        }
        if (chroma == 0) {
            if (!dcBlock) {
                sigCtx += 3;
            }
            return sigCtx + (log2 == 3 ? (scanIdx == 0 ? 9 : 15) : 21);
        }
        return sigCtx + (log2 == 3 ? 9 : 12);
    }

    final int[] coeff = new int[32 * 32];
    /** Raster positions of the non-zero entries of {@link #coeff}. */
    final int[] nonZero = new int[32 * 32];
    int numNonZero;
    boolean transformSkip;
    /** Largest column and row holding a non-zero coefficient. */
    int maxX;
    int maxY;

    private final byte[] csbf = new byte[64];
    private final int[] sigN = new int[16];
    private final int[] absLevel = new int[16];

    /** Zeroes every coefficient: after an error, a block may have been left half parsed. */
    void reset() {
        java.util.Arrays.fill(coeff, 0);
        numNonZero = 0;
    }

    /** Zeroes the coefficients of the previous block. */
    void clear() {
        for (int i = 0; i < numNonZero; i++) {
            coeff[nonZero[i]] = 0;
        }
        numNonZero = 0;
    }

    void parse(Cabac c, int log2, int cIdx, int scanIdx, boolean transformSkipAllowed, boolean bypass, boolean signHiding) {
        clear();
        int n = 1 << log2;
        transformSkip = transformSkipAllowed && c.decodeBin(CabacTables.TRANSFORM_SKIP + (cIdx > 0 ? 1 : 0)) != 0;

        // last_sig_coeff_{x,y}_prefix and suffix (9.3.4.2.3)
        int ctxOffset;
        int ctxShift;
        if (cIdx == 0) {
            ctxOffset = 3 * (log2 - 2) + ((log2 - 1) >> 2);
            ctxShift = (log2 + 1) >> 2;
        } else {
            ctxOffset = 15;
            ctxShift = log2 - 2;
        }
        int cMax = (log2 << 1) - 1;
        int px = 0;
        while (px < cMax && c.decodeBin(CabacTables.LAST_X + ctxOffset + (px >> ctxShift)) != 0) {
            px++;
        }
        int py = 0;
        while (py < cMax && c.decodeBin(CabacTables.LAST_Y + ctxOffset + (py >> ctxShift)) != 0) {
            py++;
        }
        int lastX = px;
        if (px > 3) {
            int len = (px >> 1) - 1;
            lastX = (1 << len) * (2 + (px & 1)) + c.decodeBypassBits(len);
        }
        int lastY = py;
        if (py > 3) {
            int len = (py >> 1) - 1;
            lastY = (1 << len) * (2 + (py & 1)) + c.decodeBypassBits(len);
        }
        if (scanIdx == ScanOrder.VERTICAL) {
            int t = lastX;
            lastX = lastY;
            lastY = t;
        }

        int log2Sb = log2 - 2;
        int nSb = 1 << log2Sb;
        byte[] sbX = ScanOrder.X[log2Sb][scanIdx];
        byte[] sbY = ScanOrder.Y[log2Sb][scanIdx];
        byte[] inX = ScanOrder.X[2][scanIdx];
        byte[] inY = ScanOrder.Y[2][scanIdx];
        int lastSubBlock = 0;
        int lastSbX = lastX >> 2;
        int lastSbY = lastY >> 2;
        while (sbX[lastSubBlock] != lastSbX || sbY[lastSubBlock] != lastSbY) {
            lastSubBlock++;
        }
        int lastScanPos = 0;
        while (inX[lastScanPos] != (lastX & 3) || inY[lastScanPos] != (lastY & 3)) {
            lastScanPos++;
        }
        for (int y = 0; y < nSb; y++) {
            for (int x = 0; x < nSb; x++) {
                csbf[y * 8 + x] = 0;
            }
        }
        int sigBase = CabacTables.SIG_COEFF + (cIdx > 0 ? 27 : 0);
        int gt1Base = CabacTables.GT1 + (cIdx > 0 ? 16 : 0);
        int gt2Base = CabacTables.GT2 + (cIdx > 0 ? 4 : 0);
        boolean hidingAllowed = signHiding && !bypass;
        int greater1 = 1; // greater1Ctx carried between sub-blocks (9.3.4.2.6)
        int mx = 0;
        int my = 0;
        int count = 0;

        for (int i = lastSubBlock; i >= 0; i--) {
            int xS = sbX[i];
            int yS = sbY[i];
            int right = xS < nSb - 1 ? csbf[yS * 8 + xS + 1] : 0;
            int below = yS < nSb - 1 ? csbf[(yS + 1) * 8 + xS] : 0;
            boolean inferSbDc = false;
            int flag = 1;
            if (i < lastSubBlock && i > 0) {
                flag = c.decodeBin(CabacTables.SIG_CG + ((right | below) != 0 ? 1 : 0) + (cIdx > 0 ? 2 : 0));
                inferSbDc = true;
            }
            csbf[yS * 8 + xS] = (byte) flag;
            int nSig = 0;
            int start = 15;
            if (i == lastSubBlock) {
                sigN[nSig++] = lastScanPos;
                start = lastScanPos - 1;
            }
            if (flag != 0) {
                int prevCsbf = right | (below << 1);
                int table = ((((log2 - 2) * 2 + (cIdx > 0 ? 1 : 0)) * 3 + scanIdx) * 4 + prevCsbf) * 32 + ((xS | yS) == 0 ? 16 : 0);
                for (int k = start; k >= 0; k--) {
                    if (k > 0 || !inferSbDc) {
                        if (c.decodeBin(sigBase + SIG_CTX[table + k]) != 0) {
                            sigN[nSig++] = k;
                            inferSbDc = false;
                        }
                    } else {
                        sigN[nSig++] = 0; // inferred DC of a coded sub-block
                    }
                }
            }
            if (nSig == 0) {
                continue;
            }
            // coeff_abs_level_greater1_flag / greater2_flag
            int ctxSet = (i == 0 || cIdx > 0) ? 0 : 2;
            if (greater1 == 0) {
                ctxSet++;
            }
            greater1 = 1;
            int gt2Idx = -1;
            int numGt1 = Math.min(nSig, 8);
            for (int k = 0; k < nSig; k++) {
                absLevel[k] = 1;
            }
            for (int k = 0; k < numGt1; k++) {
                int f = c.decodeBin(gt1Base + ctxSet * 4 + greater1);
                if (f != 0) {
                    absLevel[k] = 2;
                    greater1 = 0;
                    if (gt2Idx < 0) {
                        gt2Idx = k;
                    }
                } else if (greater1 > 0 && greater1 < 3) {
                    greater1++;
                }
            }
            if (gt2Idx >= 0) {
                absLevel[gt2Idx] += c.decodeBin(gt2Base + ctxSet);
            }
            boolean hidden = hidingAllowed && sigN[0] - sigN[nSig - 1] > 3;
            int numSigns = hidden ? nSig - 1 : nSig;
            int signs = c.decodeBypassBits(numSigns) << (32 - numSigns);
            // coeff_abs_level_remaining
            int rice = 0;
            int sumAbs = 0;
            for (int k = 0; k < nSig; k++) {
                int base = absLevel[k];
                int threshold = k < 8 ? (k == gt2Idx ? 3 : 2) : 1;
                int level = base;
                if (base == threshold) {
                    level = base + remaining(c, rice);
                    if (level > 3 * (1 << rice)) {
                        rice = Math.min(rice + 1, 4);
                    }
                }
                if (level > 32768) {
                    throw new MalformedStreamException("coefficient level " + level + " out of range");
                }
                sumAbs += level;
                int pos = sigN[k];
                int xC = (xS << 2) + inX[pos];
                int yC = (yS << 2) + inY[pos];
                int v;
                if (k < numSigns) {
                    v = signs < 0 ? -level : level;
                    signs <<= 1;
                } else {
                    v = (sumAbs & 1) != 0 ? -level : level; // sign data hiding (7.4.9.11)
                }
                if (v == 32768) {
                    throw new MalformedStreamException("coefficient level 32768 out of range");
                }
                int p = yC * n + xC;
                coeff[p] = v;
                nonZero[count++] = p;
                if (xC > mx) {
                    mx = xC;
                }
                if (yC > my) {
                    my = yC;
                }
            }
        }
        numNonZero = count;
        maxX = mx;
        maxY = my;
    }

    /** coeff_abs_level_remaining (9.3.3.11). */
    private static int remaining(Cabac c, int rice) {
        int prefix = 0;
        while (c.decodeBypass() != 0) {
            prefix++;
            if (prefix > 20) {
                throw new MalformedStreamException("coeff_abs_level_remaining prefix too long");
            }
        }
        if (prefix <= 3) {
            return (prefix << rice) + c.decodeBypassBits(rice);
        }
        int len = prefix - 3 + rice;
        return (((1 << (prefix - 3)) + 3 - 1) << rice) + c.decodeBypassBits(len);
    }
}
