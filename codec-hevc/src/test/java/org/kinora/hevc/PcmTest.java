package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;

/**
 * PCM coding units (7.3.8.7), which x265 never writes: a 16x16 picture of four 8x8 PCM CUs is
 * built here with a CABAC encoder (9.3.5) and must decode to its PCM samples exactly, the
 * deblocking filter leaving them alone (pcm_loop_filter_disabled_flag).
 */
class PcmTest {
    /** The arithmetic encoder of H.265 9.3.5, writing into a BitWriter. */
    static final class Encoder {
        final BitWriter out;
        final byte[] ctx;
        int low;
        int range;
        boolean firstBit;
        int outstanding;

        Encoder(BitWriter out, byte[] contexts) {
            this.out = out;
            this.ctx = contexts;
            start();
        }

        void start() {
            low = 0;
            range = 510;
            firstBit = true;
            outstanding = 0;
        }

        private void putBit(int b) {
            if (firstBit) {
                firstBit = false;
            } else {
                out.u(1, b);
            }
            while (outstanding > 0) {
                out.u(1, 1 - b);
                outstanding--;
            }
        }

        private void renorm() {
            while (range < 256) {
                if (low < 256) {
                    putBit(0);
                } else if (low >= 512) {
                    low -= 512;
                    putBit(1);
                } else {
                    low -= 256;
                    outstanding++;
                }
                range <<= 1;
                low <<= 1;
            }
        }

        void decision(int c, int bin) {
            int s = ctx[c];
            int pState = s >> 1;
            int mps = s & 1;
            int lps = CabacTables.RANGE_TAB_LPS[pState * 4 + ((range >> 6) & 3)];
            range -= lps;
            if (bin != mps) {
                low += range;
                range = lps;
                ctx[c] = CabacTables.NEXT_LPS[s];
            } else {
                ctx[c] = CabacTables.NEXT_MPS[s];
            }
            renorm();
        }

        /** EncodeBypass (9.3.5.4). */
        void bypass(int bin) {
            low <<= 1;
            if (bin != 0) {
                low += range;
            }
            if (low >= 1024) {
                putBit(1);
                low -= 1024;
            } else if (low < 512) {
                putBit(0);
            } else {
                low -= 512;
                outstanding++;
            }
        }

        /** EncodeTerminate with bin 0. */
        void terminateZero() {
            range -= 2;
            renorm();
        }

        /** EncodeTerminate with bin 1, then EncodeFlush. */
        void terminateAndFlush() {
            range -= 2;
            low += range;
            range = 2;
            renorm();
            putBit((low >> 9) & 1);
            out.u(2, ((low >> 7) & 3) | 1);
        }
    }

    /** A VPS for the built streams (7.3.2.1): one layer, one sub-layer. */
    static byte[] vps() {
        BitWriter w = new BitWriter();
        w.u(4, 0).u(1, 1).u(1, 1).u(6, 0).u(3, 0).u(1, 1).u(16, 0xFFFF);
        w.u(2, 0).u(1, 0).u(5, 1).u(32, 0x60000000).u(4, 0b1001).u(32, 0).u(11, 0).u(1, 0).u(8, 30);
        w.flag(true).ue(0).ue(0).ue(0); // sub-layer ordering info
        w.u(6, 0).ue(0).flag(false).flag(false); // max layer id, layer sets, timing, extension
        return nal(Nal.VPS, w.trailing());
    }

