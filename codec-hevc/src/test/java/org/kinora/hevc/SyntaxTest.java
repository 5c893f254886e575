package org.kinora.hevc;

import org.kinora.hevc.params.ScalingList;
import org.kinora.hevc.params.Sps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;

/** Parameter set and slice header syntax the x265 fixtures do not exercise: tiles, entry points, dependent slices. */
class SyntaxTest {
    /** The SPS of a fixture (intra_ctu16: 208x120 luma samples, 16x16 CTBs, so 13x8 CTBs). */
    private static Sps fixtureSps() {
        byte[] s = FixtureSupport.read("intra_ctu16.hevc");
        List<byte[]> nals = new ArrayList<>();
        Nal.split(s, 0, s.length, 0, (d, o, n) -> {
            if (((d[o] >> 1) & 0x3F) == Nal.SPS && nals.isEmpty()) {
                byte[] rbsp = new byte[n];
                int len = Nal.unescape(d, o + 2, n - 2, rbsp);
                nals.add(java.util.Arrays.copyOf(rbsp, len));
            }
        });
        return Sps.parse(new BitReader(nals.get(0)));
    }

    /** A PPS with tiles (and optionally WPP and dependent slice segments). */
    private static byte[] tilePps(int cols, int rows, int[] colWidths, int[] rowHeights, boolean wpp) {
        BitWriter w = new BitWriter();
        w.ue(0).ue(0); // pps id, sps id
        w.flag(true); // dependent_slice_segments_enabled_flag
        w.flag(false).u(3, 0).flag(true).flag(false); // output_flag_present, extra bits, sign hiding, cabac_init_present
        w.ue(0).ue(0).se(0); // num_ref_idx defaults, init_qp_minus26
        w.flag(false).flag(false).flag(true).ue(1); // constrained intra, transform skip, cu_qp_delta (depth 1)
        w.se(2).se(-3).flag(false).flag(false).flag(false).flag(false); // cb/cr offsets, slice offsets, weighted, bypass
        w.flag(true).flag(wpp); // tiles_enabled_flag, entropy_coding_sync_enabled_flag
        w.ue(cols - 1).ue(rows - 1).flag(colWidths == null);
        if (colWidths != null) {
            for (int c : colWidths) {
                w.ue(c - 1);
            }
            for (int r : rowHeights) {
                w.ue(r - 1);
            }
        }
        w.flag(false); // loop_filter_across_tiles_enabled_flag
        w.flag(true); // pps_loop_filter_across_slices_enabled_flag
        w.flag(true).flag(true).flag(false).se(-2).se(3); // deblocking control: override enabled, not disabled, offsets
        w.flag(false).flag(false).ue(0).flag(false).flag(false); // scaling list, lists mod, merge level, ext header, ext
        return w.trailing();
    }

    @Test
    void uniformTilesGiveTheScanOrderOf6_5_1() {
        Sps sps = fixtureSps();
        assertEquals(13, sps.picWidthInCtbs);
        assertEquals(8, sps.picHeightInCtbs);
        Pps pps = Pps.parse(new BitReader(tilePps(3, 2, null, null, false)));
        assertEquals(2, pps.cbQpOffset);
        assertEquals(-3, pps.crQpOffset);
        assertEquals(-2, pps.betaOffsetDiv2);
        assertEquals(3, pps.tcOffsetDiv2);
        assertFalse(pps.loopFilterAcrossTiles);
        pps.bind(sps);
        assertArrayEquals(new int[] {0, 4, 8, 13}, pps.colBd);
        assertArrayEquals(new int[] {0, 4, 8}, pps.rowBd);
        // the first tile (4x4 CTBs) is scanned first, row by row
        assertEquals(0, pps.ctbAddrRsToTs[0]);
        assertEquals(3, pps.ctbAddrRsToTs[3]);
        assertEquals(4, pps.ctbAddrRsToTs[13]);
        assertEquals(16, pps.ctbAddrRsToTs[4]); // first CTB of the second tile
        assertEquals(32, pps.ctbAddrRsToTs[8]); // third tile, 5 CTBs wide
        assertEquals(52, pps.ctbAddrRsToTs[4 * 13]); // second tile row
        for (int rs = 0; rs < sps.picSizeInCtbs; rs++) {
            assertEquals(rs, pps.ctbAddrTsToRs[pps.ctbAddrRsToTs[rs]]);
        }
        assertEquals(0, pps.tileId[0]);
        assertEquals(1, pps.tileId[16]);
        assertEquals(2, pps.tileId[32]);
        assertEquals(3, pps.tileId[52]);
        assertEquals(5, pps.tileId[sps.picSizeInCtbs - 1]);
    }

    @Test
    void explicitTileSizesAreChecked() {
        Sps sps = fixtureSps();
        Pps pps = Pps.parse(new BitReader(tilePps(2, 2, new int[] {3}, new int[] {5}, true)));
        pps.bind(sps);
        assertArrayEquals(new int[] {0, 3, 13}, pps.colBd);
        assertArrayEquals(new int[] {0, 5, 8}, pps.rowBd);
        assertTrue(pps.entropyCodingSync);
        Pps tooWide = Pps.parse(new BitReader(tilePps(2, 2, new int[] {13}, new int[] {5}, false)));
        assertThrows(MalformedStreamException.class, () -> tooWide.bind(sps));
        Pps tooMany = Pps.parse(new BitReader(tilePps(14, 1, null, null, false)));
        assertThrows(MalformedStreamException.class, () -> tooMany.bind(sps));
    }

