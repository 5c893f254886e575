package org.kinora.demux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.demux.testing.DemuxerHarness;
import org.kinora.demux.testing.PacketOracle;

/**
 * The layouts FFmpeg does not write for small files, made from moov_last.mp4 by rewriting boxes:
 * co64 instead of stco, stz2 instead of stsz, a 64-bit mdat size, and moov moved before mdat
 * with every chunk offset moved along. The packets must still equal ffprobe's for the original.
 */
class BoxRewriteTest {
    private static final List<String> CONTAINERS = Arrays.asList("moov", "trak", "mdia", "minf", "stbl", "edts");

    /** A box: its type and either its payload or its children. */
    static final class Box {
        String type;
        byte[] payload;
        List<Box> children;
        boolean largeSize;

        byte[] bytes() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (children != null) {
                for (Box c : children) {
                    body.writeBytes(c.bytes());
                }
            } else {
                body.writeBytes(payload);
            }
            byte[] b = body.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(b.length + (largeSize ? 16 : 8));
            if (largeSize) {
                out.putInt(1).put(type.getBytes()).putLong(b.length + 16L);
            } else {
                out.putInt(b.length + 8).put(type.getBytes());
            }
            return out.put(b).array();
        }

        Box find(String t) {
            if (type.equals(t)) {
                return this;
            }
            if (children != null) {
                for (Box c : children) {
                    Box f = c.find(t);
                    if (f != null) {
                        return f;
                    }
                }
            }
            return null;
        }

