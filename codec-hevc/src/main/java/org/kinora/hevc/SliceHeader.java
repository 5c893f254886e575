package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.hevc.params.ShortTermRps;
import org.kinora.hevc.params.Sps;

/** slice_segment_header() (H.265 7.3.6.1 syntax, 7.4.7.1 semantics). */
final class SliceHeader {
    static final int B = 0;
    static final int P = 1;
    static final int I = 2;

    int nalType;
    int temporalId;
    boolean firstSliceSegmentInPic;
    boolean noOutputOfPriorPics;
    int ppsId;
    boolean dependentSliceSegment;
    int segmentAddress;
    int sliceType;
    boolean picOutput = true;
    int colourPlaneId;
    int pocLsb;
    boolean shortTermRpsSpsFlag;
    ShortTermRps shortTermRps;
    int shortTermRpsBits;
    int numLongTermSps;
    int numLongTermPics;
    /** PocLsbLt, UsedByCurrPicLt, delta_poc_msb_present_flag and DeltaPocMsbCycleLt (7.4.7.1) per long-term entry. */
    int[] pocLsbLt = new int[0];
    boolean[] usedByCurrPicLt = new boolean[0];
    boolean[] deltaPocMsbPresent = new boolean[0];
    int[] deltaPocMsbCycleLt = new int[0];
    /** NumPicTotalCurr (7-55). */
    int numPicTotalCurr;
    boolean temporalMvpEnabled;
    // inter prediction fields (7.3.6.1)
    int numRefIdxL0Active;
    int numRefIdxL1Active;
    /** list_entry_lX, or null without ref_pic_list_modification_flag_lX. */
    int[] listEntryL0;
    int[] listEntryL1;
    boolean mvdL1Zero;
    boolean cabacInit;
    boolean collocatedFromL0 = true;
    int collocatedRefIdx;
    /** pred_weight_table(), or null when weighted prediction is off for this slice. */
    PredWeightTable weights;
    int maxNumMergeCand;
    // reference picture lists (8.3.4), filled when the slice is decoded
    final Frame[][] refPicList = new Frame[2][16];
    /** PicOrderCntVal and long-term marking of each entry, kept for collocated reads of later pictures. */
    final int[][] refPoc = new int[2][16];
    final boolean[][] refIsLongTerm = new boolean[2][16];
    /** NoBackwardPredFlag (8.5.3.2.9): no reference picture follows the current one in output order. */
    boolean noBackwardPred;
    boolean saoLuma;
    boolean saoChroma;
    int sliceQpDelta;
    int sliceQpY;
    int cbQpOffset;
    int crQpOffset;
    boolean deblockingFilterDisabled;
    int betaOffsetDiv2;
    int tcOffsetDiv2;
    boolean loopFilterAcrossSlices;
    int numEntryPoints;
    int[] entryPointOffset = new int[0];
    /** Byte offset in the RBSP where slice_segment_data() starts. */
    int dataOffset;

