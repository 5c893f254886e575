package org.kinora.hevc;

import org.kinora.core.MalformedStreamException;
import org.kinora.hevc.params.Sps;

/**
 * slice_segment_data() (H.265 7.3.8.1), coding_tree_unit() (7.3.8.2) and sao() (7.3.8.3), with
 * the CABAC initialisation, WPP synchronisation and storage rules of 9.3.1 and 9.3.2.
 */
final class SliceDecoder {
    private final CodingTree tree = new CodingTree();
    private final LoopFilter loopFilter;
    /** TableStateIdxWpp: contexts after the second CTB of the row above (9.3.2.4). */
    private final byte[] wppContexts = new byte[CabacTables.COUNT];
    /** TableStateIdxDs: contexts at the end of the previous slice segment. */
    private final byte[] dsContexts = new byte[CabacTables.COUNT];
    private int sliceAddrRs;
    private int sliceQpY;
    private final int[] offsets = new int[4];

    SliceDecoder(LoopFilter loopFilter) {
        this.loopFilter = loopFilter;
    }

    /**
     * Decodes one slice segment's data from {@code rbsp[h.dataOffset .. end)} into {@code f}.
     */
    void decode(Frame f, SliceHeader h, int sliceIdx, byte[] rbsp, int end) {
        Sps sps = f.sps;
        Pps pps = f.pps;
        if (!h.dependentSliceSegment) {
            sliceAddrRs = h.segmentAddress;
            sliceQpY = h.sliceQpY;
            tree.lastQpY = h.sliceQpY;
        }
        tree.startSlice(f, h, sliceAddrRs, rbsp, end);
        Cabac cabac = tree.cabac;
        int initType = h.initType();
        int ts = pps.ctbAddrRsToTs[h.segmentAddress];
        if ((ts > 0 && f.ctbSliceAddr[pps.ctbAddrTsToRs[ts - 1]] < 0) || (ts == 0 && h.dependentSliceSegment)) {
            // slices must arrive in order; a gap means lost data
            throw new MalformedStreamException("slice segment does not continue the previous one");
        }
        if (f.ctbSliceAddr[h.segmentAddress] >= 0) {
            throw new MalformedStreamException("slice segment overlaps an earlier one");
        }
        int w = sps.picWidthInCtbs;
        cabac.start(rbsp, h.dataOffset, end);
        boolean first = true;
        while (true) {
            int rs = pps.ctbAddrTsToRs[ts];
            f.ctbSliceAddr[rs] = sliceAddrRs;
            f.ctbSliceIdx[rs] = sliceIdx;
            tree.setCurrentCtb(rs);
            int xCtb = (rs % w) << sps.log2CtbSize;
            int yCtb = (rs / w) << sps.log2CtbSize;
            boolean tileStart = ts == 0 || pps.tileId[ts] != pps.tileId[ts - 1];
            boolean rowStart = wppRowStart(pps, rs, ts, w);
            if (first || tileStart || rowStart) {
                // 9.3.1: context initialisation at the start of a slice segment, tile or CTB row
                if (tileStart) {
                    cabac.initContexts(initType, sliceQpY);
                } else if (rowStart) {
                    if (tree.availableZscan(xCtb, yCtb, xCtb + sps.ctbSize, yCtb - sps.ctbSize)) {
                        cabac.loadContexts(wppContexts);
                    } else {
                        cabac.initContexts(initType, sliceQpY);
                    }
                } else if (first && h.dependentSliceSegment) {
                    cabac.loadContexts(dsContexts);
                } else {
                    cabac.initContexts(initType, sliceQpY);
                }
                if (tileStart || rowStart) {
                    tree.lastQpY = sliceQpY; // qPY_PREV of the first QG in a tile or (WPP) a CTB row (8.6.1)
                }
            }
            first = false;
            codingTreeUnit(f, h, rs, ts, xCtb, yCtb);
            loopFilter.ctbDecoded(rs);
            if (pps.entropyCodingSync && (rs % w == 1 || (rs > 1 && w > 1 && pps.tileId[ts] != pps.tileId[pps.ctbAddrRsToTs[rs - 2]]))) {
                cabac.saveContexts(wppContexts);
            }
            boolean endOfSlice = cabac.decodeTerminate() != 0;
            ts++;
            if (endOfSlice) {
                break;
            }
            if (ts >= sps.picSizeInCtbs) {
                throw new MalformedStreamException("slice segment runs past the end of the picture");
            }
            int nextRs = pps.ctbAddrTsToRs[ts];
            if ((pps.tilesEnabled && pps.tileId[ts] != pps.tileId[ts - 1]) || wppRowStart(pps, nextRs, ts, w)) {
                if (cabac.decodeTerminate() != 1) {
                    throw new MalformedStreamException("end_of_subset_one_bit is not 1");
                }
                cabac.start(rbsp, cabac.bytePosition(), end);
            }
        }
        if (pps.dependentSliceSegmentsEnabled) {
            cabac.saveContexts(dsContexts);
        }
    }