    static byte[] nal(int type, byte[] rbsp) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0);
        o.write(0);
        o.write(0);
        o.write(1);
        o.write(type << 1);
        o.write(1);
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                o.write(3); // emulation_prevention_three_byte
                zeros = 0;
            }
            o.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return o.toByteArray();
    }

    private static byte[] sps(boolean pcmLoopFilterDisabled) {
        BitWriter w = new BitWriter();
        w.u(4, 0).u(3, 0).u(1, 1);
        w.u(2, 0).u(1, 0).u(5, 1).u(32, 0x60000000).u(4, 0b1001).u(32, 0).u(11, 0).u(1, 0).u(8, 30); // profile_tier_level
        w.ue(0).ue(1).ue(16).ue(16).flag(false); // id, 4:2:0, 16x16, no conformance window
        w.ue(0).ue(0).ue(0); // bit depths 8, log2_max_pic_order_cnt_lsb 4
        w.flag(true).ue(0).ue(0).ue(0); // sub-layer ordering info
        w.ue(0).ue(1).ue(0).ue(2).ue(0).ue(0); // CB 8..16, TB 4..16, hierarchy depths 0
        w.flag(false).flag(false).flag(false); // scaling lists, AMP, SAO
        w.flag(true).u(4, 7).u(4, 7).ue(0).ue(0).flag(pcmLoopFilterDisabled); // PCM: 8-bit samples, 8x8 CUs
        w.ue(0).flag(false).flag(false).flag(false).flag(false).flag(false); // RPS, long-term, TMVP, smoothing, VUI, ext
        return nal(Nal.SPS, w.trailing());
    }

    private static byte[] pps() {
        BitWriter w = new BitWriter();
        w.ue(0).ue(0).flag(false).flag(false).u(3, 0).flag(false).flag(false).ue(0).ue(0).se(0);
        w.flag(false).flag(false).flag(false).se(0).se(0).flag(false).flag(false).flag(false).flag(false);
        w.flag(false).flag(false).flag(false); // tiles, WPP, loop filter across slices
        w.flag(false); // deblocking_filter_control_present_flag: deblocking on with zero offsets
        w.flag(false).flag(false).ue(0).flag(false).flag(false);
        return nal(Nal.PPS, w.trailing());
    }

    @Test
    void pcmCodingUnitsDecodeToTheirSamples() {
        int[][] planes = {new int[256], new int[64], new int[64]};
        Picture pic = decode(true, planes);
        for (int c = 0; c < 3; c++) {
            int n = c == 0 ? 16 : 8;
            for (int i = 0; i < n * n; i++) {
                assertEquals(planes[c][i], pic.planes[c][pic.planeOffset[c] + (i / n) * pic.stride[c] + i % n] & 0xFF,
                        "plane " + c + " sample " + i);
            }
        }
    }

    @Test
    void withTheLoopFilterOnPcmSamplesAreDeblocked() {
        int[][] planes = {new int[256], new int[64], new int[64]};
        Picture pic = decode(false, planes);
        int changed = 0;
        for (int i = 0; i < 256; i++) {
            if (planes[0][i] != (pic.planes[0][pic.planeOffset[0] + (i / 16) * pic.stride[0] + i % 16] & 0xFF)) {
                changed++;
            }
        }
        assertTrue(changed > 0, "the edges between the PCM blocks are filtered");
        // the picture libde265 (Debian's libde265-dec265) decodes from the same bytes
        assertEquals("5c909813d02553a913e54e59106293ef", new PictureDigest().md5Hex(pic));
    }

    /** Builds and decodes the picture; {@code planes} receives the PCM samples written. */
    private static Picture decode(boolean pcmLoopFilterDisabled, int[][] planes) {
        Random rnd = new Random(5);
        BitWriter w = new BitWriter();
        // slice header of an IDR picture: first slice, I slice, slice_qp_delta 0, byte_alignment()
        w.flag(true).flag(false).ue(0).ue(2).se(0);
        w.u(1, 1);
        while (w.bitCount() % 8 != 0) {
            w.u(1, 0);
        }
        Cabac contexts = new Cabac();
        contexts.initContexts(0, 26);
        Encoder e = new Encoder(w, contexts.ctx.clone());
        e.decision(CabacTables.SPLIT_CU, 1); // split the 16x16 CTB into four 8x8 CUs
        for (int cu = 0; cu < 4; cu++) {
            int x0 = (cu & 1) * 8;
            int y0 = (cu >> 1) * 8;
            e.decision(CabacTables.PART_MODE, 1); // PART_2Nx2N
            e.terminateAndFlush(); // pcm_flag = 1
            while (w.bitCount() % 8 != 0) {
                w.u(1, 0); // pcm_alignment_zero_bit
            }
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    // smooth blocks with a small step between them: the deblocking filter would act
                    int v = 100 + 6 * cu + x + rnd.nextInt(2);
                    planes[0][(y0 + y) * 16 + x0 + x] = v;
                    w.u(8, v);
                }
            }
            for (int c = 1; c <= 2; c++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int v = rnd.nextInt(256);
                        planes[c][(y0 / 2 + y) * 8 + x0 / 2 + x] = v;
                        w.u(8, v);
                    }
                }
            }
            e.start(); // 9.3.2.5 after the PCM samples
        }
        e.terminateAndFlush(); // end_of_slice_segment_flag, then rbsp_slice_segment_trailing_bits
        while (w.bitCount() % 8 != 0) {
            w.u(1, 0);
        }
        byte[] slice = nal(Nal.IDR_W_RADL, w.bytes());
        ByteArrayOutputStream au = new ByteArrayOutputStream();
        au.writeBytes(vps());
        au.writeBytes(sps(pcmLoopFilterDisabled));
        au.writeBytes(pps());
        au.writeBytes(slice);
        byte[] data = au.toByteArray();

        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        d.decode(new Packet(1, data, 0, data.length));
        Picture pic = d.receive();
        assertNotNull(pic);
        assertEquals(16, pic.cropWidth);
        return pic;
    }
}