    @Test
    void sliceHeadersWithEntryPointsAndDependentSegments() {
        Sps sps = fixtureSps();
        sps.saoEnabled = true; // the fixture has SAO off; its slice headers would lack the SAO flags
        Pps[] ppsList = new Pps[64];
        Sps[] spsList = new Sps[16];
        spsList[0] = sps;
        ppsList[0] = Pps.parse(new BitReader(tilePps(3, 2, null, null, true)));
        // first slice segment of an IDR picture, 2 entry points of 9 bits
        BitWriter w = new BitWriter();
        w.flag(true).flag(false).ue(0); // first_slice_segment_in_pic_flag, no_output_of_prior_pics_flag, pps id
        w.ue(2); // slice_type I
        w.flag(true).flag(false); // slice_sao_luma_flag, slice_sao_chroma_flag
        w.se(-4); // slice_qp_delta
        w.flag(true).flag(false).se(1).se(-1); // deblocking override: not disabled, beta/tc offsets
        w.flag(false); // slice_loop_filter_across_slices_enabled_flag
        w.ue(2).ue(8).u(9, 299).u(9, 0); // num_entry_point_offsets, offset_len_minus1, offsets minus 1
        byte[] rbsp = w.alignedWith((byte) 0x55);
        SliceHeader h = SliceHeader.parse(new BitReader(rbsp), Nal.IDR_W_RADL, 0, ppsList, spsList, null);
        assertTrue(h.firstSliceSegmentInPic);
        assertEquals(SliceHeader.I, h.sliceType);
        assertEquals(22, h.sliceQpY);
        assertTrue(h.saoLuma);
        assertFalse(h.saoChroma);
        assertEquals(1, h.betaOffsetDiv2);
        assertEquals(-1, h.tcOffsetDiv2);
        assertFalse(h.loopFilterAcrossSlices);
        assertArrayEquals(new int[] {300, 1}, h.entryPointOffset);
        assertEquals(rbsp.length - 1, h.dataOffset);

        // a dependent slice segment at CTB 40 takes the slice fields of the previous one
        BitWriter d = new BitWriter();
        d.flag(false).flag(false).ue(0); // not first, no_output_of_prior_pics_flag, pps id
        d.flag(true).u(7, 40); // dependent_slice_segment_flag, slice_segment_address (7 bits for 104 CTBs)
        d.ue(0); // num_entry_point_offsets
        byte[] rbsp2 = d.alignedWith((byte) 0x11);
        SliceHeader dep = SliceHeader.parse(new BitReader(rbsp2), Nal.IDR_W_RADL, 0, ppsList, spsList, h);
        assertTrue(dep.dependentSliceSegment);
        assertEquals(40, dep.segmentAddress);
        assertEquals(22, dep.sliceQpY);
        assertTrue(dep.saoLuma);
        assertEquals(1, dep.betaOffsetDiv2);
        assertEquals(0, dep.numEntryPoints);

        // a dependent segment with no slice before it, and an address outside the picture, are errors
        assertThrows(MalformedStreamException.class,
                () -> SliceHeader.parse(new BitReader(rbsp2), Nal.IDR_W_RADL, 0, ppsList, spsList, null));
        BitWriter bad = new BitWriter();
        bad.flag(false).flag(false).ue(0).flag(false).u(7, 104);
        byte[] rbsp3 = bad.alignedWith();
        assertThrows(MalformedStreamException.class,
                () -> SliceHeader.parse(new BitReader(rbsp3), Nal.IDR_W_RADL, 0, ppsList, spsList, h));
    }

    @Test
    void scalingListsPredictAndDefault() {
        BitWriter w = new BitWriter();
        // sizeId 0: matrix 0 explicit (all deltas 0 after the first: 8 + 8 = 16 ... ), others copy / default
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int m = 0; m < 6; m += sizeId == 3 ? 3 : 1) {
                if (sizeId == 1 && m == 0) {
                    w.flag(true); // explicit 8x8: first coefficient 8 + 4 = 12, then +1 each
                    w.se(4);
                    for (int i = 1; i < 64; i++) {
                        w.se(1);
                    }
                } else if (sizeId == 1 && m == 1) {
                    w.flag(false).ue(1); // copy of matrix 0
                } else {
                    w.flag(false).ue(0); // default
                }
            }
        }
        ScalingList s = ScalingList.parse(new BitReader(w.trailing()));
        int[] f8 = s.factor[1][0];
        assertEquals(12, f8[0]);
        assertEquals(13, f8[1 * 8 + 0]); // scan position 1 of the diagonal scan is (0, 1)
        assertEquals(14, f8[0 * 8 + 1]);
        assertArrayEquals(f8, s.factor[1][1]);
        assertEquals(16, s.factor[0][0][5]);
        assertEquals(115, s.factor[1][2][63]); // default intra matrix
        assertEquals(91, s.factor[1][4][63]); // default inter matrix
        assertEquals(16, s.factor[3][0][0]); // DC of a default 32x32 list
        assertEquals(115, s.factor[3][0][32 * 32 - 1]);
    }
}