    /**
     * Parses a slice segment header. {@code prev} is the previous slice segment header of the
     * same picture: a dependent slice segment takes its slice fields from it.
     */
    static SliceHeader parse(BitReader r, int nalType, int temporalId, Pps[] ppsList, Sps[] spsList, SliceHeader prev) {
        SliceHeader h = new SliceHeader();
        h.nalType = nalType;
        h.temporalId = temporalId;
        h.firstSliceSegmentInPic = r.readFlag();
        if (Nal.isIrap(nalType)) {
            h.noOutputOfPriorPics = r.readFlag();
        }
        h.ppsId = r.readUe("slice_pic_parameter_set_id", 0, 63);
        Pps pps = ppsList[h.ppsId];
        if (pps == null) {
            throw new MalformedStreamException("slice refers to missing PPS " + h.ppsId);
        }
        Sps sps = spsList[pps.spsId];
        if (sps == null) {
            throw new MalformedStreamException("PPS refers to missing SPS " + pps.spsId);
        }
        pps.bind(sps);
        if (!h.firstSliceSegmentInPic) {
            if (pps.dependentSliceSegmentsEnabled) {
                h.dependentSliceSegment = r.readFlag();
            }
            int bits = 32 - Integer.numberOfLeadingZeros(sps.picSizeInCtbs - 1);
            h.segmentAddress = r.readBits(bits);
            if (h.segmentAddress >= sps.picSizeInCtbs) {
                throw new MalformedStreamException("slice_segment_address " + h.segmentAddress + " outside the picture");
            }
        }
        if (h.dependentSliceSegment) {
            if (prev == null) {
                throw new MalformedStreamException("dependent slice segment without a preceding slice");
            }
            h.copySliceFields(prev);
        } else {
            r.skipBits(pps.numExtraSliceHeaderBits);
            h.sliceType = r.readUe("slice_type", 0, 2);
            if (pps.outputFlagPresent) {
                h.picOutput = r.readFlag();
            }
            if (sps.separateColourPlane) {
                h.colourPlaneId = r.readBits(2);
            }
            if (!Nal.isIdr(nalType)) {
                h.pocLsb = r.readBits(sps.log2MaxPocLsb);
                h.shortTermRpsSpsFlag = r.readFlag();
                if (!h.shortTermRpsSpsFlag) {
                    int start = r.position();
                    h.shortTermRps = ShortTermRps.parse(r, sps.shortTermRps, sps.numShortTermRps, sps.numShortTermRps,
                            sps.maxDecPicBuffering[sps.maxSubLayers - 1]);
                    h.shortTermRpsBits = r.position() - start;
                } else {
                    if (sps.numShortTermRps == 0) {
                        throw new MalformedStreamException("short_term_ref_pic_set_sps_flag without sets in the SPS");
                    }
                    int idx = 0;
                    if (sps.numShortTermRps > 1) {
                        idx = r.readBits(32 - Integer.numberOfLeadingZeros(sps.numShortTermRps - 1));
                        MalformedStreamException.checkRange("short_term_ref_pic_set_idx", idx, 0, sps.numShortTermRps - 1);
                    }
                    h.shortTermRps = sps.shortTermRps[idx];
                }
                if (sps.longTermRefPicsPresent) {
                    if (sps.numLongTermRefPicsSps > 0) {
                        h.numLongTermSps = r.readUe("num_long_term_sps", 0, sps.numLongTermRefPicsSps);
                    }
                    h.numLongTermPics = r.readUe("num_long_term_pics", 0, 32 - h.numLongTermSps);
                    int n = h.numLongTermSps + h.numLongTermPics;
                    h.pocLsbLt = new int[n];
                    h.usedByCurrPicLt = new boolean[n];
                    h.deltaPocMsbPresent = new boolean[n];
                    h.deltaPocMsbCycleLt = new int[n];
                    for (int i = 0; i < n; i++) {
                        if (i < h.numLongTermSps) {
                            int idx = 0;
                            if (sps.numLongTermRefPicsSps > 1) {
                                idx = r.readBits(32 - Integer.numberOfLeadingZeros(sps.numLongTermRefPicsSps - 1));
                                MalformedStreamException.checkRange("lt_idx_sps", idx, 0, sps.numLongTermRefPicsSps - 1);
                            }
                            h.pocLsbLt[i] = sps.ltRefPicPocLsbSps[idx];
                            h.usedByCurrPicLt[i] = sps.usedByCurrPicLtSps[idx];
                        } else {
                            h.pocLsbLt[i] = r.readBits(sps.log2MaxPocLsb);
                            h.usedByCurrPicLt[i] = r.readFlag();
                        }
                        h.deltaPocMsbPresent[i] = r.readFlag();
                        int cycle = h.deltaPocMsbPresent[i] ? r.readUe("delta_poc_msb_cycle_lt", 0, 1 << 24) : 0;
                        // 7-52: the cycles accumulate within each of the two groups
                        h.deltaPocMsbCycleLt[i] = (i == 0 || i == h.numLongTermSps) ? cycle : cycle + h.deltaPocMsbCycleLt[i - 1];
                    }
                }
                if (sps.temporalMvpEnabled) {
                    h.temporalMvpEnabled = r.readFlag();
                }
            }
            if (sps.saoEnabled) {
                h.saoLuma = r.readFlag();
                if (sps.chromaArrayType != 0) {
                    h.saoChroma = r.readFlag();
                }
            }
            if (h.shortTermRps != null) {
                ShortTermRps st = h.shortTermRps;
                for (int i = 0; i < st.numDeltaPocs(); i++) {
                    if (st.used[i]) {
                        h.numPicTotalCurr++;
                    }
                }
            }
            for (boolean u : h.usedByCurrPicLt) {
                if (u) {
                    h.numPicTotalCurr++;
                }
            }
            if (h.sliceType != I) {
                h.interFields(r, pps, sps);
            }
            h.sliceQpDelta = r.readSe();
            h.sliceQpY = pps.initQp + h.sliceQpDelta;
            MalformedStreamException.checkRange("SliceQpY", h.sliceQpY, -sps.qpBdOffsetY, 51);
            if (pps.sliceChromaQpOffsetsPresent) {
                h.cbQpOffset = r.readSe("slice_cb_qp_offset", -12, 12);
                h.crQpOffset = r.readSe("slice_cr_qp_offset", -12, 12);
                MalformedStreamException.checkRange("pps_cb_qp_offset + slice_cb_qp_offset", pps.cbQpOffset + h.cbQpOffset, -12, 12);
                MalformedStreamException.checkRange("pps_cr_qp_offset + slice_cr_qp_offset", pps.crQpOffset + h.crQpOffset, -12, 12);
            }
            boolean override = pps.deblockingFilterOverrideEnabled && r.readFlag();
            if (override) {
                h.deblockingFilterDisabled = r.readFlag();
                if (!h.deblockingFilterDisabled) {
                    h.betaOffsetDiv2 = r.readSe("slice_beta_offset_div2", -6, 6);
                    h.tcOffsetDiv2 = r.readSe("slice_tc_offset_div2", -6, 6);
                }
            } else {
                h.deblockingFilterDisabled = pps.deblockingFilterDisabled;
                h.betaOffsetDiv2 = pps.betaOffsetDiv2;
                h.tcOffsetDiv2 = pps.tcOffsetDiv2;
            }
            if (pps.loopFilterAcrossSlices && (h.saoLuma || h.saoChroma || !h.deblockingFilterDisabled)) {
                h.loopFilterAcrossSlices = r.readFlag();
            } else {
                h.loopFilterAcrossSlices = pps.loopFilterAcrossSlices;
            }
        }
        if (pps.tilesEnabled || pps.entropyCodingSync) {
            int max = pps.tilesEnabled && pps.entropyCodingSync ? sps.picSizeInCtbs - 1
                    : pps.tilesEnabled ? pps.numTileColumns * pps.numTileRows - 1 : sps.picHeightInCtbs - 1;
            h.numEntryPoints = r.readUe("num_entry_point_offsets", 0, max);
            if (h.numEntryPoints > 0) {
                int bits = r.readUe("offset_len_minus1", 0, 31) + 1;
                h.entryPointOffset = new int[h.numEntryPoints];
                for (int i = 0; i < h.numEntryPoints; i++) {
                    int v = r.readBits(bits) + 1;
                    if (v <= 0) {
                        throw new MalformedStreamException("entry_point_offset_minus1 too large");
                    }
                    h.entryPointOffset[i] = v;
                }
            }
        }
        if (pps.sliceHeaderExtensionPresent) {
            int n = r.readUe("slice_segment_header_extension_length", 0, 256);
            r.skipBits(8 * n);
        }
        // byte_alignment(): alignment_bit_equal_to_one then zero bits
        if (r.readBit() != 1) {
            throw new MalformedStreamException("slice header byte_alignment() does not start with a 1 bit");
        }
        r.byteAlign();
        h.dataOffset = r.position() >> 3;
        return h;
    }

