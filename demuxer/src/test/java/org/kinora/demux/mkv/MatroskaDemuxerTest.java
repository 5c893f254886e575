package org.kinora.demux.mkv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.core.TrackInfo;
import org.kinora.demux.testing.DemuxerHarness;
import org.kinora.demux.testing.PacketOracle;

/** Matroska/WebM fixtures (testdata/matroska/make.sh) under the shared harness and the ffprobe packet oracle. */
class MatroskaDemuxerTest {
    @ParameterizedTest
    @ValueSource(strings = {"theora_vorbis.mkv", "vorbis.webm", "live.webm", "hevc_aac_laced.mkv", "laced_nocues.mkv", "colour.mkv", "hevc_intra.mkv"})
    void packetsEqualFfprobe(String name) throws IOException {
        byte[] file = DemuxerHarness.read("matroska", name);
        DemuxerHarness.Run run = DemuxerHarness.run(MatroskaDemuxer::new, file, DemuxerHarness.Mode.WHOLE);
        // Matroska stores no decode times: ffprobe's dts of HEVC is FFmpeg's guess, not compared
        int n = PacketOracle.assertMatches(run, DemuxerHarness.testdata("matroska", name.replaceAll("\\.[a-z]+$", ".packets")),
                t -> TrackInfo.HEVC.equals(t.codec()));
        assertTrue(n > 0);
        PacketOracle.assertSameOrder(run, DemuxerHarness.testdata("matroska", name.replaceAll("\\.[a-z0-9]+$", ".packets")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"theora_vorbis.mkv", "vorbis.webm", "live.webm", "hevc_aac_laced.mkv", "laced_nocues.mkv"})
    void harness(String name) throws IOException {
        byte[] file = DemuxerHarness.read("matroska", name);
        DemuxerHarness.Run full = DemuxerHarness.assertConsistent(MatroskaDemuxer::new, file);
        DemuxerHarness.assertSeeks(MatroskaDemuxer::new, file, full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"theora_vorbis.mkv", "live.webm", "hevc_aac_laced.mkv", "laced_nocues.mkv"})
    void mutants(String name) throws IOException {
        int errors = DemuxerHarness.assertMutantsSafe(MatroskaDemuxer::new, DemuxerHarness.read("matroska", name), name.hashCode(), 2000);
        assertTrue(errors > 0);
    }

    @Test
    void tracksOfTheoraVorbis() throws IOException {
        DemuxerHarness.Run run = DemuxerHarness.run(MatroskaDemuxer::new, DemuxerHarness.read("matroska", "theora_vorbis.mkv"),
                DemuxerHarness.Mode.WHOLE);
        assertEquals(2, run.tracks.size());
        TrackInfo v = run.tracks.get(0);
        TrackInfo a = run.tracks.get(1);
        assertEquals(TrackInfo.THEORA, v.codec());
        assertEquals(96, v.width());
        assertEquals(64, v.height());
        assertEquals(1000, v.timescale());
        assertEquals(3, v.codecHeaders().size());
        assertEquals(0x80, v.codecHeaders().get(0)[0] & 0xFF);
        assertEquals(TrackInfo.VORBIS, a.codec());
        assertEquals(22050, a.sampleRate());
        assertEquals(1, a.channels());
        assertEquals(3, a.codecHeaders().size());
        assertEquals(5, a.codecHeaders().get(2)[0]);
    }

    @Test
    void colourAndDisplayAspect() throws IOException {
        DemuxerHarness.Run run = DemuxerHarness.run(MatroskaDemuxer::new, DemuxerHarness.read("matroska", "colour.mkv"),
                DemuxerHarness.Mode.WHOLE);
        TrackInfo t = run.tracks.get(0);
        // DisplayWidth 2, DisplayHeight 1 (DisplayUnit 3, an aspect ratio) over 96x64 pixels: 4:3 pixels
        assertEquals(4, t.pixelAspectNum());
        assertEquals(3, t.pixelAspectDen());
        assertEquals(1, t.colour().matrixCoefficients);
        assertEquals(1, t.colour().colourPrimaries);
        assertEquals(1, t.colour().transferCharacteristics);
        assertEquals(false, t.colour().fullRange);
    }

    /** Seek requests after seekTo(0.7): the first is where the SeekHead puts the Cues, the next the cue's Cluster. */
    private static java.util.List<Long> seeksFor(byte[] file, double target, org.kinora.core.Packet[] firstVideo) {
        MatroskaDemuxer d = new MatroskaDemuxer();
        d.setInputLength(file.length);
        java.util.List<Long> seeks = new java.util.ArrayList<>();
        int pos = 0;
        boolean sought = false;
        for (int guard = 0; guard < 1_000_000 && firstVideo[0] == null; guard++) {
            if (!sought && d.canSeek()) {
                d.seekTo(target);
                sought = true;
            }
            int r = d.poll();
            if (r == org.kinora.demux.Demuxer.NEED_MORE_DATA) {
                if (pos == file.length) {
                    d.endOfInput();
                } else {
                    d.feed(file, pos, Math.min(500, file.length - pos));
                    pos = Math.min(file.length, pos + 500);
                }
            } else if (r == org.kinora.demux.Demuxer.SEEK) {
                pos = (int) d.seekPosition();
                seeks.add(d.seekPosition());
            } else if (r == org.kinora.demux.Demuxer.PACKET && sought && d.packet().trackId == 1) {
                firstVideo[0] = d.packet().copy();
            } else if (r == org.kinora.demux.Demuxer.END) {
                break;
            }
        }
        return seeks;
    }

    @Test
    void seekingUsesTheCuesTheSeekHeadPointsAt() throws IOException {
        byte[] file = DemuxerHarness.read("matroska", "theora_vorbis.mkv");
        org.kinora.core.Packet[] first = {null};
        java.util.List<Long> seeks = seeksFor(file, 0.7, first);
        assertEquals(2, seeks.size(), "to the Cues, then to the Cluster: " + seeks);
        // the Cues element starts at the first seek position
        assertEquals(0x1C, file[(int) (long) seeks.get(0)] & 0xFF);
        assertEquals(0x1F, file[(int) (long) seeks.get(1)] & 0xFF, "a Cluster");
        // -g 12 at 25 fps, video starting at 12 ms (ffprobe): the keyframe at 0.492 s
        assertTrue(first[0].keyframe);
        assertEquals(492, first[0].pts);
    }

    @Test
    void seekingWithoutCuesBisects() throws IOException {
        byte[] file = DemuxerHarness.read("matroska", "laced_nocues.mkv");
        org.kinora.core.Packet[] first = {null};
        java.util.List<Long> seeks = seeksFor(file, 0.7, first);
        assertTrue(seeks.size() >= 3 && seeks.size() < 20, "bisection probes, then the Cluster: " + seeks);
        assertTrue(first[0].keyframe);
        assertEquals(492, first[0].pts);
    }

    /**
     * A player asks canSeek() once, at the first TRACKS_CHANGED, before any Cluster was read: it
     * must already be true for files with and without Cues, and a seek from there gives the video
     * packets of the whole-file read from a keyframe at or before the target.
     */
    @ParameterizedTest
    @ValueSource(strings = {"theora_vorbis.mkv", "hevc_aac_laced.mkv", "laced_nocues.mkv"})
    void seekableWhenTheTracksAreKnown(String name) throws IOException {
        byte[] file = DemuxerHarness.read("matroska", name);
        java.util.List<org.kinora.core.Packet> whole = DemuxerHarness.run(MatroskaDemuxer::new, file, DemuxerHarness.Mode.WHOLE).of(1);
        MatroskaDemuxer d = new MatroskaDemuxer();
        d.setInputLength(file.length);
        java.util.List<org.kinora.core.Packet> after = new java.util.ArrayList<>();
        int pos = 0;
        boolean sought = false;
        for (int guard = 0; guard < 1_000_000; guard++) {
            int r = d.poll();
            if (r == org.kinora.demux.Demuxer.NEED_MORE_DATA) {
                if (pos == file.length) {
                    d.endOfInput();
                } else {
                    d.feed(file, pos, Math.min(500, file.length - pos));
                    pos = Math.min(file.length, pos + 500);
                }
            } else if (r == org.kinora.demux.Demuxer.SEEK) {
                pos = (int) d.seekPosition();
            } else if (r == org.kinora.demux.Demuxer.TRACKS_CHANGED && !sought) {
                assertTrue(d.canSeek(), "seekable at the first TRACKS_CHANGED");
                d.seekTo(0.5);
                sought = true;
            } else if (r == org.kinora.demux.Demuxer.PACKET && d.packet().trackId == 1) {
                assertTrue(sought);
                after.add(d.packet().copy());
            } else if (r == org.kinora.demux.Demuxer.END) {
                break;
            }
        }
        assertTrue(sought);
        assertTrue(after.get(0).keyframe);
        assertTrue(after.get(0).pts <= 500 && after.get(0).pts > 300, "first video packet at " + after.get(0).pts);
        int from = 0;
        while (whole.get(from).pts != after.get(0).pts) {
            from++;
        }
        assertEquals(whole.size() - from, after.size());
        for (int i = 0; i < after.size(); i++) {
            org.kinora.core.Packet a = after.get(i);
            org.kinora.core.Packet w = whole.get(from + i);
            assertEquals(w.pts, a.pts);
            assertEquals(java.nio.ByteBuffer.wrap(w.data, w.offset, w.length), java.nio.ByteBuffer.wrap(a.data, a.offset, a.length));
        }
    }
}
