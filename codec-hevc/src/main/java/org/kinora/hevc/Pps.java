package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.hevc.params.ScalingList;
import org.kinora.hevc.params.Sps;

/**
 * A picture parameter set (H.265 7.3.2.3 syntax, 7.4.3.3 semantics). The tile layout tables of
 * 6.5.1 depend on the SPS too; {@link #bind} computes them for the SPS a picture activates.
 */
final class Pps {
    int id;
    int spsId;
    boolean dependentSliceSegmentsEnabled;
    boolean outputFlagPresent;
    int numExtraSliceHeaderBits;
    boolean signDataHiding;
    boolean cabacInitPresent;
    int numRefIdxL0DefaultActive;
    int numRefIdxL1DefaultActive;
    int initQp;
    boolean constrainedIntraPred;
    boolean transformSkipEnabled;
    boolean cuQpDeltaEnabled;
    int diffCuQpDeltaDepth;
    int cbQpOffset;
    int crQpOffset;
    boolean sliceChromaQpOffsetsPresent;
    boolean weightedPred;
    boolean weightedBipred;
    boolean transquantBypassEnabled;
    boolean tilesEnabled;
    boolean entropyCodingSync;
    int numTileColumns = 1;
    int numTileRows = 1;
    boolean uniformSpacing = true;
    int[] columnWidthMinus1;
    int[] rowHeightMinus1;
    boolean loopFilterAcrossTiles = true;
    boolean loopFilterAcrossSlices;
    boolean deblockingFilterControlPresent;
    boolean deblockingFilterOverrideEnabled;
    boolean deblockingFilterDisabled;
    int betaOffsetDiv2;
    int tcOffsetDiv2;
    ScalingList scalingList;
    boolean listsModificationPresent;
    int log2ParallelMergeLevel;
    boolean sliceHeaderExtensionPresent;

    // 6.5.1, filled by bind()
    private Sps boundSps;
    int[] colBd;
    int[] rowBd;
    int[] ctbAddrRsToTs;
    int[] ctbAddrTsToRs;
    int[] tileId;
    /** Per CTB (raster address): column and row of its tile. */
    int[] ctbTileCol;
    int[] ctbTileRow;

    static Pps parse(BitReader r) {
        Pps p = new Pps();
        p.id = r.readUe("pps_pic_parameter_set_id", 0, 63);
        p.spsId = r.readUe("pps_seq_parameter_set_id", 0, 15);
        p.dependentSliceSegmentsEnabled = r.readFlag();
        p.outputFlagPresent = r.readFlag();
        p.numExtraSliceHeaderBits = r.readBits(3);
        p.signDataHiding = r.readFlag();
        p.cabacInitPresent = r.readFlag();
        p.numRefIdxL0DefaultActive = r.readUe("num_ref_idx_l0_default_active_minus1", 0, 14) + 1;
        p.numRefIdxL1DefaultActive = r.readUe("num_ref_idx_l1_default_active_minus1", 0, 14) + 1;
        // range of init_qp_minus26 depends on the SPS bit depth: checked again when bound
        p.initQp = 26 + r.readSe("init_qp_minus26", -26 - 48, 25);
        p.constrainedIntraPred = r.readFlag();
        p.transformSkipEnabled = r.readFlag();
        p.cuQpDeltaEnabled = r.readFlag();
        if (p.cuQpDeltaEnabled) {
            p.diffCuQpDeltaDepth = r.readUe("diff_cu_qp_delta_depth", 0, 3);
        }
        p.cbQpOffset = r.readSe("pps_cb_qp_offset", -12, 12);
        p.crQpOffset = r.readSe("pps_cr_qp_offset", -12, 12);
        p.sliceChromaQpOffsetsPresent = r.readFlag();
        p.weightedPred = r.readFlag();
        p.weightedBipred = r.readFlag();
        p.transquantBypassEnabled = r.readFlag();
        p.tilesEnabled = r.readFlag();
        p.entropyCodingSync = r.readFlag();
        if (p.tilesEnabled) {
            p.numTileColumns = r.readUe("num_tile_columns_minus1", 0, 19) + 1;
            p.numTileRows = r.readUe("num_tile_rows_minus1", 0, 21) + 1;
            p.uniformSpacing = r.readFlag();
            if (!p.uniformSpacing) {
                p.columnWidthMinus1 = new int[p.numTileColumns - 1];
                p.rowHeightMinus1 = new int[p.numTileRows - 1];
                for (int i = 0; i < p.numTileColumns - 1; i++) {
                    p.columnWidthMinus1[i] = r.readUe("column_width_minus1", 0, 1088);
                }
                for (int i = 0; i < p.numTileRows - 1; i++) {
                    p.rowHeightMinus1[i] = r.readUe("row_height_minus1", 0, 1088);
                }
            }
            p.loopFilterAcrossTiles = r.readFlag();
        }
        p.loopFilterAcrossSlices = r.readFlag();
        p.deblockingFilterControlPresent = r.readFlag();
        if (p.deblockingFilterControlPresent) {
            p.deblockingFilterOverrideEnabled = r.readFlag();
            p.deblockingFilterDisabled = r.readFlag();
            if (!p.deblockingFilterDisabled) {
                p.betaOffsetDiv2 = r.readSe("pps_beta_offset_div2", -6, 6);
                p.tcOffsetDiv2 = r.readSe("pps_tc_offset_div2", -6, 6);
            }
        }
        if (r.readFlag()) {
            p.scalingList = ScalingList.parse(r);
        }
        p.listsModificationPresent = r.readFlag();
        p.log2ParallelMergeLevel = r.readUe("log2_parallel_merge_level_minus2", 0, 4) + 2;
        p.sliceHeaderExtensionPresent = r.readFlag();
        if (r.readFlag()) { // pps_extension_present_flag
            boolean rangeExtension = r.readFlag();
            r.readBits(7);
            if (rangeExtension) {
                throw new UnsupportedFeatureException("HEVC range extension PPS");
            }
        }
        return p;
    }