    /** The P and B slice fields between slice_sao_chroma_flag and slice_qp_delta (7.3.6.1). */
    private void interFields(BitReader r, Pps pps, Sps sps) {
        if (numPicTotalCurr == 0) {
            throw new MalformedStreamException("P or B slice without reference pictures");
        }
        boolean b = sliceType == B;
        numRefIdxL0Active = pps.numRefIdxL0DefaultActive;
        numRefIdxL1Active = b ? pps.numRefIdxL1DefaultActive : 0;
        if (r.readFlag()) { // num_ref_idx_active_override_flag
            numRefIdxL0Active = r.readUe("num_ref_idx_l0_active_minus1", 0, 14) + 1;
            if (b) {
                numRefIdxL1Active = r.readUe("num_ref_idx_l1_active_minus1", 0, 14) + 1;
            }
        }
        if (pps.listsModificationPresent && numPicTotalCurr > 1) {
            // ref_pic_lists_modification() (7.3.6.2)
            int bits = 32 - Integer.numberOfLeadingZeros(numPicTotalCurr - 1);
            if (r.readFlag()) {
                listEntryL0 = new int[numRefIdxL0Active];
                for (int i = 0; i < numRefIdxL0Active; i++) {
                    listEntryL0[i] = r.readBits(bits);
                    MalformedStreamException.checkRange("list_entry_l0", listEntryL0[i], 0, numPicTotalCurr - 1);
                }
            }
            if (b && r.readFlag()) {
                listEntryL1 = new int[numRefIdxL1Active];
                for (int i = 0; i < numRefIdxL1Active; i++) {
                    listEntryL1[i] = r.readBits(bits);
                    MalformedStreamException.checkRange("list_entry_l1", listEntryL1[i], 0, numPicTotalCurr - 1);
                }
            }
        }
        if (b) {
            mvdL1Zero = r.readFlag();
        }
        if (pps.cabacInitPresent) {
            cabacInit = r.readFlag();
        }
        if (temporalMvpEnabled) {
            if (b) {
                collocatedFromL0 = r.readFlag();
            }
            int n = collocatedFromL0 ? numRefIdxL0Active : numRefIdxL1Active;
            if (n > 1) {
                collocatedRefIdx = r.readUe("collocated_ref_idx", 0, n - 1);
            }
        }
        if ((pps.weightedPred && sliceType == P) || (pps.weightedBipred && b)) {
            weights = PredWeightTable.parse(r, this, sps);
            if (weights.isIdentity(numRefIdxL0Active, b ? numRefIdxL1Active : 0)) {
                weights = null; // the default weighting, whose paths are faster, gives the same samples
            }
        }
        maxNumMergeCand = 5 - r.readUe("five_minus_max_num_merge_cand", 0, 4);
    }

