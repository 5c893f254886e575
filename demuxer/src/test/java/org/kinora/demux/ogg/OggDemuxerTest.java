package org.kinora.demux.ogg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxers;
import org.junit.jupiter.api.Test;

class OggDemuxerTest {
    @Test
    void createdForOggFiles() throws IOException {
        byte[] f = OggTestSupport.read("stereo_44k_q4.ogg");
        assertEquals(ContainerFormat.OGG, ContainerFormat.sniff(f, 64));
        assertTrue(Demuxers.create(ContainerFormat.OGG) instanceof OggDemuxer);
    }

    @Test
    void vorbisTrackHeadersAndSampleCount() throws IOException {
        OggTestSupport.Run run = OggTestSupport.demux(OggTestSupport.read("stereo_44k_q4.ogg"), 65536, false);
        assertEquals(1, run.trackLists.size());
        List<TrackInfo> tracks = run.trackLists.get(0);
        assertEquals(1, tracks.size());
        TrackInfo t = tracks.get(0);
        assertEquals(TrackInfo.VORBIS, t.codec());
        assertEquals(TrackType.AUDIO, t.type());
        assertEquals(44100, t.sampleRate());
        assertEquals(44100, t.timescale());
        assertEquals(2, t.channels());
        assertEquals(3, t.codecHeaders().size());
        assertEquals(1, t.codecHeaders().get(0)[0]);
        assertEquals(3, t.codecHeaders().get(1)[0]);
        assertEquals(5, t.codecHeaders().get(2)[0]);
        List<Packet> packets = run.of(t.id());
        // ffprobe -show_packets counts 70 data packets
        assertEquals(70, packets.size());
        // 1.5 s at 44.1 kHz: ffmpeg decodes 66150 samples
        assertEquals(66150, OggTestSupport.samples(packets));
        assertEquals(0, packets.get(0).pts);
        assertEquals(0, packets.get(0).duration);
        long next = 0;
        for (Packet p : packets) {
            assertEquals(next, p.pts);
            assertEquals(0, p.data[p.offset] & 1, "audio packets only");
            next += p.duration;
        }
        Packet last = packets.get(packets.size() - 1);
        assertTrue(last.trimEnd > 0);
        assertEquals(66150, last.pts + last.duration - last.trimEnd);
    }

    @Test
    void theoraAndVorbisMultiplexed() throws IOException {
        OggTestSupport.Run run = OggTestSupport.demux(OggTestSupport.read("theora_vorbis.ogg"), 4096, false);
        List<TrackInfo> tracks = run.trackLists.get(0);
        assertEquals(2, tracks.size());
        TrackInfo video = tracks.get(0).type() == TrackType.VIDEO ? tracks.get(0) : tracks.get(1);
        TrackInfo audio = tracks.get(0).type() == TrackType.VIDEO ? tracks.get(1) : tracks.get(0);
        assertEquals(TrackInfo.THEORA, video.codec());
        assertEquals(64, video.width());
        assertEquals(48, video.height());
        assertEquals(25, video.frameRateNum());
        assertEquals(1, video.frameRateDen());
        assertEquals(25, video.timescale());
        assertEquals(3, video.codecHeaders().size());
        assertEquals(0x80, video.codecHeaders().get(0)[0] & 0xFF);
        assertEquals(0x82, video.codecHeaders().get(2)[0] & 0xFF);
        List<Packet> frames = run.of(video.id());
        assertEquals(25, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Packet p = frames.get(i);
            assertEquals(i, p.pts, "frame number");
            // -g 12: keyframes at 0, 12 and 24 (ffprobe's K flags)
            assertEquals(i % 12 == 0, p.keyframe, "keyframe flag of frame " + i);
        }
        assertEquals(22050, OggTestSupport.samples(run.of(audio.id())));
        assertEquals(TrackInfo.VORBIS, audio.codec());
        assertEquals(22050, audio.timescale());
    }

    @Test
    void durationFromTheLastPage() throws IOException {
        OggTestSupport.Run run = OggTestSupport.demux(OggTestSupport.read("stereo_44k_q4.ogg"), 65536, true);
        assertEquals(1.5, run.duration, 1e-9);
        assertEquals(66150, run.trackLists.get(0).get(0).duration());
        assertEquals(66150, OggTestSupport.samples(run.packets));
        // one seek, to the tail: the file was read whole before it, and parsing goes on with the
        // bytes after the headers that the demuxer kept, with nothing more to ask for
        assertEquals(1, run.seeks);
        OggTestSupport.Run av = OggTestSupport.demux(OggTestSupport.read("theora_vorbis.ogg"), 65536, true);
        assertEquals(1.0, av.duration, 1e-9);
    }

