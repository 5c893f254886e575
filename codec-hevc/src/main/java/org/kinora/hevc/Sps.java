package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.ColourDescription;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;

/** A sequence parameter set (H.265 7.3.2.2 syntax, 7.4.3.2 semantics) with the values derived from it. */
final class Sps {
    /** Largest picture this decoder accepts, in luma samples (level 6.2 allows 35,651,584). */
    static final int MAX_LUMA_PICTURE_SIZE = 35_651_584;

    int id;
    int vpsId;
    int maxSubLayers;
    int chromaFormatIdc;
    boolean separateColourPlane;
    /** ChromaArrayType (7.4.3.2). */
    int chromaArrayType;
    int width;
    int height;
    int subWidthC = 2;
    int subHeightC = 2;
    int confLeft;
    int confRight;
    int confTop;
    int confBottom;
    int bitDepthY;
    int bitDepthC;
    int qpBdOffsetY;
    int qpBdOffsetC;
    int log2MaxPocLsb;
    final int[] maxDecPicBuffering = new int[8];
    final int[] maxNumReorder = new int[8];
    final int[] maxLatencyIncrease = new int[8];
    int log2MinCbSize;
    int log2CtbSize;
    int log2MinTbSize;
    int log2MaxTbSize;
    int maxTransformHierarchyDepthInter;
    int maxTransformHierarchyDepthIntra;
    boolean scalingListEnabled;
    /** The active lists when scaling is enabled and the PPS has none (defaults unless sent). */
    ScalingList scalingList;
    boolean ampEnabled;
    boolean saoEnabled;
    boolean pcmEnabled;
    int pcmBitDepthY;
    int pcmBitDepthC;
    int log2MinPcmCbSize;
    int log2MaxPcmCbSize;
    boolean pcmLoopFilterDisabled;
    int numShortTermRps;
    ShortTermRps[] shortTermRps;
    boolean longTermRefPicsPresent;
    int numLongTermRefPicsSps;
    int[] ltRefPicPocLsbSps;
    boolean[] usedByCurrPicLtSps;
    boolean temporalMvpEnabled;
    boolean strongIntraSmoothing;
    ColourDescription colour = ColourDescription.UNSPECIFIED;
    int sarNum = 1;
    int sarDen = 1;
    int timeScale;
    int numUnitsInTick;

    // derived (7.4.3.2)
    int ctbSize;
    int picWidthInCtbs;
    int picHeightInCtbs;
    int picSizeInCtbs;
    int minCbSize;

