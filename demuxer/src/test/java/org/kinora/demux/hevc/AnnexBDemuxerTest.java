package org.kinora.demux.hevc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;

class AnnexBDemuxerTest {
    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve("hevc").resolve(name));
    }

    /** Feeds {@code data} in chunks of {@code chunk} bytes and collects every packet. */
    private static List<Packet> demux(Demuxer d, byte[] data, int chunk, List<TrackInfo> tracksOut) {
        List<Packet> packets = new ArrayList<>();
        int pos = 0;
        boolean sawTracks = false;
        while (true) {
            int r = d.poll();
            if (r == Demuxer.NEED_MORE_DATA) {
                if (pos >= data.length) {
                    d.endOfInput();
                } else {
                    int n = Math.min(chunk, data.length - pos);
                    d.feed(data, pos, n);
                    pos += n;
                }
            } else if (r == Demuxer.TRACKS_CHANGED) {
                sawTracks = true;
                tracksOut.addAll(d.tracks());
            } else if (r == Demuxer.PACKET) {
                assertTrue(sawTracks, "tracks come before the first packet");
                packets.add(d.packet().copy());
            } else if (r == Demuxer.END) {
                return packets;
            }
        }
    }

    @Test
    void splitsAccessUnitsAndReportsTheTrack() throws IOException {
        byte[] data = fixture("intra_odd.hevc");
        assertEquals(ContainerFormat.HEVC_ANNEX_B, ContainerFormat.sniff(data, 64));
        List<TrackInfo> tracks = new ArrayList<>();
        List<Packet> packets = demux(Demuxers.create(ContainerFormat.HEVC_ANNEX_B), data, 4096, tracks);
        assertEquals(3, packets.size());
        assertEquals(1, tracks.size());
        TrackInfo t = tracks.get(0);
        assertEquals(TrackInfo.HEVC, t.codec());
        assertEquals(98, t.width());
        assertEquals(66, t.height());
        assertEquals(25, t.timescale());
        assertEquals(null, t.codecConfig());
        int total = 0;
        for (int i = 0; i < packets.size(); i++) {
            Packet p = packets.get(i);
            assertEquals(i, p.pts);
            assertTrue(p.keyframe);
            // every access unit starts with a start code
            assertEquals(0, p.data[0]);
            assertEquals(0, p.data[1]);
            total += p.length;
        }
        // nothing is lost or duplicated: the packets concatenate to the file
        byte[] joined = new byte[total];
        int o = 0;
        for (Packet p : packets) {
            System.arraycopy(p.data, p.offset, joined, o, p.length);
            o += p.length;
        }
        assertArrayEquals(data, joined);
        assertFalse(Demuxers.create(ContainerFormat.HEVC_ANNEX_B).canSeek());
    }

    @Test
    void vuiTimingSetsTheTimeBase() throws IOException {
        List<TrackInfo> tracks = new ArrayList<>();
        List<Packet> packets = demux(new AnnexBDemuxer(), fixture("intra_ntsc.hevc"), 1000, tracks);
        TrackInfo t = tracks.get(0);
        assertEquals(30000, t.timescale());
        assertEquals(30000, t.frameRateNum());
        assertEquals(1001, t.frameRateDen());
        assertEquals(64, t.width());
        assertEquals(2, packets.size());
        assertEquals(0, packets.get(0).pts);
        assertEquals(1001, packets.get(1).pts);
        assertEquals(1001, packets.get(1).duration);
    }

    @Test
    void withoutAnSpsTheTimeBaseIs25Hz() {
        byte[] s = {0, 0, 1, 0x26, 0x01, (byte) 0x80, 0x11, 0, 0, 1, 0x26, 0x01, (byte) 0x80, 0x12};
        List<TrackInfo> tracks = new ArrayList<>();
        List<Packet> p = demux(new AnnexBDemuxer(), s, 5, tracks);
        assertEquals(2, p.size());
        assertEquals(25, tracks.get(0).timescale());
        assertEquals(0, tracks.get(0).width());
        assertEquals(1, p.get(1).pts);
    }

    @Test
    void oneByteAtATimeGivesTheSamePackets() throws IOException {
        for (String name : new String[] {"intra_plain.hevc", "intra_wpp.hevc", "intra_odd2.hevc"}) {
            byte[] data = fixture(name);
            List<Packet> whole = demux(new AnnexBDemuxer(), data, data.length, new ArrayList<>());
            List<Packet> bytewise = demux(new AnnexBDemuxer(), data, 1, new ArrayList<>());
            List<Packet> odd = demux(new AnnexBDemuxer(), data, 7, new ArrayList<>());
            assertEquals(whole.size(), bytewise.size(), name);
            assertEquals(whole.size(), odd.size(), name);
            for (int i = 0; i < whole.size(); i++) {
                byte[] a = Arrays.copyOfRange(whole.get(i).data, whole.get(i).offset, whole.get(i).offset + whole.get(i).length);
                byte[] b = Arrays.copyOfRange(bytewise.get(i).data, bytewise.get(i).offset, bytewise.get(i).offset + bytewise.get(i).length);
                byte[] c = Arrays.copyOfRange(odd.get(i).data, odd.get(i).offset, odd.get(i).offset + odd.get(i).length);
                assertArrayEquals(a, b, name + " packet " + i);
                assertArrayEquals(a, c, name + " packet " + i);
                assertEquals(whole.get(i).pts, bytewise.get(i).pts);
            }
        }
    }

    @Test
    void corruptedStreamsSplitTheSameWayInAnyChunking() throws IOException {
        byte[] original = fixture("intra_full.hevc");
        java.util.Random rnd = new java.util.Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] s = original.clone();
            for (int k = 0; k < 20; k++) {
                s[rnd.nextInt(s.length)] = (byte) rnd.nextInt(256);
            }
            List<Packet> a = demux(new AnnexBDemuxer(), s, s.length, new ArrayList<>());
            List<Packet> b = demux(new AnnexBDemuxer(), s, 1 + rnd.nextInt(100), new ArrayList<>());
            assertEquals(a.size(), b.size());
            int total = 0;
            for (int j = 0; j < a.size(); j++) {
                assertEquals(a.get(j).length, b.get(j).length);
                total += a.get(j).length;
            }
            assertEquals(s.length, total);
        }
    }

    @Test
    void parameterSetsAfterASliceStartTheNextAccessUnit() {
        // AU 1: SPS-less toy stream: slice (first), suffix SEI; AU 2: PPS, slice (first); AU 3: slice (first)
        byte[] s = {
            0, 0, 0, 1, 0x26, 0x01, (byte) 0x80, 0x11,
            0, 0, 1, 0x50, 0x01, 0x05,
            0, 0, 1, 0x44, 0x01, 0x10,
            0, 0, 1, 0x02, 0x01, (byte) 0x80, 0x22,
            0, 0, 1, 0x02, 0x01, 0x00, 0x33, // not first slice: same access unit
            0, 0, 0, 1, 0x02, 0x01, (byte) 0x80, 0x44,
        };
        List<Packet> p = demux(new AnnexBDemuxer(), s, 3, new ArrayList<>());
        assertEquals(3, p.size());
        assertEquals(14, p.get(0).length);
        assertTrue(p.get(0).keyframe);
        assertEquals(20, p.get(1).length);
        assertFalse(p.get(1).keyframe);
        assertEquals(8, p.get(2).length);
    }
}
