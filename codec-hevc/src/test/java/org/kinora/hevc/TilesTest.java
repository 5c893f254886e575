package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;

/**
 * Tiles, which x265 never writes: a 64x32 picture of 16x16 CTBs in 2x2 tiles (column widths 1 and
 * 3 CTBs) is built with a CABAC encoder. Its 8x8 coding units are PCM blocks or intra blocks
 * predicted from their neighbours without residual, so availability across tile boundaries,
 * the tile scan, the substreams and deblocking at tile edges all show in the picture. The
 * expected MD5s are those libde265 (Debian's libde265-dec265) and FFmpeg 5.1 both give for the same bytes.
 */
class TilesTest {
    private static final int W = 64;
    private static final int H = 32;

    private static byte[] sps() {
        BitWriter w = new BitWriter();
        w.u(4, 0).u(3, 0).u(1, 1);
        w.u(2, 0).u(1, 0).u(5, 1).u(32, 0x60000000).u(4, 0b1001).u(32, 0).u(11, 0).u(1, 0).u(8, 30);
        w.ue(0).ue(1).ue(W).ue(H).flag(false);
        w.ue(0).ue(0).ue(0);
        w.flag(true).ue(0).ue(0).ue(0);
        w.ue(0).ue(1).ue(0).ue(2).ue(0).ue(0); // CB 8..16, TB 4..16
        w.flag(false).flag(false).flag(false);
        w.flag(true).u(4, 7).u(4, 7).ue(0).ue(0).flag(false); // PCM 8x8, loop filter applies to PCM
        w.ue(0).flag(false).flag(false).flag(true).flag(false).flag(false); // strong smoothing on
        return PcmTest.nal(Nal.SPS, w.trailing());
    }

    private static byte[] pps(boolean acrossTiles) {
        BitWriter w = new BitWriter();
        w.ue(0).ue(0).flag(false).flag(false).u(3, 0).flag(false).flag(false).ue(0).ue(0).se(0);
        w.flag(false).flag(false).flag(false).se(0).se(0).flag(false).flag(false).flag(false).flag(false);
        w.flag(true).flag(false); // tiles_enabled_flag, no WPP
        w.ue(1).ue(1).flag(false).ue(0).ue(0); // 2x2 tiles: column widths 1 (+3), row heights 1 (+1)
        w.flag(acrossTiles);
        w.flag(false).flag(false);
        w.flag(false).flag(false).ue(0).flag(false).flag(false);
        return PcmTest.nal(Nal.PPS, w.trailing());
    }

    private static Picture decode(boolean acrossTiles) {
        byte[] data = stream(acrossTiles);
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        d.decode(new Packet(1, data, 0, data.length));
        Picture pic = d.receive();
        assertNotNull(pic);
        return pic;
    }

    /** The access unit (SPS, PPS, one slice in four tiles) as Annex B bytes. */
    static byte[] stream(boolean acrossTiles) {
        Random rnd = new Random(17);
        Cabac init = new Cabac();
        init.initContexts(0, 26);
        int[] tileCols = {0, 1, 4};
        int[] tileRows = {0, 1, 2};
        List<byte[]> substreams = new ArrayList<>();
        for (int ty = 0; ty < 2; ty++) {
            for (int tx = 0; tx < 2; tx++) {
                BitWriter w = new BitWriter();
                PcmTest.Encoder e = new PcmTest.Encoder(w, init.ctx.clone());
                for (int cy = tileRows[ty]; cy < tileRows[ty + 1]; cy++) {
                    for (int cx = tileCols[tx]; cx < tileCols[tx + 1]; cx++) {
                        // split_cu_flag: the left and above CTBs count when in this tile (both are split)
                        int inc = (cx > tileCols[tx] ? 1 : 0) + (cy > tileRows[ty] ? 1 : 0);
                        e.decision(CabacTables.SPLIT_CU + inc, 1);
                        for (int cu = 0; cu < 4; cu++) {
                            e.decision(CabacTables.PART_MODE, 1);
                            if (rnd.nextInt(3) == 0) {
                                e.terminateAndFlush(); // pcm_flag
                                while (w.bitCount() % 8 != 0) {
                                    w.u(1, 0);
                                }
                                for (int i = 0; i < 64 + 32; i++) {
                                    w.u(8, 40 + rnd.nextInt(24) + (i < 64 ? 8 * (i % 8) : 0));
                                }
                                e.start();
                            } else {
                                e.terminateZero(); // pcm_flag 0
                                e.decision(CabacTables.PREV_INTRA_LUMA, 0);
                                int rem = rnd.nextInt(32);
                                for (int b = 4; b >= 0; b--) {
                                    e.bypass((rem >> b) & 1);
                                }
                                int chroma = rnd.nextInt(5);
                                if (chroma == 4) {
                                    e.decision(CabacTables.INTRA_CHROMA, 0);
                                } else {
                                    e.decision(CabacTables.INTRA_CHROMA, 1);
                                    e.bypass(chroma >> 1);
                                    e.bypass(chroma & 1);
                                }
                                e.decision(CabacTables.CBF_CHROMA, 0); // cbf_cb
                                e.decision(CabacTables.CBF_CHROMA, 0); // cbf_cr
                                e.decision(CabacTables.CBF_LUMA + 1, 0); // cbf_luma
                            }
                        }
                        boolean lastInTile = cx == tileCols[tx + 1] - 1 && cy == tileRows[ty + 1] - 1;
                        boolean lastInSlice = lastInTile && tx == 1 && ty == 1;
                        if (!lastInTile) {
                            e.terminateZero(); // end_of_slice_segment_flag
                        } else if (!lastInSlice) {
                            e.terminateZero(); // end_of_slice_segment_flag
                            e.terminateAndFlush(); // end_of_subset_one_bit
                        } else {
                            e.terminateAndFlush(); // end_of_slice_segment_flag
                        }
                    }
                }
                while (w.bitCount() % 8 != 0) {
                    w.u(1, 0);
                }
                substreams.add(w.bytes());
            }
        }
        // entry points count the escaped bytes of each substream (none crosses a boundary: each ends non-zero)
        BitWriter h = new BitWriter();
        h.flag(true).flag(false).ue(0).ue(2).se(0);
        h.ue(3).ue(15);
        for (int k = 0; k < 3; k++) {
            h.u(16, escapedLength(substreams.get(k)) - 1);
        }
        ByteArrayOutputStream rbsp = new ByteArrayOutputStream();
        rbsp.writeBytes(h.alignedWith());
        for (byte[] s : substreams) {
            rbsp.writeBytes(s);
        }
        ByteArrayOutputStream au = new ByteArrayOutputStream();
        au.writeBytes(PcmTest.vps());
        au.writeBytes(sps());
        au.writeBytes(pps(acrossTiles));
        au.writeBytes(PcmTest.nal(Nal.IDR_W_RADL, rbsp.toByteArray()));
        return au.toByteArray();
    }

    private static int escapedLength(byte[] s) {
        return PcmTest.nal(0, s).length - 6;
    }

    @Test
    void tilesWithoutFilteringAcrossTheirEdges() {
        assertEquals("e1c4bd6ab773162496a33bf855e68e52", new PictureDigest().md5Hex(decode(false)));
    }

    @Test
    void tilesFilteredAcrossTheirEdges() {
        assertEquals("34eac2d12834240749e51bc965e43a2c", new PictureDigest().md5Hex(decode(true)));
    }
}
