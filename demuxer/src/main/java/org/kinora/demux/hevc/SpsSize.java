package org.kinora.demux.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.MediaException;

/**
 * What the demuxer needs from an H.265 SPS (7.3.2.2): the cropped picture size and, when the VUI
 * carries it, the timing (E.2.1 vui_num_units_in_tick, vui_time_scale). The decoder parses the
 * SPS fully on its own; this walk only skips over the fields before the VUI.
 */
final class SpsSize {
    int width;
    int height;
    /** vui_num_units_in_tick and vui_time_scale, or 0 when absent. */
    int numUnitsInTick;
    int timeScale;

    private SpsSize() {
    }

    /** Reads the SPS NAL unit {@code nal[offset .. offset + length)}; null when it cannot be read. */
    static SpsSize read(byte[] nal, int offset, int length) {
        if (length < 4) {
            return null;
        }
        byte[] rbsp = new byte[Math.min(length, 4096)];
        int n = 0;
        int zeros = 0;
        for (int i = offset + 2; i < offset + length && n < rbsp.length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            rbsp[n++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        SpsSize s = new SpsSize();
        BitReader r = new BitReader(rbsp, 0, n);
        try {
            s.readSize(r);
        } catch (MediaException e) {
            return null;
        }
        try {
            s.readTiming(r);
        } catch (MediaException e) {
            s.numUnitsInTick = 0;
            s.timeScale = 0;
        }
        return s;
    }

    private int maxSubLayersMinus1;

    private void readSize(BitReader r) {
        r.skipBits(4);
        maxSubLayersMinus1 = r.readBits(3);
        r.skipBits(1);
        r.skipBits(88 + 8); // general profile, tier and level
        boolean[] profile = new boolean[8];
        boolean[] level = new boolean[8];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profile[i] = r.readFlag();
            level[i] = r.readFlag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skipBits(2 * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            r.skipBits((profile[i] ? 88 : 0) + (level[i] ? 8 : 0));
        }
        r.readUe(); // sps_seq_parameter_set_id
        int chroma = r.readUe("chroma_format_idc", 0, 3);
        boolean separate = chroma == 3 && r.readFlag();
        int w = r.readUe("pic_width_in_luma_samples", 1, 16888);
        int h = r.readUe("pic_height_in_luma_samples", 1, 16888);
        int subW = (chroma == 1 || chroma == 2) && !separate ? 2 : 1;
        int subH = chroma == 1 && !separate ? 2 : 1;
        if (r.readFlag()) {
            int left = r.readUe("conf_win_left_offset", 0, w);
            int right = r.readUe("conf_win_right_offset", 0, w);
            int top = r.readUe("conf_win_top_offset", 0, h);
            int bottom = r.readUe("conf_win_bottom_offset", 0, h);
            long cw = w - (long) subW * (left + right);
            long ch = h - (long) subH * (top + bottom);
            if (cw > 0 && ch > 0) {
                w = (int) cw;
                h = (int) ch;
            }
        }
        width = w;
        height = h;
    }

    /** The fields between the conformance window and the VUI timing, skipped. */
    private void readTiming(BitReader r) {
        r.readUe("bit_depth_luma_minus8", 0, 8);
        r.readUe("bit_depth_chroma_minus8", 0, 8);
        int log2MaxPocLsb = r.readUe("log2_max_pic_order_cnt_lsb_minus4", 0, 12) + 4;
        boolean ordering = r.readFlag();
        for (int i = ordering ? 0 : maxSubLayersMinus1; i <= maxSubLayersMinus1; i++) {
            r.readUe();
            r.readUe();
            r.readUe();
        }
        for (int i = 0; i < 6; i++) {
            r.readUe(); // block sizes and transform hierarchy depths
        }
        if (r.readFlag() && r.readFlag()) { // scaling_list_enabled_flag, sps_scaling_list_data_present_flag
            skipScalingListData(r);
        }
        r.skipBits(2); // amp_enabled_flag, sample_adaptive_offset_enabled_flag
        if (r.readFlag()) { // pcm_enabled_flag
            r.skipBits(8);
            r.readUe();
            r.readUe();
            r.skipBits(1);
        }
        int numSets = r.readUe("num_short_term_ref_pic_sets", 0, 64);
        int[][] deltas = new int[numSets][];
        for (int i = 0; i < numSets; i++) {
            deltas[i] = shortTermRefPicSet(r, deltas, i);
        }
        if (r.readFlag()) { // long_term_ref_pics_present_flag
            int n = r.readUe("num_long_term_ref_pics_sps", 0, 32);
            r.skipBits(n * (log2MaxPocLsb + 1));
        }
        r.skipBits(2); // sps_temporal_mvp_enabled_flag, strong_intra_smoothing_enabled_flag
        if (!r.readFlag()) { // vui_parameters_present_flag
            return;
        }
        if (r.readFlag() && r.readBits(8) == 255) { // aspect_ratio_info_present_flag, aspect_ratio_idc
            r.skipBits(32);
        }
        if (r.readFlag()) { // overscan_info_present_flag
            r.skipBits(1);
        }
        if (r.readFlag()) { // video_signal_type_present_flag
            r.skipBits(4);
            if (r.readFlag()) {
                r.skipBits(24);
            }
        }
        if (r.readFlag()) { // chroma_loc_info_present_flag
            r.readUe();
            r.readUe();
        }
        r.skipBits(3);
        if (r.readFlag()) { // default_display_window_flag
            for (int i = 0; i < 4; i++) {
                r.readUe();
            }
        }
        if (r.readFlag()) { // vui_timing_info_present_flag
            int units = r.readBits(32);
            int scale = r.readBits(32);
            if (units > 0 && scale > 0) {
                numUnitsInTick = units;
                timeScale = scale;
            }
        }
    }

    private static void skipScalingListData(BitReader r) {
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1) {
                if (!r.readFlag()) {
                    r.readUe();
                } else {
                    int coefNum = Math.min(64, 1 << (4 + (sizeId << 1)));
                    if (sizeId > 1) {
                        r.readSe();
                    }
                    for (int i = 0; i < coefNum; i++) {
                        r.readSe();
                    }
                }
            }
        }
    }

