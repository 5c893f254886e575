package org.kinora.demux.mkv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.demux.testing.DemuxerHarness;

/**
 * Matroska features no Debian tool writes for us, in files built here element by element (RFC
 * 9559): header stripping, fixed-size lacing, BlockGroup with BlockDuration and ReferenceBlock,
 * zlib compression refused.
 */
class SyntheticMatroskaTest {
    /** An element: ID bytes, an 8-byte size (or unknown), the payload. */
    static byte[] el(int id, byte[]... children) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : children) {
            body.writeBytes(c);
        }
        return element(id, body.toByteArray(), false);
    }

    static byte[] element(int id, byte[] body, boolean unknownSize) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int n = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        for (int i = n - 1; i >= 0; i--) {
            o.write(id >>> (8 * i));
        }
        if (unknownSize) {
            o.write(0x01);
            for (int i = 0; i < 7; i++) {
                o.write(0xFF);
            }
        } else {
            o.write(0x01);
            long s = body.length;
            for (int i = 6; i >= 0; i--) {
                o.write((int) (s >>> (8 * i)));
            }
        }
        o.writeBytes(body);
        return o.toByteArray();
    }

    static byte[] uint(int id, long v) {
        return element(id, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}, false);
    }

    static byte[] raw(int id, int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return element(id, b, false);
    }

    static byte[] file(byte[] encoding, byte[]... clusterChildren) {
        byte[] header = el(Ebml.EBML, element(Ebml.DOC_TYPE, "matroska".getBytes(), false));
        byte[] track = el(Ebml.TRACK_ENTRY, uint(Ebml.TRACK_NUMBER, 1), uint(Ebml.TRACK_TYPE, 2),
                element(Ebml.CODEC_ID, "A_PCM/INT/LIT".getBytes(), false), encoding);
        ByteArrayOutputStream cluster = new ByteArrayOutputStream();
        cluster.writeBytes(uint(Ebml.CLUSTER_TIMESTAMP, 1000));
        for (byte[] c : clusterChildren) {
            cluster.writeBytes(c);
        }
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        segment.writeBytes(el(Ebml.INFO, uint(Ebml.TIMESTAMP_SCALE, 1_000_000)));
        segment.writeBytes(el(Ebml.TRACKS, track));
        segment.writeBytes(element(Ebml.CLUSTER, cluster.toByteArray(), true));
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(header);
        f.writeBytes(element(Ebml.SEGMENT, segment.toByteArray(), true));
        return f.toByteArray();
    }

    private static byte[] stripping(int algo) {
        return el(Ebml.CONTENT_ENCODINGS, el(Ebml.CONTENT_ENCODING,
                el(Ebml.CONTENT_COMPRESSION, uint(Ebml.CONTENT_COMP_ALGO, algo), raw(Ebml.CONTENT_COMP_SETTINGS, 0xAB, 0xCD))));
    }

    @Test
    void headerStrippingFixedLacingAndBlockGroups() {
        // SimpleBlock, track 1, +5, keyframe, fixed lacing (flags 0x84), 3 frames of 2 bytes
        byte[] simple = raw(Ebml.SIMPLE_BLOCK, 0x81, 0, 5, 0x84, 2, 1, 2, 3, 4, 5, 6);
        // BlockGroup: Block at +20 without lacing, BlockDuration 7, a ReferenceBlock (not a keyframe)
        byte[] group = el(Ebml.BLOCK_GROUP, raw(Ebml.BLOCK, 0x81, 0, 20, 0, 9, 9), uint(Ebml.BLOCK_DURATION, 7),
                raw(Ebml.REFERENCE_BLOCK, 0xF1));
        byte[] file = file(stripping(3), simple, group);
        DemuxerHarness.Run run = DemuxerHarness.assertConsistent(MatroskaDemuxer::new, file);
        assertEquals(4, run.packets.size());
        byte[][] want = {{(byte) 0xAB, (byte) 0xCD, 1, 2}, {(byte) 0xAB, (byte) 0xCD, 3, 4}, {(byte) 0xAB, (byte) 0xCD, 5, 6},
            {(byte) 0xAB, (byte) 0xCD, 9, 9}};
        for (int i = 0; i < 4; i++) {
            Packet p = run.packets.get(i);
            assertArrayEquals(want[i], java.util.Arrays.copyOfRange(p.data, p.offset, p.offset + p.length));
        }
        assertEquals(1005, run.packets.get(0).pts);
        assertTrue(run.packets.get(0).keyframe);
        // no BlockDuration nor DefaultDuration: laced frames after the first have no time
        assertEquals(Packet.NO_TIMESTAMP, run.packets.get(1).pts);
        assertEquals(1020, run.packets.get(3).pts);
        assertEquals(7, run.packets.get(3).duration);
        assertFalse(run.packets.get(3).keyframe);
        assertTrue(DemuxerHarness.assertMutantsSafe(MatroskaDemuxer::new, file, 5, 2000) > 0);
    }

    @Test
    void zlibCompressionIsRefused() {
        byte[] file = file(stripping(0), raw(Ebml.SIMPLE_BLOCK, 0x81, 0, 0, 0x80, 1));
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> DemuxerHarness.run(MatroskaDemuxer::new, file, DemuxerHarness.Mode.WHOLE));
        assertTrue(e.getMessage().contains("ContentCompAlgo 0"), e.getMessage());
    }
}