    static Sps parse(BitReader r) {
        Sps s = new Sps();
        s.vpsId = r.readBits(4);
        s.maxSubLayers = r.readBits(3) + 1;
        if (s.maxSubLayers > 7) {
            throw new MalformedStreamException("sps_max_sub_layers_minus1 = " + (s.maxSubLayers - 1));
        }
        r.readBit(); // sps_temporal_id_nesting_flag
        ProfileTierLevel.skip(r, true, s.maxSubLayers - 1);
        s.id = r.readUe("sps_seq_parameter_set_id", 0, 15);
        s.chromaFormatIdc = r.readUe("chroma_format_idc", 0, 3);
        if (s.chromaFormatIdc == 3) {
            s.separateColourPlane = r.readFlag();
        }
        s.chromaArrayType = s.separateColourPlane ? 0 : s.chromaFormatIdc;
        if (s.chromaFormatIdc != 1) {
            throw new UnsupportedFeatureException("HEVC chroma_format_idc " + s.chromaFormatIdc + " (only 4:2:0 is supported)");
        }
        s.width = r.readUe("pic_width_in_luma_samples", 1, 16888);
        s.height = r.readUe("pic_height_in_luma_samples", 1, 16888);
        if (s.width * s.height > MAX_LUMA_PICTURE_SIZE) {
            throw new UnsupportedFeatureException("picture size " + s.width + "x" + s.height + " is too large");
        }
        if (r.readFlag()) {
            s.confLeft = r.readUe("conf_win_left_offset", 0, s.width);
            s.confRight = r.readUe("conf_win_right_offset", 0, s.width);
            s.confTop = r.readUe("conf_win_top_offset", 0, s.height);
            s.confBottom = r.readUe("conf_win_bottom_offset", 0, s.height);
            if (s.subWidthC * (s.confLeft + s.confRight) >= s.width || s.subHeightC * (s.confTop + s.confBottom) >= s.height) {
                throw new MalformedStreamException("conformance window leaves no picture");
            }
        }
        s.bitDepthY = r.readUe("bit_depth_luma_minus8", 0, 8) + 8;
        s.bitDepthC = r.readUe("bit_depth_chroma_minus8", 0, 8) + 8;
        if (s.bitDepthY > 10 || s.bitDepthC > 10) {
            throw new UnsupportedFeatureException("HEVC bit depth " + s.bitDepthY + "/" + s.bitDepthC);
        }
        s.qpBdOffsetY = 6 * (s.bitDepthY - 8);
        s.qpBdOffsetC = 6 * (s.bitDepthC - 8);
        s.log2MaxPocLsb = r.readUe("log2_max_pic_order_cnt_lsb_minus4", 0, 12) + 4;
        boolean orderingInfoPresent = r.readFlag();
        for (int i = orderingInfoPresent ? 0 : s.maxSubLayers - 1; i < s.maxSubLayers; i++) {
            s.maxDecPicBuffering[i] = r.readUe("sps_max_dec_pic_buffering_minus1", 0, 15) + 1;
            s.maxNumReorder[i] = r.readUe("sps_max_num_reorder_pics", 0, s.maxDecPicBuffering[i] - 1);
            s.maxLatencyIncrease[i] = r.readUe("sps_max_latency_increase_plus1", 0, Integer.MAX_VALUE - 1);
        }
        if (!orderingInfoPresent) {
            for (int i = 0; i < s.maxSubLayers - 1; i++) {
                s.maxDecPicBuffering[i] = s.maxDecPicBuffering[s.maxSubLayers - 1];
                s.maxNumReorder[i] = s.maxNumReorder[s.maxSubLayers - 1];
                s.maxLatencyIncrease[i] = s.maxLatencyIncrease[s.maxSubLayers - 1];
            }
        }
        s.log2MinCbSize = r.readUe("log2_min_luma_coding_block_size_minus3", 0, 3) + 3;
        s.log2CtbSize = s.log2MinCbSize + r.readUe("log2_diff_max_min_luma_coding_block_size", 0, 3);
        s.log2MinTbSize = r.readUe("log2_min_luma_transform_block_size_minus2", 0, 3) + 2;
        s.log2MaxTbSize = s.log2MinTbSize + r.readUe("log2_diff_max_min_luma_transform_block_size", 0, 3);
        if (s.log2CtbSize < 4 || s.log2CtbSize > 6 || s.log2MinTbSize >= s.log2MinCbSize
                || s.log2MaxTbSize > Math.min(s.log2CtbSize, 5)) {
            throw new MalformedStreamException("inconsistent coding and transform block sizes");
        }
        s.maxTransformHierarchyDepthInter = r.readUe("max_transform_hierarchy_depth_inter", 0, s.log2CtbSize - s.log2MinTbSize);
        s.maxTransformHierarchyDepthIntra = r.readUe("max_transform_hierarchy_depth_intra", 0, s.log2CtbSize - s.log2MinTbSize);
        s.scalingListEnabled = r.readFlag();
        if (s.scalingListEnabled) {
            s.scalingList = r.readFlag() ? ScalingList.parse(r) : ScalingList.defaults();
        }
        s.ampEnabled = r.readFlag();
        s.saoEnabled = r.readFlag();
        s.pcmEnabled = r.readFlag();
        if (s.pcmEnabled) {
            s.pcmBitDepthY = r.readBits(4) + 1;
            s.pcmBitDepthC = r.readBits(4) + 1;
            if (s.pcmBitDepthY > s.bitDepthY || s.pcmBitDepthC > s.bitDepthC) {
                throw new MalformedStreamException("PCM bit depth above the coded bit depth");
            }
            s.log2MinPcmCbSize = r.readUe("log2_min_pcm_luma_coding_block_size_minus3", 0, 2) + 3;
            s.log2MaxPcmCbSize = s.log2MinPcmCbSize + r.readUe("log2_diff_max_min_pcm_luma_coding_block_size", 0, 2);
            if (s.log2MaxPcmCbSize > Math.min(s.log2CtbSize, 5) || s.log2MinPcmCbSize < s.log2MinCbSize) {
                throw new MalformedStreamException("PCM block sizes out of range");
            }
            s.pcmLoopFilterDisabled = r.readFlag();
        }
        s.numShortTermRps = r.readUe("num_short_term_ref_pic_sets", 0, 64);
        s.shortTermRps = new ShortTermRps[s.numShortTermRps + 1];
        int maxDpb = s.maxDecPicBuffering[s.maxSubLayers - 1];
        for (int i = 0; i < s.numShortTermRps; i++) {
            s.shortTermRps[i] = ShortTermRps.parse(r, s.shortTermRps, i, s.numShortTermRps, maxDpb);
        }
        s.longTermRefPicsPresent = r.readFlag();
        if (s.longTermRefPicsPresent) {
            s.numLongTermRefPicsSps = r.readUe("num_long_term_ref_pics_sps", 0, 32);
            s.ltRefPicPocLsbSps = new int[s.numLongTermRefPicsSps];
            s.usedByCurrPicLtSps = new boolean[s.numLongTermRefPicsSps];
            for (int i = 0; i < s.numLongTermRefPicsSps; i++) {
                s.ltRefPicPocLsbSps[i] = r.readBits(s.log2MaxPocLsb);
                s.usedByCurrPicLtSps[i] = r.readFlag();
            }
        }
        s.temporalMvpEnabled = r.readFlag();
        s.strongIntraSmoothing = r.readFlag();
        if (r.readFlag()) {
            Vui.parse(r, s);
        }
        if (r.readFlag()) { // sps_extension_present_flag
            boolean rangeExtension = r.readFlag();
            r.readBits(7); // multilayer, 3d, scc, 4bits: their data is not needed for base-layer decoding
            if (rangeExtension) {
                int flags = r.readBits(9);
                if (flags != 0) {
                    throw new UnsupportedFeatureException("HEVC range extension coding tools");
                }
            }
        }
        s.derive();
        return s;
    }

