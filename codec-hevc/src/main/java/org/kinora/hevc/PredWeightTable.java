package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.hevc.params.Sps;

/**
 * pred_weight_table() (H.265 7.3.6.3 syntax, 7.4.7.3 semantics): the explicit weights and offsets
 * of each reference index, already derived (LumaWeightLX, luma_offset_lX, ChromaWeightLX,
 * ChromaOffsetLX) and with the offsets scaled to the bit depth (8.5.3.3.4.3).
 */
final class PredWeightTable {
    int lumaLog2Denom;
    int chromaLog2Denom;
    /** [list][refIdx] */
    final int[][] lumaWeight = new int[2][16];
    final int[][] lumaOffset = new int[2][16];
    /** [list][refIdx * 2 + (cIdx - 1)] */
    final int[][] chromaWeight = new int[2][32];
    final int[][] chromaOffset = new int[2][32];

    static PredWeightTable parse(BitReader r, SliceHeader h, Sps sps) {
        PredWeightTable t = new PredWeightTable();
        t.lumaLog2Denom = r.readUe("luma_log2_weight_denom", 0, 7);
        boolean chroma = sps.chromaArrayType != 0;
        if (chroma) {
            t.chromaLog2Denom = t.lumaLog2Denom + r.readSe("delta_chroma_log2_weight_denom", -7, 7);
            org.kinora.core.MalformedStreamException.checkRange("ChromaLog2WeightDenom", t.chromaLog2Denom, 0, 7);
        }
        t.list(r, 0, h.numRefIdxL0Active, chroma, sps);
        if (h.sliceType == SliceHeader.B) {
            t.list(r, 1, h.numRefIdxL1Active, chroma, sps);
        }
        return t;
    }

    private void list(BitReader r, int l, int n, boolean chroma, Sps sps) {
        // without pps_curr_pic_ref_enabled_flag a reference picture never has the current POC, so
        // every flag is present
        boolean[] lumaFlag = new boolean[n];
        boolean[] chromaFlag = new boolean[n];
        for (int i = 0; i < n; i++) {
            lumaFlag[i] = r.readFlag();
        }
        if (chroma) {
            for (int i = 0; i < n; i++) {
                chromaFlag[i] = r.readFlag();
            }
        }
        int shiftY = sps.bitDepthY - 8;
        int shiftC = sps.bitDepthC - 8;
        int halfRangeC = 1 << 7; // wpOffsetHalfRangeC without high_precision_offsets_enabled_flag
        for (int i = 0; i < n; i++) {
            lumaWeight[l][i] = 1 << lumaLog2Denom;
            lumaOffset[l][i] = 0;
            if (lumaFlag[i]) {
                lumaWeight[l][i] += r.readSe("delta_luma_weight", -128, 127);
                lumaOffset[l][i] = r.readSe("luma_offset", -128, 127) << shiftY;
            }
            for (int j = 0; j < 2; j++) {
                int k = i * 2 + j;
                chromaWeight[l][k] = 1 << chromaLog2Denom;
                chromaOffset[l][k] = 0;
                if (chromaFlag[i]) {
                    int w = (1 << chromaLog2Denom) + r.readSe("delta_chroma_weight", -128, 127);
                    int d = r.readSe("delta_chroma_offset", -4 * halfRangeC, 4 * halfRangeC - 1);
                    int o = halfRangeC - ((halfRangeC * w) >> chromaLog2Denom) + d;
                    o = o < -halfRangeC ? -halfRangeC : (o > halfRangeC - 1 ? halfRangeC - 1 : o);
                    chromaWeight[l][k] = w;
                    chromaOffset[l][k] = o << shiftC;
                }
            }
        }
    }

    /**
     * Whether every weight of the first {@code n0} and {@code n1} reference indices of lists 0 and 1
     * is 2^log2Denom with offset 0. Explicit weighting (8.5.3.3.4.3) with such weights equals the
     * default weighting (8.5.3.3.4.2): uni-prediction gives ((p * 2^d + 2^(d + shift1 - 1)) >> (d + shift1))
     * = (p + 2^(shift1 - 1)) >> shift1, bi-prediction ((p0 + p1) * 2^d + 2^(d + shift1)) >> (d + shift1 + 1)
     * = (p0 + p1 + 2^shift1) >> (shift1 + 1), for every denominator d.
     */
    boolean isIdentity(int n0, int n1) {
        for (int l = 0; l < 2; l++) {
            int n = l == 0 ? n0 : n1;
            for (int i = 0; i < n; i++) {
                if (lumaWeight[l][i] != 1 << lumaLog2Denom || lumaOffset[l][i] != 0) {
                    return false;
                }
                for (int k = 2 * i; k < 2 * i + 2; k++) {
                    if (chromaWeight[l][k] != 1 << chromaLog2Denom || chromaOffset[l][k] != 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