    /** Checks this PPS against {@code sps} and computes the tile scanning tables (6.5.1). */
    void bind(Sps sps) {
        if (boundSps == sps) {
            return;
        }
        if (initQp < -sps.qpBdOffsetY || initQp > 51) {
            throw new MalformedStreamException("init_qp_minus26 out of range");
        }
        if (log2ParallelMergeLevel > sps.log2CtbSize || diffCuQpDeltaDepth > sps.log2CtbSize - sps.log2MinCbSize) {
            throw new MalformedStreamException("PPS does not fit the SPS");
        }
        int w = sps.picWidthInCtbs;
        int h = sps.picHeightInCtbs;
        if (numTileColumns > w || numTileRows > h) {
            throw new MalformedStreamException("more tiles than coding tree blocks");
        }
        int[] colWidth = new int[numTileColumns];
        int[] rowHeight = new int[numTileRows];
        if (uniformSpacing) {
            for (int i = 0; i < numTileColumns; i++) {
                colWidth[i] = ((i + 1) * w) / numTileColumns - (i * w) / numTileColumns;
            }
            for (int j = 0; j < numTileRows; j++) {
                rowHeight[j] = ((j + 1) * h) / numTileRows - (j * h) / numTileRows;
            }
        } else {
            int left = w;
            for (int i = 0; i < numTileColumns - 1; i++) {
                colWidth[i] = columnWidthMinus1[i] + 1;
                left -= colWidth[i];
            }
            int leftRows = h;
            for (int j = 0; j < numTileRows - 1; j++) {
                rowHeight[j] = rowHeightMinus1[j] + 1;
                leftRows -= rowHeight[j];
            }
            if (left <= 0 || leftRows <= 0) {
                throw new MalformedStreamException("tile sizes exceed the picture");
            }
            colWidth[numTileColumns - 1] = left;
            rowHeight[numTileRows - 1] = leftRows;
        }
        colBd = new int[numTileColumns + 1];
        rowBd = new int[numTileRows + 1];
        for (int i = 0; i < numTileColumns; i++) {
            colBd[i + 1] = colBd[i] + colWidth[i];
        }
        for (int j = 0; j < numTileRows; j++) {
            rowBd[j + 1] = rowBd[j] + rowHeight[j];
        }
        int n = sps.picSizeInCtbs;
        ctbAddrRsToTs = new int[n];
        ctbAddrTsToRs = new int[n];
        tileId = new int[n];
        ctbTileCol = new int[n];
        ctbTileRow = new int[n];
        for (int rs = 0; rs < n; rs++) {
            int tbX = rs % w;
            int tbY = rs / w;
            int tileX = 0;
            int tileY = 0;
            for (int i = 0; i < numTileColumns; i++) {
                if (tbX >= colBd[i]) {
                    tileX = i;
                }
            }
            for (int j = 0; j < numTileRows; j++) {
                if (tbY >= rowBd[j]) {
                    tileY = j;
                }
            }
            int v = 0;
            for (int i = 0; i < tileX; i++) {
                v += rowHeight[tileY] * colWidth[i];
            }
            for (int j = 0; j < tileY; j++) {
                v += w * rowHeight[j];
            }
            v += (tbY - rowBd[tileY]) * colWidth[tileX] + tbX - colBd[tileX];
            ctbAddrRsToTs[rs] = v;
            ctbAddrTsToRs[v] = rs;
            ctbTileCol[rs] = tileX;
            ctbTileRow[rs] = tileY;
        }
        for (int rs = 0; rs < n; rs++) {
            tileId[ctbAddrRsToTs[rs]] = ctbTileRow[rs] * numTileColumns + ctbTileCol[rs];
        }
        boundSps = sps;
    }
}