    private void derive() {
        ctbSize = 1 << log2CtbSize;
        minCbSize = 1 << log2MinCbSize;
        if (width % minCbSize != 0 || height % minCbSize != 0) {
            throw new MalformedStreamException("picture size is not a multiple of the minimum coding block size");
        }
        picWidthInCtbs = (width + ctbSize - 1) >> log2CtbSize;
        picHeightInCtbs = (height + ctbSize - 1) >> log2CtbSize;
        picSizeInCtbs = picWidthInCtbs * picHeightInCtbs;
    }

    /** Reads profile_tier_level() (7.3.3) without keeping it: Main and Main 10 need nothing from it. */
    static final class ProfileTierLevel {
        private ProfileTierLevel() {
        }

        static void skip(BitReader r, boolean profilePresent, int maxSubLayersMinus1) {
            if (profilePresent) {
                r.skipBits(8 + 32 + 4 + 43 + 1); // profile space/tier/idc, compatibility flags, constraint flags
            }
            r.skipBits(8); // general_level_idc
            boolean[] subProfile = new boolean[8];
            boolean[] subLevel = new boolean[8];
            for (int i = 0; i < maxSubLayersMinus1; i++) {
                subProfile[i] = r.readFlag();
                subLevel[i] = r.readFlag();
            }
            if (maxSubLayersMinus1 > 0) {
                for (int i = maxSubLayersMinus1; i < 8; i++) {
                    r.skipBits(2);
                }
            }
            for (int i = 0; i < maxSubLayersMinus1; i++) {
                if (subProfile[i]) {
                    r.skipBits(88);
                }
                if (subLevel[i]) {
                    r.skipBits(8);
                }
            }
        }
    }
}
