package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;

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
    boolean temporalMvpEnabled;
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
                    for (int i = 0; i < h.numLongTermSps + h.numLongTermPics; i++) {
                        if (i < h.numLongTermSps) {
                            if (sps.numLongTermRefPicsSps > 1) {
                                r.readBits(32 - Integer.numberOfLeadingZeros(sps.numLongTermRefPicsSps - 1));
                            }
                        } else {
                            r.readBits(sps.log2MaxPocLsb);
                            r.readBit();
                        }
                        if (r.readFlag()) { // delta_poc_msb_present_flag
                            r.readUe();
                        }
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
            if (h.sliceType != I) {
                throw new UnsupportedFeatureException("HEVC " + (h.sliceType == P ? "P" : "B")
                        + " slices (inter prediction) are not supported yet");
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
        temporalMvpEnabled = s.temporalMvpEnabled;
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
