package org.kinora.hevc;

/**
 * CABAC data (H.265 9.3): context index layout, initValue tables 9-5 to 9-37 for the three
 * initTypes, rangeTabLps (Table 9-52) and the state transitions (Table 9-53).
 */
final class CabacTables {
    private CabacTables() {
    }

    // First context of each syntax element in the context array (our own layout).
    static final int SAO_MERGE = 0;
    static final int SAO_TYPE = 1;
    static final int SPLIT_CU = 2;
    static final int TRANSQUANT_BYPASS = 5;
    static final int SKIP = 6;
    static final int CU_QP_DELTA = 9;
    static final int PRED_MODE = 11;
    static final int PART_MODE = 12;
    static final int PREV_INTRA_LUMA = 16;
    static final int INTRA_CHROMA = 17;
    static final int MERGE_FLAG = 18;
    static final int MERGE_IDX = 19;
    static final int INTER_PRED_IDC = 20;
    static final int REF_IDX = 25;
    static final int MVD_GT0 = 27;
    static final int MVD_GT1 = 28;
    static final int MVP = 29;
    static final int RQT_ROOT_CBF = 30;
    static final int SPLIT_TRANSFORM = 31;
    static final int CBF_LUMA = 34;
    static final int CBF_CHROMA = 36;
    static final int TRANSFORM_SKIP = 40;
    static final int LAST_X = 42;
    static final int LAST_Y = 60;
    static final int SIG_CG = 78;
    static final int SIG_COEFF = 82;
    static final int GT1 = 124;
    static final int GT2 = 148;
    static final int COUNT = 154;

    /** initValue per initType (0: I, 1 and 2: P/B depending on cabac_init_flag), in the layout above. */
    static final int[][] INIT_VALUES = {
        {
            153, // sao_merge
            200, // sao_type_idx
            139, 141, 157, // split_cu_flag
            154, // cu_transquant_bypass_flag
            154, 154, 154, // cu_skip_flag
            154, 154, // cu_qp_delta_abs
            154, // pred_mode_flag
            184, 154, 154, 154, // part_mode
            184, // prev_intra_luma_pred_flag
            63, // intra_chroma_pred_mode
            154, // merge_flag
            154, // merge_idx
            154, 154, 154, 154, 154, // inter_pred_idc
            154, 154, // ref_idx
            154, // abs_mvd_greater0_flag
            154, // abs_mvd_greater1_flag
            154, // mvp_flag
            154, // rqt_root_cbf
            153, 138, 138, // split_transform_flag
            111, 141, // cbf_luma
            94, 138, 182, 154, // cbf_cb, cbf_cr
            139, 139, // transform_skip_flag
            110, 110, 124, 125, 140, 153, 125, 127, 140, 109, 111, 143, 127, 111, 79, 108, 123, 63, // last_x_prefix
            110, 110, 124, 125, 140, 153, 125, 127, 140, 109, 111, 143, 127, 111, 79, 108, 123, 63, // last_y_prefix
            91, 171, 134, 141, // coded_sub_block_flag
            111, 111, 125, 110, 110, 94, 124, 108, 124, 107, 125, 141, 179, 153, 125, 107, 125, 141, 179, 153,
            125, 107, 125, 141, 179, 153, 125, 140, 139, 182, 182, 152, 136, 152, 136, 153, 136, 139, 111, 136,
            139, 111, // sig_coeff_flag
            140, 92, 137, 138, 140, 152, 138, 139, 153, 74, 149, 92, 139, 107, 122, 152, 140, 179, 166, 182,
            140, 227, 122, 197, // coeff_abs_level_greater1_flag
            138, 153, 136, 167, 152, 152, // coeff_abs_level_greater2_flag
        },
        {
            153,
            185,
            107, 139, 126,
            154,
            197, 185, 201,
            154, 154,
            149,
            154, 139, 154, 154,
            154,
            152,
            110,
            122,
            95, 79, 63, 31, 31,
            153, 153,
            140,
            198,
            168,
            79,
            124, 138, 94,
            153, 111,
            149, 107, 167, 154,
            139, 139,
            125, 110, 94, 110, 95, 79, 125, 111, 110, 78, 110, 111, 111, 95, 94, 108, 123, 108,
            125, 110, 94, 110, 95, 79, 125, 111, 110, 78, 110, 111, 111, 95, 94, 108, 123, 108,
            121, 140, 61, 154,
            155, 154, 139, 153, 139, 123, 123, 63, 153, 166, 183, 140, 136, 153, 154, 166, 183, 140, 136, 153,
            154, 166, 183, 140, 136, 153, 154, 170, 153, 123, 123, 107, 121, 107, 121, 167, 151, 183, 140, 151,
            183, 140,
            154, 196, 196, 167, 154, 152, 167, 182, 182, 134, 149, 136, 153, 121, 136, 137, 169, 194, 166, 167,
            154, 167, 137, 182,
            107, 167, 91, 122, 107, 167,
        },
        {
            153,
            160,
            107, 139, 126,
            154,
            197, 185, 201,
            154, 154,
            134,
            154, 139, 154, 154,
            183,
            152,
            154,
            137,
            95, 79, 63, 31, 31,
            153, 153,
            169,
            198,
            168,
            79,
            224, 167, 122,
            153, 111,
            149, 92, 167, 154,
            139, 139,
            125, 110, 124, 110, 95, 94, 125, 111, 111, 79, 125, 126, 111, 111, 79, 108, 123, 93,
            125, 110, 124, 110, 95, 94, 125, 111, 111, 79, 125, 126, 111, 111, 79, 108, 123, 93,
            121, 140, 61, 154,
            170, 154, 139, 153, 139, 123, 123, 63, 124, 166, 183, 140, 136, 153, 154, 166, 183, 140, 136, 153,
            154, 166, 183, 140, 136, 153, 154, 170, 153, 138, 138, 122, 121, 122, 121, 167, 151, 183, 140, 151,
            183, 140,
            154, 196, 167, 167, 154, 152, 167, 182, 182, 134, 149, 136, 153, 121, 136, 122, 169, 208, 166, 167,
            154, 152, 167, 182,
            107, 167, 91, 107, 107, 167,
        },
    };