    /** Forgets state a failed slice segment may have left behind. */
    void reset() {
        tree.reset();
    }

    /** The first CTB of a CTB row within a tile, with entropy_coding_sync_enabled_flag (9.3.1). */
    private static boolean wppRowStart(Pps pps, int rs, int ts, int w) {
        return pps.entropyCodingSync && (rs % w == 0 || pps.tileId[ts] != pps.tileId[pps.ctbAddrRsToTs[rs - 1]]);
    }

    private void codingTreeUnit(Frame f, SliceHeader h, int rs, int ts, int xCtb, int yCtb) {
        if (h.saoLuma || h.saoChroma) {
            sao(f, h, rs, ts);
        }
        tree.codingQuadtree(xCtb, yCtb, f.sps.log2CtbSize, 0);
    }

    /** sao() (7.3.8.3) with the semantics of 7.4.9.3: parameters stored per CTB in the frame. */
    private void sao(Frame f, SliceHeader h, int rs, int ts) {
        Sps sps = f.sps;
        Pps pps = f.pps;
        Cabac c = tree.cabac;
        int w = sps.picWidthInCtbs;
        int rx = rs % w;
        int ry = rs / w;
        if (rx > 0) {
            boolean leftInSlice = rs > sliceAddrRs; // CtbAddrInRs > SliceAddrRs
            boolean leftInTile = pps.tileId[ts] == pps.tileId[pps.ctbAddrRsToTs[rs - 1]];
            if (leftInSlice && leftInTile && c.decodeBin(CabacTables.SAO_MERGE) != 0) {
                copySao(f, rs, rs - 1);
                return;
            }
        }
        if (ry > 0) {
            boolean upInSlice = rs - w >= sliceAddrRs;
            boolean upInTile = pps.tileId[ts] == pps.tileId[pps.ctbAddrRsToTs[rs - w]];
            if (upInSlice && upInTile && c.decodeBin(CabacTables.SAO_MERGE) != 0) {
                copySao(f, rs, rs - w);
                return;
            }
        }
        for (int cIdx = 0; cIdx < 3; cIdx++) {
            int k = rs * 3 + cIdx;
            if (!(cIdx == 0 ? h.saoLuma : h.saoChroma)) {
                f.saoType[k] = 0;
                continue;
            }
            int type;
            if (cIdx == 2) {
                type = f.saoType[k - 1];
            } else if (c.decodeBin(CabacTables.SAO_TYPE) == 0) {
                type = 0;
            } else {
                type = c.decodeBypass() == 0 ? 1 : 2;
            }
            f.saoType[k] = (byte) type;
            if (type == 0) {
                continue;
            }
            int bitDepth = cIdx == 0 ? sps.bitDepthY : sps.bitDepthC;
            int cMax = (1 << (Math.min(bitDepth, 10) - 5)) - 1;
            int[] abs = offsets;
            for (int i = 0; i < 4; i++) {
                int v = 0;
                while (v < cMax && c.decodeBypass() != 0) {
                    v++;
                }
                abs[i] = v;
            }
            if (type == 1) {
                for (int i = 0; i < 4; i++) {
                    if (abs[i] != 0 && c.decodeBypass() != 0) {
                        abs[i] = -abs[i];
                    }
                }
                f.saoClass[k] = (byte) c.decodeBypassBits(5); // sao_band_position
            } else {
                abs[2] = -abs[2];
                abs[3] = -abs[3];
                if (cIdx == 0) {
                    f.saoClass[k] = (byte) c.decodeBypassBits(2);
                } else if (cIdx == 1) {
                    f.saoClass[k] = (byte) c.decodeBypassBits(2);
                } else {
                    f.saoClass[k] = f.saoClass[k - 1];
                }
            }
            int shift = bitDepth - Math.min(bitDepth, 10); // log2OffsetScale is 0 without range extensions
            for (int i = 0; i < 4; i++) {
                f.saoOffset[k * 4 + i] = (short) (abs[i] << shift);
            }
        }
    }

    private static void copySao(Frame f, int dst, int src) {
        for (int c = 0; c < 3; c++) {
            f.saoType[dst * 3 + c] = f.saoType[src * 3 + c];
            f.saoClass[dst * 3 + c] = f.saoClass[src * 3 + c];
            for (int i = 0; i < 4; i++) {
                f.saoOffset[(dst * 3 + c) * 4 + i] = f.saoOffset[(src * 3 + c) * 4 + i];
            }
        }
    }
}