    /** initType of the CABAC contexts (9.3.2.2, equation 9-7). */
    int initType() {
        if (sliceType == I) {
            return 0;
        }
        if (sliceType == P) {
            return cabacInit ? 2 : 1;
        }
        return cabacInit ? 1 : 2;
    }

    private void copySliceFields(SliceHeader s) {
        sliceType = s.sliceType;
        picOutput = s.picOutput;
        colourPlaneId = s.colourPlaneId;
        pocLsb = s.pocLsb;
        shortTermRpsSpsFlag = s.shortTermRpsSpsFlag;
        shortTermRps = s.shortTermRps;
        shortTermRpsBits = s.shortTermRpsBits;
        numLongTermSps = s.numLongTermSps;
        numLongTermPics = s.numLongTermPics;
        pocLsbLt = s.pocLsbLt;
        usedByCurrPicLt = s.usedByCurrPicLt;
        deltaPocMsbPresent = s.deltaPocMsbPresent;
        deltaPocMsbCycleLt = s.deltaPocMsbCycleLt;
        numPicTotalCurr = s.numPicTotalCurr;
        temporalMvpEnabled = s.temporalMvpEnabled;
        numRefIdxL0Active = s.numRefIdxL0Active;
        numRefIdxL1Active = s.numRefIdxL1Active;
        listEntryL0 = s.listEntryL0;
        listEntryL1 = s.listEntryL1;
        mvdL1Zero = s.mvdL1Zero;
        cabacInit = s.cabacInit;
        collocatedFromL0 = s.collocatedFromL0;
        collocatedRefIdx = s.collocatedRefIdx;
        weights = s.weights;
        maxNumMergeCand = s.maxNumMergeCand;
        saoLuma = s.saoLuma;
        saoChroma = s.saoChroma;
        sliceQpDelta = s.sliceQpDelta;
        sliceQpY = s.sliceQpY;
        cbQpOffset = s.cbQpOffset;
        crQpOffset = s.crQpOffset;
        deblockingFilterDisabled = s.deblockingFilterDisabled;
        betaOffsetDiv2 = s.betaOffsetDiv2;
        tcOffsetDiv2 = s.tcOffsetDiv2;
        loopFilterAcrossSlices = s.loopFilterAcrossSlices;
    }
}