        void findAll(String t, List<Box> out) {
            if (type.equals(t)) {
                out.add(this);
            }
            if (children != null) {
                for (Box c : children) {
                    c.findAll(t, out);
                }
            }
        }
    }

    static List<Box> parse(byte[] d, int from, int to) {
        List<Box> out = new ArrayList<>();
        int p = from;
        while (p + 8 <= to) {
            int size = ByteBuffer.wrap(d, p, 4).getInt();
            Box b = new Box();
            b.type = new String(d, p + 4, 4);
            if (CONTAINERS.contains(b.type)) {
                b.children = parse(d, p + 8, p + size);
            } else {
                b.payload = Arrays.copyOfRange(d, p + 8, p + size);
            }
            out.add(b);
            p += size;
        }
        return out;
    }

    private static byte[] join(List<Box> boxes) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (Box b : boxes) {
            o.writeBytes(b.bytes());
        }
        return o.toByteArray();
    }

    /** Every stco becomes a co64 with its offsets moved by {@code delta}. */
    private static void toCo64(Box moov, long delta) {
        List<Box> all = new ArrayList<>();
        moov.findAll("stco", all);
        for (Box b : all) {
            ByteBuffer in = ByteBuffer.wrap(b.payload);
            in.getInt();
            int n = in.getInt();
            ByteBuffer out = ByteBuffer.allocate(8 + 8 * n).putInt(0).putInt(n);
            for (int i = 0; i < n; i++) {
                out.putLong((in.getInt() & 0xFFFFFFFFL) + delta);
            }
            b.type = "co64";
            b.payload = out.array();
        }
    }

    /** Every stsz with a size table becomes an stz2 with 16-bit fields. */
    private static void toStz2(Box moov) {
        List<Box> all = new ArrayList<>();
        moov.findAll("stsz", all);
        for (Box b : all) {
            ByteBuffer in = ByteBuffer.wrap(b.payload);
            in.getInt();
            int constant = in.getInt();
            int n = in.getInt();
            if (constant != 0) {
                continue;
            }
            ByteBuffer out = ByteBuffer.allocate(12 + 2 * n).putInt(0).put(new byte[] {0, 0, 0, 16}).putInt(n);
            for (int i = 0; i < n; i++) {
                out.putShort((short) in.getInt());
            }
            b.type = "stz2";
            b.payload = out.array();
        }
    }

    private static void assertSamePackets(byte[] file) throws IOException {
        DemuxerHarness.Run run = DemuxerHarness.assertConsistent(Mp4Demuxer::new, file);
        PacketOracle.assertMatches(run, DemuxerHarness.testdata("mp4", "moov_last.packets"));
    }

    @Test
    void co64Stz2AndLargeMdat() throws IOException {
        byte[] d = DemuxerHarness.read("mp4", "moov_last.mp4");
        List<Box> top = parse(d, 0, d.length);
        Box mdat = null;
        Box moov = null;
        for (Box b : top) {
            mdat = b.type.equals("mdat") ? b : mdat;
            moov = b.type.equals("moov") ? b : moov;
        }
        mdat.largeSize = true; // 8 more header bytes before the samples
        toCo64(moov, 8);
        toStz2(moov);
        assertSamePackets(join(top));
    }

    @Test
    void moovMovedBeforeMdat() throws IOException {
        byte[] d = DemuxerHarness.read("mp4", "moov_last.mp4");
        List<Box> top = parse(d, 0, d.length);
        Box moov = null;
        for (Box b : top) {
            moov = b.type.equals("moov") ? b : moov;
        }
        top.remove(moov);
        toCo64(moov, 0);
        int size = moov.bytes().length;
        toCo64Shift(moov, size);
        top.add(1, moov);
        byte[] file = join(top);
        assertSamePackets(file);
        DemuxerHarness.Run run = DemuxerHarness.run(Mp4Demuxer::new, file, DemuxerHarness.Mode.BYTE_AT_A_TIME);
        assertEquals(0, run.seeks, "moov first: one pass, no seek");
    }

    /** Moves the offsets of co64 boxes by {@code delta}. */
    private static void toCo64Shift(Box moov, long delta) {
        List<Box> all = new ArrayList<>();
        moov.findAll("co64", all);
        for (Box b : all) {
            ByteBuffer buf = ByteBuffer.wrap(b.payload);
            int n = buf.getInt(4);
            for (int i = 0; i < n; i++) {
                buf.putLong(8 + 8 * i, buf.getLong(8 + 8 * i) + delta);
            }
        }
    }

    /**
     * A leading empty edit of 500 ms (movie timescale 1000) delays every packet: by 6400 ticks of
     * the 12800 Hz video track and 11025 of the 22050 Hz audio track. ffprobe on the same rewrite
     * gives these times (video pts 6400 dts 5376, audio from 10001).
     */
    @Test
    void emptyEditDelaysTheTrack() throws IOException {
        byte[] d = DemuxerHarness.read("mp4", "moov_last.mp4");
        List<Box> top = parse(d, 0, d.length);
        List<Box> elsts = new ArrayList<>();
        for (Box b : top) {
            b.findAll("elst", elsts);
        }
        assertEquals(2, elsts.size());
        for (Box e : elsts) {
            ByteBuffer in = ByteBuffer.wrap(e.payload);
            int n = in.getInt(4);
            ByteBuffer out = ByteBuffer.allocate(e.payload.length + 12).putInt(0).putInt(n + 1);
            out.putInt(500).putInt(-1).putInt(0x10000);
            out.put(e.payload, 8, e.payload.length - 8);
            e.payload = out.array();
        }
        byte[] file = join(top);
        DemuxerHarness.Run original = DemuxerHarness.run(Mp4Demuxer::new, d, DemuxerHarness.Mode.WHOLE);
        DemuxerHarness.Run delayed = DemuxerHarness.assertConsistent(Mp4Demuxer::new, file);
        assertEquals(original.packets.size(), delayed.packets.size());
        for (int i = 0; i < original.packets.size(); i++) {
            org.kinora.core.Packet a = original.packets.get(i);
            org.kinora.core.Packet b = delayed.packets.get(i);
            long shift = a.trackId == 1 ? 6400 : 11025;
            assertEquals(a.pts + shift, b.pts);
            assertEquals(a.dts + shift, b.dts);
            assertEquals(DemuxerHarness.md5(a), DemuxerHarness.md5(b));
            // the priming packet now lies after 0: nothing to trim
            assertEquals(0, b.trimStart);
        }
    }

    /** stsc written out one entry per chunk, plus an entry past the last chunk: the same packets. */
    @Test
    void stscOneEntryPerChunk() throws IOException {
        byte[] d = DemuxerHarness.read("mp4", "moov_last.mp4");
        List<Box> top = parse(d, 0, d.length);
        List<Box> stscs = new ArrayList<>();
        List<Box> stcos = new ArrayList<>();
        for (Box b : top) {
            b.findAll("stsc", stscs);
            b.findAll("stco", stcos);
        }
        for (int t = 0; t < stscs.size(); t++) {
            ByteBuffer in = ByteBuffer.wrap(stscs.get(t).payload);
            int entries = in.getInt(4);
            int chunks = ByteBuffer.wrap(stcos.get(t).payload).getInt(4);
            ByteBuffer out = ByteBuffer.allocate(8 + 12 * (chunks + 1)).putInt(0).putInt(chunks + 1);
            for (int c = 1; c <= chunks; c++) {
                int perChunk = 0;
                for (int e = 0; e < entries; e++) {
                    if (in.getInt(8 + 12 * e) <= c) {
                        perChunk = in.getInt(8 + 12 * e + 4);
                    }
                }
                out.putInt(c).putInt(perChunk).putInt(1);
            }
            out.putInt(chunks + 5).putInt(7).putInt(1);
            stscs.get(t).payload = out.array();
        }
        assertSamePackets(join(top));
    }
}