    /** st_ref_pic_set() (7.3.7) in an SPS; returns the set's delta POCs (7.4.8). */
    private static int[] shortTermRefPicSet(BitReader r, int[][] sets, int idx) {
        if (idx != 0 && r.readFlag()) { // inter_ref_pic_set_prediction_flag
            int[] ref = sets[idx - 1];
            int sign = r.readBit();
            int deltaRps = (1 - 2 * sign) * (r.readUe("abs_delta_rps_minus1", 0, 32767) + 1);
            int[] out = new int[ref.length + 1];
            int count = 0;
            for (int j = 0; j <= ref.length; j++) {
                boolean used = r.readFlag();
                boolean useDelta = used || r.readFlag();
                int d = (j < ref.length ? ref[j] : 0) + deltaRps;
                if (useDelta && d != 0) {
                    out[count++] = d;
                }
            }
            if (count > 16) {
                throw new MalformedStreamException("short-term reference picture set too large");
            }
            return java.util.Arrays.copyOf(out, count);
        }
        int neg = r.readUe("num_negative_pics", 0, 16);
        int pos = r.readUe("num_positive_pics", 0, 16 - neg);
        int[] out = new int[neg + pos];
        int poc = 0;
        for (int i = 0; i < neg; i++) {
            poc -= r.readUe("delta_poc_s0_minus1", 0, 32767) + 1;
            out[i] = poc;
            r.skipBits(1);
        }
        poc = 0;
        for (int i = 0; i < pos; i++) {
            poc += r.readUe("delta_poc_s1_minus1", 0, 32767) + 1;
            out[neg + i] = poc;
            r.skipBits(1);
        }
        return out;
    }
}
