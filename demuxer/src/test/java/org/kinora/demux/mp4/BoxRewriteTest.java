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
}
