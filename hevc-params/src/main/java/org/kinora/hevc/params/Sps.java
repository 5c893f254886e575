package org.kinora.hevc.params;

import org.kinora.core.BitReader;
import org.kinora.core.ColourDescription;
import org.kinora.core.MalformedStreamException;

/**
 * A sequence parameter set (H.265 7.3.2.2 syntax, 7.4.3.2 semantics) with the values derived from
 * it. {@link #parse} checks the syntax and the semantic ranges only: every chroma format, bit depth
 * and picture size the syntax allows is read, so a demuxer can describe any stream; what a decoder
 * supports is the decoder's own check.
 */
public final class Sps {
    public int id;
    public int vpsId;
    public int maxSubLayers;
    public int chromaFormatIdc;
    public boolean separateColourPlane;
    /** ChromaArrayType (7.4.3.2). */
    public int chromaArrayType;
    public int width;
    public int height;
    /** SubWidthC, SubHeightC (Table 6-1). */
    public int subWidthC = 2;
    public int subHeightC = 2;
    public int confLeft;
    public int confRight;
    public int confTop;
    public int confBottom;
    public int bitDepthY;
    public int bitDepthC;
    public int qpBdOffsetY;
    public int qpBdOffsetC;
    public int log2MaxPocLsb;
    public final int[] maxDecPicBuffering = new int[8];
    public final int[] maxNumReorder = new int[8];
    public final int[] maxLatencyIncrease = new int[8];
    public int log2MinCbSize;
    public int log2CtbSize;
    public int log2MinTbSize;
    public int log2MaxTbSize;
    public int maxTransformHierarchyDepthInter;
    public int maxTransformHierarchyDepthIntra;
    public boolean scalingListEnabled;
    /** The active lists when scaling is enabled and the PPS has none (defaults unless sent). */
    public ScalingList scalingList;
    public boolean ampEnabled;
    public boolean saoEnabled;
    public boolean pcmEnabled;
    public int pcmBitDepthY;
    public int pcmBitDepthC;
    public int log2MinPcmCbSize;
    public int log2MaxPcmCbSize;
    public boolean pcmLoopFilterDisabled;
    public int numShortTermRps;
    public ShortTermRps[] shortTermRps;
    public boolean longTermRefPicsPresent;
    public int numLongTermRefPicsSps;
    public int[] ltRefPicPocLsbSps;
    public boolean[] usedByCurrPicLtSps;
    public boolean temporalMvpEnabled;
    public boolean strongIntraSmoothing;
    public ColourDescription colour = ColourDescription.UNSPECIFIED;
    public int sarNum = 1;
    public int sarDen = 1;
    public int timeScale;
    public int numUnitsInTick;

    // derived (7.4.3.2)
    public int ctbSize;
    public int picWidthInCtbs;
    public int picHeightInCtbs;
    public int picSizeInCtbs;
    public int minCbSize;

    /** sps_range_extension_flag (7.3.2.2). */
    public boolean rangeExtension;
    /** The nine sps_range_extension() flags (7.3.2.2.2) in syntax order, the first in bit 8; 0 when absent. */
    public int rangeExtensionFlags;

    /** An empty SPS, for tests that build one by hand. */
    public Sps() {
    }

    /**
     * Parses the SPS NAL unit {@code nal[offset .. offset + length)} (with its 2-byte header,
     * emulation prevention bytes still in).
     */
    public static Sps parseNal(byte[] nal, int offset, int length) {
        if (length < 3) {
            throw new MalformedStreamException("SPS NAL unit of " + length + " bytes");
        }
        byte[] rbsp = new byte[length - 2];
        int n = Rbsp.unescape(nal, offset + 2, length - 2, rbsp);
        return parse(new BitReader(rbsp, 0, n));
    }

    /** Parses seq_parameter_set_rbsp() (7.3.2.2) from {@code r}, positioned after the NAL unit header. */
    public static Sps parse(BitReader r) {
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
        // Table 6-1
        s.subWidthC = s.chromaArrayType == 1 || s.chromaArrayType == 2 ? 2 : 1;
        s.subHeightC = s.chromaArrayType == 1 ? 2 : 1;
        s.width = r.readUe("pic_width_in_luma_samples", 1, 16888);
        s.height = r.readUe("pic_height_in_luma_samples", 1, 16888);
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
            s.rangeExtension = r.readFlag();
            r.readBits(7); // multilayer, 3d, scc, 4bits: their data is not needed for base-layer decoding
            if (s.rangeExtension) {
                s.rangeExtensionFlags = r.readBits(9); // sps_range_extension() (7.3.2.2.2)
            }
        }
        s.derive();
        return s;
    }

    /** Width of the conformance cropping window (7.4.3.2), the picture size a player shows. */
    public int croppedWidth() {
        return width - subWidthC * (confLeft + confRight);
    }

    /** Height of the conformance cropping window (7.4.3.2). */
    public int croppedHeight() {
        return height - subHeightC * (confTop + confBottom);
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

    /** Reads profile_tier_level() (7.3.3) without keeping it: nothing downstream needs it. */
    public static final class ProfileTierLevel {
        private ProfileTierLevel() {
        }

        public static void skip(BitReader r, boolean profilePresent, int maxSubLayersMinus1) {
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