    @Test
    void byteAtATimeGivesTheSamePackets() throws IOException {
        for (String name : new String[] {"theora_vorbis.ogg", "stereo_44k_q4.ogg"}) {
            byte[] f = OggTestSupport.read(name);
            OggTestSupport.Run whole = OggTestSupport.demux(f, f.length, true);
            OggTestSupport.Run bytes = OggTestSupport.demux(f, 1, true);
            assertSamePackets(whole.packets, bytes.packets);
            assertEquals(whole.duration, bytes.duration);
        }
    }

    @Test
    void badPageIsSkippedAndCounted() throws IOException {
        byte[] f = OggTestSupport.read("stereo_44k_q4.ogg");
        OggTestSupport.Run clean = OggTestSupport.demux(f, 65536, false);
        byte[] bad = f.clone();
        int page = nthPage(bad, 2);
        bad[page + 27 + (bad[page + 26] & 0xFF) + 10] ^= 0x55;
        OggTestSupport.Run run = OggTestSupport.demux(bad, 65536, false);
        assertEquals(1, run.demuxer.badPages());
        assertTrue(run.packets.size() < clean.packets.size());
        assertFalse(run.packets.isEmpty());
        // garbage between pages is skipped
        byte[] junk = new byte[f.length + 1000];
        int at = nthPage(f, 2);
        System.arraycopy(f, 0, junk, 0, at);
        for (int i = 0; i < 1000; i++) {
            junk[at + i] = (byte) (i * 7 + (i % 3 == 0 ? 'O' : 'g'));
        }
        System.arraycopy(f, at, junk, at + 1000, f.length - at);
        OggTestSupport.Run skipped = OggTestSupport.demux(junk, 777, false);
        assertSamePackets(clean.packets, skipped.packets);
        assertEquals(1000, skipped.demuxer.skippedBytes());
    }

    @Test
    void firstPageRuleDropsTheSamplesBeforeGranuleZero() throws IOException {
        // every granule position 1000 lower: the stream starts 1000 samples into its first packets
        byte[] f = OggTestSupport.read("stereo_44k_q4.ogg");
        for (int n = 2; n < 4; n++) {
            int p = nthPage(f, n);
            long g = 0;
            for (int i = 0; i < 8; i++) {
                g |= (f[p + 6 + i] & 0xFFL) << (8 * i);
            }
            g -= 1000;
            for (int i = 0; i < 8; i++) {
                f[p + 6 + i] = (byte) (g >> (8 * i));
            }
            fixCrc(f, p);
        }
        OggTestSupport.Run run = OggTestSupport.demux(f, 65536, true);
        List<Packet> packets = run.packets;
        assertEquals(66150 - 1000, OggTestSupport.samples(packets));
        long trimmed = 0;
        for (Packet p : packets) {
            trimmed += p.trimStart;
            if (p.trimStart > 0) {
                assertTrue(p.pts < 0);
                // the first sample kept is at time 0
                assertTrue(p.trimStart == p.duration || p.pts + p.trimStart == 0);
            }
        }
        assertEquals(1000, trimmed);
        assertEquals(0, run.badPagesOrZero());
    }

    static void fixCrc(byte[] f, int p) {
        int segs = f[p + 26] & 0xFF;
        int len = 27 + segs;
        for (int i = 0; i < segs; i++) {
            len += f[p + 27 + i] & 0xFF;
        }
        for (int i = 22; i < 26; i++) {
            f[p + i] = 0;
        }
        int crc = OggCrc.ofPage(f, p, len);
        for (int i = 0; i < 4; i++) {
            f[p + 22 + i] = (byte) (crc >> (8 * i));
        }
    }

    static int nthPage(byte[] f, int n) {
        int found = 0;
        for (int i = 0; i + 4 <= f.length; i++) {
            if (f[i] == 'O' && f[i + 1] == 'g' && f[i + 2] == 'g' && f[i + 3] == 'S') {
                if (found++ == n) {
                    return i;
                }
            }
        }
        throw new AssertionError("no page " + n);
    }

    static void assertSamePackets(List<Packet> a, List<Packet> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            Packet x = a.get(i);
            Packet y = b.get(i);
            assertEquals(x.trackId, y.trackId);
            assertEquals(x.pts, y.pts);
            assertEquals(x.duration, y.duration);
            assertEquals(x.keyframe, y.keyframe);
            assertEquals(x.trimStart, y.trimStart);
            assertEquals(x.trimEnd, y.trimEnd);
            assertArrayEquals(java.util.Arrays.copyOfRange(x.data, x.offset, x.offset + x.length),
                    java.util.Arrays.copyOfRange(y.data, y.offset, y.offset + y.length));
        }
    }
}