    /** rangeTabLps[pStateIdx][qRangeIdx] (Table 9-52), flattened as pStateIdx * 4 + qRangeIdx. */
    static final int[] RANGE_TAB_LPS = {
        128, 176, 208, 240, 128, 167, 197, 227, 128, 158, 187, 216, 123, 150, 178, 205,
        116, 142, 169, 195, 111, 135, 160, 185, 105, 128, 152, 175, 100, 122, 144, 166,
        95, 116, 137, 158, 90, 110, 130, 150, 85, 104, 123, 142, 81, 99, 117, 135,
        77, 94, 111, 128, 73, 89, 105, 122, 69, 85, 100, 116, 66, 80, 95, 110,
        62, 76, 90, 104, 59, 72, 86, 99, 56, 69, 81, 94, 53, 65, 77, 89,
        51, 62, 73, 85, 48, 59, 69, 80, 46, 56, 66, 76, 43, 53, 63, 72,
        41, 50, 59, 69, 39, 48, 56, 65, 37, 45, 54, 62, 35, 43, 51, 59,
        33, 41, 48, 56, 32, 39, 46, 53, 30, 37, 43, 50, 29, 35, 41, 48,
        27, 33, 39, 45, 26, 31, 37, 43, 24, 30, 35, 41, 23, 28, 33, 39,
        22, 27, 32, 37, 21, 26, 30, 35, 20, 24, 29, 33, 19, 23, 27, 31,
        18, 22, 26, 30, 17, 21, 25, 28, 16, 20, 23, 27, 15, 19, 22, 25,
        14, 18, 21, 24, 14, 17, 20, 23, 13, 16, 19, 22, 12, 15, 18, 21,
        12, 14, 17, 20, 11, 14, 16, 19, 11, 13, 15, 18, 10, 12, 15, 17,
        10, 12, 14, 16, 9, 11, 13, 15, 9, 11, 12, 14, 8, 10, 12, 14,
        8, 9, 11, 13, 7, 9, 11, 12, 7, 9, 10, 12, 7, 8, 10, 11,
        6, 8, 9, 11, 6, 7, 9, 10, 6, 7, 8, 9, 2, 2, 2, 2,
    };

    /** transIdxLps (Table 9-53). */
    static final int[] TRANS_IDX_LPS = {
        0, 0, 1, 2, 2, 4, 4, 5, 6, 7, 8, 9, 9, 11, 11, 12,
        13, 13, 15, 15, 16, 16, 18, 18, 19, 19, 21, 21, 22, 22, 23, 24,
        24, 25, 26, 26, 27, 27, 28, 29, 29, 30, 30, 30, 31, 32, 32, 33,
        33, 33, 34, 34, 35, 35, 35, 36, 36, 36, 37, 37, 37, 38, 38, 63,
    };

    /**
     * Context states are kept as {@code (pStateIdx << 1) | valMps}. These give the state after
     * decoding the most and the least probable symbol, and the LPS range row offset.
     */
    static final byte[] NEXT_MPS = new byte[128];
    static final byte[] NEXT_LPS = new byte[128];

    static {
        for (int s = 0; s < 64; s++) {
            for (int mps = 0; mps < 2; mps++) {
                int st = (s << 1) | mps;
                int nm = Math.min(s + 1, 62);
                if (s == 63) {
                    nm = 63;
                }
                NEXT_MPS[st] = (byte) ((nm << 1) | mps);
                int nl = TRANS_IDX_LPS[s];
                int newMps = s == 0 ? 1 - mps : mps;
                NEXT_LPS[st] = (byte) ((nl << 1) | newMps);
            }
        }
    }
}
