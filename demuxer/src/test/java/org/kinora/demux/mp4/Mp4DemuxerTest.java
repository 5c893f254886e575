package org.kinora.demux.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.demux.testing.DemuxerHarness;
import org.kinora.demux.testing.PacketOracle;

/** MP4 fixtures (testdata/mp4/make.sh) under the shared harness and the ffprobe packet oracle. */
class Mp4DemuxerTest {
    @ParameterizedTest
    @ValueSource(strings = {"moov_last.mp4", "moov_first_hev1.mp4", "intra.mp4", "intra_main10.mp4", "alaw.mov", "ulaw.mov",
        "frag.mp4", "frag_sidx.mp4", "frag_mfra.ismv", "unsupported_video.mp4", "ctts_v1.mp4", "dash_segments.mp4", "props.mp4"})
    void packetsEqualFfprobe(String name) throws IOException {
        byte[] file = DemuxerHarness.read("mp4", name);
        DemuxerHarness.Run run = DemuxerHarness.run(Mp4Demuxer::new, file, DemuxerHarness.Mode.WHOLE);
        int n = PacketOracle.assertMatches(run, DemuxerHarness.testdata("mp4", name.replaceAll("\\.[a-z0-9]+$", ".packets")));
        assertTrue(n > 0);
        PacketOracle.assertSameOrder(run, DemuxerHarness.testdata("mp4", name.replaceAll("\\.[a-z0-9]+$", ".packets")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"moov_last.mp4", "moov_first_hev1.mp4", "intra.mp4", "alaw.mov", "frag.mp4", "frag_sidx.mp4",
        "frag_mfra.ismv", "unsupported_video.mp4", "ctts_v1.mp4", "dash_segments.mp4"})
    void harness(String name) throws IOException {
        byte[] file = DemuxerHarness.read("mp4", name);
        DemuxerHarness.Run full = DemuxerHarness.assertConsistent(Mp4Demuxer::new, file);
        DemuxerHarness.assertSeeks(Mp4Demuxer::new, file, full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"moov_last.mp4", "frag.mp4", "moov_first_hev1.mp4", "dash_segments.mp4", "alaw.mov", "frag_mfra.ismv"})
    void mutants(String name) throws IOException {
        int errors = DemuxerHarness.assertMutantsSafe(Mp4Demuxer::new, DemuxerHarness.read("mp4", name), name.hashCode(), 2000);
        assertTrue(errors > 0);
    }

    @org.junit.jupiter.api.Test
    void moovAfterMdatIsReachedWithASeek() throws IOException {
        byte[] file = DemuxerHarness.read("mp4", "moov_last.mp4");
        DemuxerHarness.Run run = DemuxerHarness.run(Mp4Demuxer::new, file, DemuxerHarness.Mode.BYTE_AT_A_TIME);
        assertEquals(2, run.seeks, "past the mdat to the moov, then back to the first sample");
    }

    @org.junit.jupiter.api.Test
    void displayPropertiesReachTheTrack() throws IOException {
        DemuxerHarness.Run run = DemuxerHarness.run(Mp4Demuxer::new, DemuxerHarness.read("mp4", "props.mp4"), DemuxerHarness.Mode.WHOLE);
        org.kinora.core.TrackInfo t = run.tracks.get(0);
        // tkhd matrix {0, -1, 1, 0}: ffprobe's display matrix rotation 90 counterclockwise, 270 clockwise
        assertEquals(270, t.rotation());
        assertEquals(4, t.pixelAspectNum());
        assertEquals(3, t.pixelAspectDen());
        assertEquals(1, t.colour().matrixCoefficients);
        assertEquals(1, t.colour().colourPrimaries);
        assertEquals(1, t.colour().transferCharacteristics);
        assertTrue(t.colour().fullRange);
        assertEquals(96, t.width());
        assertEquals(64, t.height());
    }

    @org.junit.jupiter.api.Test
    void fragmentedSeekGoesThroughMfra() throws IOException {
        byte[] file = DemuxerHarness.read("mp4", "frag.mp4");
        int mfraSize = java.nio.ByteBuffer.wrap(file, file.length - 4, 4).getInt();
        Mp4Demuxer d = new Mp4Demuxer();
        d.setInputLength(file.length);
        java.util.List<Long> seeks = new java.util.ArrayList<>();
        org.kinora.core.Packet first = null;
        int pos = 0;
        boolean sought = false;
        for (int guard = 0; guard < 100_000 && first == null; guard++) {
            if (!sought && d.canSeek()) {
                d.seekTo(0.7);
                sought = true;
            }
            int r = d.poll();
            if (r == org.kinora.demux.Demuxer.NEED_MORE_DATA) {
                if (pos == file.length) {
                    d.endOfInput();
                } else {
                    d.feed(file, pos, Math.min(1000, file.length - pos));
                    pos = Math.min(file.length, pos + 1000);
                }
            } else if (r == org.kinora.demux.Demuxer.SEEK) {
                pos = (int) d.seekPosition();
                if (sought) {
                    seeks.add(d.seekPosition());
                }
            } else if (r == org.kinora.demux.Demuxer.PACKET && sought && d.packet().trackId == 1) {
                first = d.packet().copy();
            }
        }
        assertEquals(java.util.List.of((long) file.length - 16, (long) file.length - mfraSize, seeks.get(2)), seeks,
                "mfro, mfra, then the moof: no scan");
        // keyframes every 10 frames at 25 fps: the one at 0.4 s, pts 1024 ticks of B-frame delay later
        assertTrue(first.keyframe);
        assertEquals(10 * 512 + 1024, first.pts);
    }
}
