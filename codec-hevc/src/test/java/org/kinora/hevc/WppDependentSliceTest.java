package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;

/**
 * WPP with a dependent slice segment that starts in the middle of a CTB row, built with a CABAC
 * encoder: a 64x32 picture of 16x16 CTBs; the first segment holds CTBs 0-5 (two WPP substreams,
 * the second synchronised from the contexts after CTB 1), the dependent segment CTBs 6-7 (its
 * contexts carried over from the end of the first, 9.3.2.4). The expected MD5 is the one libde265 and FFmpeg both give.
 */
class WppDependentSliceTest {
    private static byte[] sps() {
        BitWriter w = new BitWriter();
        w.u(4, 0).u(3, 0).u(1, 1);
        w.u(2, 0).u(1, 0).u(5, 1).u(32, 0x60000000).u(4, 0b1001).u(32, 0).u(11, 0).u(1, 0).u(8, 30);
        w.ue(0).ue(1).ue(64).ue(32).flag(false);
        w.ue(0).ue(0).ue(0);
        w.flag(true).ue(0).ue(0).ue(0);
        w.ue(0).ue(1).ue(0).ue(2).ue(0).ue(0);
        w.flag(false).flag(false).flag(false);
        w.flag(true).u(4, 7).u(4, 7).ue(0).ue(0).flag(false);
        w.ue(0).flag(false).flag(false).flag(false).flag(false).flag(false);
        return PcmTest.nal(Nal.SPS, w.trailing());
    }

    private static byte[] pps() {
        BitWriter w = new BitWriter();
        w.ue(0).ue(0).flag(true).flag(false).u(3, 0).flag(false).flag(false).ue(0).ue(0).se(0); // dependent segments on
        w.flag(false).flag(false).flag(false).se(0).se(0).flag(false).flag(false).flag(false).flag(false);
        w.flag(false).flag(true); // no tiles, WPP
        w.flag(false).flag(false); // loop filter across slices, deblocking control
        w.flag(false).flag(false).ue(0).flag(false).flag(false);
        return PcmTest.nal(Nal.PPS, w.trailing());
    }

    /** Encodes CTBs [from, to) of the 4x2 CTB picture. */
    private static void ctbs(PcmTest.Encoder e, BitWriter w, Random rnd, int from, int to) {
        for (int rs = from; rs < to; rs++) {
            int cx = rs % 4;
            int cy = rs / 4;
            e.decision(CabacTables.SPLIT_CU + (cx > 0 ? 1 : 0) + (cy > 0 ? 1 : 0), 1);
            for (int cu = 0; cu < 4; cu++) {
                e.decision(CabacTables.PART_MODE, 1);
                if (rnd.nextInt(3) == 0) {
                    e.terminateAndFlush();
                    while (w.bitCount() % 8 != 0) {
                        w.u(1, 0);
                    }
                    for (int i = 0; i < 96; i++) {
                        w.u(8, 60 + rnd.nextInt(30) + (i < 64 ? 5 * (i / 8) : 0));
                    }
                    e.start();
                } else {
                    e.terminateZero();
                    e.decision(CabacTables.PREV_INTRA_LUMA, 0);
                    int rem = rnd.nextInt(32);
                    for (int b = 4; b >= 0; b--) {
                        e.bypass((rem >> b) & 1);
                    }
                    e.decision(CabacTables.INTRA_CHROMA, 0);
                    e.decision(CabacTables.CBF_CHROMA, 0);
                    e.decision(CabacTables.CBF_CHROMA, 0);
                    e.decision(CabacTables.CBF_LUMA + 1, 0);
                }
            }
            if (rs == 1) {
                wpp = e.ctx.clone(); // storage after the second CTB of a row (9.3.2.4)
            }
            if (rs == to - 1) {
                e.terminateAndFlush(); // end_of_slice_segment_flag
            } else {
                e.terminateZero();
                if (rs == 3) {
                    e.terminateAndFlush(); // end_of_subset_one_bit: the next CTB starts a row
                    while (w.bitCount() % 8 != 0) {
                        w.u(1, 0);
                    }
                    firstSubstreamLength = w.bitCount() / 8;
                    System.arraycopy(wpp, 0, e.ctx, 0, wpp.length); // synchronisation from CTB 1
                    e.start();
                }
            }
        }
        while (w.bitCount() % 8 != 0) {
            w.u(1, 0);
        }
    }

    private static byte[] wpp;
    private static int firstSubstreamLength;

    @Test
    void wppSubstreamsAndADependentSliceSegment() {
        byte[] data = stream();
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        d.decode(new Packet(1, data, 0, data.length));
        Picture pic = d.receive();
        assertNotNull(pic);
        assertEquals("d453e3b590e9b991afb87959b7bcf783", new PictureDigest().md5Hex(pic));
    }

    /** The access unit (SPS, PPS, a slice segment and a dependent one) as Annex B bytes. */
    static byte[] stream() {
        Random rnd = new Random(23);
        Cabac init = new Cabac();
        init.initContexts(0, 26);
        BitWriter d1 = new BitWriter();
        PcmTest.Encoder e = new PcmTest.Encoder(d1, init.ctx.clone());
        ctbs(e, d1, rnd, 0, 6);
        byte[] data1 = d1.bytes();
        byte[] ds = e.ctx.clone(); // storage at the end of the slice segment
        BitWriter d2 = new BitWriter();
        PcmTest.Encoder e2 = new PcmTest.Encoder(d2, ds);
        ctbs(e2, d2, rnd, 6, 8);
        byte[] data2 = d2.bytes();

        BitWriter h1 = new BitWriter();
        h1.flag(true).flag(false).ue(0).ue(2).se(0);
        h1.ue(1).ue(15).u(16, PcmTest.nal(0, java.util.Arrays.copyOf(data1, firstSubstreamLength)).length - 6 - 1);
        ByteArrayOutputStream s1 = new ByteArrayOutputStream();
        s1.writeBytes(h1.alignedWith());
        s1.writeBytes(data1);
        BitWriter h2 = new BitWriter();
        h2.flag(false).flag(false).ue(0).flag(true).u(3, 6).ue(0);
        ByteArrayOutputStream s2 = new ByteArrayOutputStream();
        s2.writeBytes(h2.alignedWith());
        s2.writeBytes(data2);

        ByteArrayOutputStream au = new ByteArrayOutputStream();
        au.writeBytes(PcmTest.vps());
        au.writeBytes(sps());
        au.writeBytes(pps());
        au.writeBytes(PcmTest.nal(Nal.IDR_W_RADL, s1.toByteArray()));
        au.writeBytes(PcmTest.nal(Nal.IDR_W_RADL, s2.toByteArray()));
        return au.toByteArray();
    }
}
