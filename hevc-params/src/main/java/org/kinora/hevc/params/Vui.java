package org.kinora.hevc.params;

import org.kinora.core.BitReader;
import org.kinora.core.ColourDescription;

/** vui_parameters() and hrd_parameters() (H.265 E.2.1, E.2.2): keeps what playback needs. */
final class Vui {
    private Vui() {
    }

    // Table E.1
    private static final int[][] SAR = {
        {0, 0}, {1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}, {24, 11}, {20, 11}, {32, 11},
        {80, 33}, {18, 11}, {15, 11}, {64, 33}, {160, 99}, {4, 3}, {3, 2}, {2, 1},
    };

    static void parse(BitReader r, Sps s) {
        if (r.readFlag()) { // aspect_ratio_info_present_flag
            int idc = r.readBits(8);
            if (idc == 255) {
                s.sarNum = r.readBits(16);
                s.sarDen = r.readBits(16);
            } else if (idc > 0 && idc < SAR.length) {
                s.sarNum = SAR[idc][0];
                s.sarDen = SAR[idc][1];
            }
            if (s.sarNum == 0 || s.sarDen == 0) {
                s.sarNum = 1;
                s.sarDen = 1;
            }
        }
        if (r.readFlag()) { // overscan_info_present_flag
            r.readBit();
        }
        if (r.readFlag()) { // video_signal_type_present_flag
            r.readBits(3); // video_format
            boolean fullRange = r.readFlag();
            int primaries = 2;
            int transfer = 2;
            int matrix = 2;
            if (r.readFlag()) {
                primaries = r.readBits(8);
                transfer = r.readBits(8);
                matrix = r.readBits(8);
            }
            s.colour = new ColourDescription(matrix, primaries, transfer, fullRange);
        }
        if (r.readFlag()) { // chroma_loc_info_present_flag
            r.readUe();
            r.readUe();
        }
        r.readBits(3); // neutral_chroma, field_seq, frame_field_info_present
        if (r.readFlag()) { // default_display_window_flag
            r.readUe();
            r.readUe();
            r.readUe();
            r.readUe();
        }
        if (r.readFlag()) { // vui_timing_info_present_flag
            s.numUnitsInTick = r.readBits(32);
            s.timeScale = r.readBits(32);
            if (r.readFlag()) { // vui_poc_proportional_to_timing_flag
                r.readUe();
            }
            if (r.readFlag()) { // vui_hrd_parameters_present_flag
                hrd(r, true, s.maxSubLayers - 1);
            }
        }
        if (r.readFlag()) { // bitstream_restriction_flag
            r.readBits(3);
            r.readUe("min_spatial_segmentation_idc", 0, 4095);
            r.readUe("max_bytes_per_pic_denom", 0, 16);
            r.readUe("max_bits_per_min_cu_denom", 0, 16);
            r.readUe("log2_max_mv_length_horizontal", 0, 16);
            r.readUe("log2_max_mv_length_vertical", 0, 15);
        }
    }

    /** hrd_parameters() (E.2.2), read and dropped. */
    static void hrd(BitReader r, boolean commonInfPresent, int maxSubLayersMinus1) {
        boolean nalHrd = false;
        boolean vclHrd = false;
        boolean subPicHrd = false;
        if (commonInfPresent) {
            nalHrd = r.readFlag();
            vclHrd = r.readFlag();
            if (nalHrd || vclHrd) {
                subPicHrd = r.readFlag();
                if (subPicHrd) {
                    r.skipBits(8 + 5 + 1 + 5);
                }
                r.skipBits(4 + 4);
                if (subPicHrd) {
                    r.skipBits(4);
                }
                r.skipBits(5 + 5 + 5);
            }
        }
        for (int i = 0; i <= maxSubLayersMinus1; i++) {
            boolean fixedGeneral = r.readFlag();
            boolean fixedWithinCvs = fixedGeneral || r.readFlag();
            boolean lowDelay = false;
            if (fixedWithinCvs) {
                r.readUe("elemental_duration_in_tc_minus1", 0, 2047);
            } else {
                lowDelay = r.readFlag();
            }
            int cpbCnt = 1;
            if (!lowDelay) {
                cpbCnt = r.readUe("cpb_cnt_minus1", 0, 31) + 1;
            }
            for (int k = 0; k < (nalHrd ? 1 : 0) + (vclHrd ? 1 : 0); k++) {
                for (int j = 0; j < cpbCnt; j++) {
                    r.readUe();
                    r.readUe();
                    if (subPicHrd) {
                        r.readUe();
                        r.readUe();
                    }
                    r.readBit();
                }
            }
        }
    }
}
