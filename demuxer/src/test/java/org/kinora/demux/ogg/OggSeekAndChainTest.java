package org.kinora.demux.ogg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.Demuxer;
import org.junit.jupiter.api.Test;

class OggSeekAndChainTest {
    /** Demuxes until the tracks are known, seeks, and returns the packets from there on. */
    static List<Packet> packetsAfterSeek(byte[] file, double seconds, int chunk, int[] seekRequests) {
        OggDemuxer d = new OggDemuxer();
        d.setInputLength(file.length);
        List<Packet> out = new ArrayList<>();
        int pos = 0;
        boolean sought = false;
        for (int guard = 0; guard < 10_000_000; guard++) {
            int r = d.poll();
            if (r == Demuxer.NEED_MORE_DATA) {
                if (pos >= file.length) {
                    d.endOfInput();
                } else {
                    int n = Math.min(chunk, file.length - pos);
                    d.feed(file, pos, n);
                    pos += n;
                }
            } else if (r == Demuxer.SEEK) {
                pos = (int) d.seekPosition();
                if (sought) {
                    seekRequests[0]++;
                }
            } else if (r == Demuxer.TRACKS_CHANGED) {
                assertTrue(d.canSeek());
                d.seekTo(seconds);
                sought = true;
            } else if (r == Demuxer.PACKET) {
                assertTrue(sought);
                out.add(d.packet().copy());
            } else {
                return out;
            }
        }
        throw new AssertionError("no end");
    }

    static void assertSamePackets(List<Packet> expected, List<Packet> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Packet e = expected.get(i);
            Packet a = actual.get(i);
            assertEquals(e.pts, a.pts, "packet " + i);
            assertArrayEquals(Arrays.copyOfRange(e.data, e.offset, e.offset + e.length),
                    Arrays.copyOfRange(a.data, a.offset, a.offset + a.length), "packet " + i);
        }
    }

    @Test
    void parsingResumesAfterTheDurationProbeWithoutReadingTheHeadAgain() throws IOException {
        byte[] f = java.nio.file.Files.readAllBytes(OggTestSupport.testdata("theora", "motion_life.ogg"));
        int chunk = 16384;
        assertTrue(f.length > 4 * chunk + OggSeeker.TAIL, "a file longer than its head and tail");
        OggTestSupport.Run run = OggTestSupport.demux(f, chunk, true);
        // one seek to the tail, one back to where the head's bytes ended: the bytes after the
        // headers that were fed before the probe are parsed from the demuxer's own copy
        assertEquals(2, run.seeks, "seeks " + run.seekPositions);
        assertTrue(run.seekPositions.get(0) >= f.length - OggSeeker.TAIL, "the probe reads the tail: " + run.seekPositions);
        assertEquals(run.reachedAtSeek.get(0), run.seekPositions.get(1), "parsing goes on after the bytes already fed");
        assertTrue(run.bytesFed <= f.length + OggSeeker.TAIL + chunk, "bytes fed " + run.bytesFed + " for a file of " + f.length);
        assertSamePackets(OggTestSupport.demux(f, f.length, true).packets, run.packets);
    }

    @Test
    void aFileReadWholeBeforeTheProbeIsNotAskedForPastItsEnd() throws IOException {
        byte[] f = OggTestSupport.read("long_mono_16k_q1.ogg");
        OggTestSupport.Run run = OggTestSupport.demux(f, f.length, true);
        // the tail probe re-reads the file (it is shorter than the tail); the bytes after the
        // headers were all held, so nothing is asked for from the file's length
        assertEquals(1, run.seeks, "seeks " + run.seekPositions);
        assertTrue(run.seekPositions.get(0) < f.length);
        assertSamePackets(OggTestSupport.demux(f, 4096, true).packets, run.packets);
    }

    @Test
    void vorbisSeekLandsOnThePageBeforeTheTarget() throws IOException {
        byte[] f = OggTestSupport.read("long_mono_16k_q1.ogg");
        List<Packet> all = OggTestSupport.demux(f, 65536, true).packets;
        for (double t : new double[] {0, 2.5, 5.0, 7.3, 11.9}) {
            int[] seeks = {0};
            List<Packet> after = packetsAfterSeek(f, t, 4096, seeks);
            long target = Math.round(t * 16000);
            Packet first = after.get(0);
            assertTrue(first.pts <= target, "first pts " + first.pts + " after seeking to " + target);
            // one page here holds 16384 samples: the seek lands at most two pages early
            assertTrue(first.pts > target - 2 * 16384 - 4096, "first pts " + first.pts + " for " + target);
            assertTrue(seeks[0] >= 1 && seeks[0] < 20, "seek requests: " + seeks[0]);
            if (t == 0) {
                // back to the first data page: the same packets as a run from the start
                OggDemuxerTest.assertSamePackets(all, after);
                continue;
            }
            // from the second packet on, the packets equal those of a run from the start
            int at = indexOfPts(all, after.get(1).pts);
            assertTrue(at > 0);
            assertEquals(all.size() - at, after.size() - 1);
            for (int i = 1; i < after.size(); i++) {
                Packet a = all.get(at + i - 1);
                Packet b = after.get(i);
                assertEquals(a.pts, b.pts);
                assertEquals(a.trimEnd, b.trimEnd);
                assertArrayEquals(Arrays.copyOfRange(a.data, a.offset, a.offset + a.length),
                        Arrays.copyOfRange(b.data, b.offset, b.offset + b.length));
            }
        }
    }

    @Test
    void theoraSeekStartsAtTheKeyframeBeforeTheTarget() throws IOException {
        byte[] f = OggTestSupport.read("theora_vorbis.ogg");
        int[] seeks = {0};
        // 0.7 s is frame 17.5; keyframes are at 0, 12 and 24
        List<Packet> after = packetsAfterSeek(f, 0.7, 1000, seeks);
        Packet firstVideo = null;
        for (Packet p : after) {
            if (p.trackId == 0) {
                firstVideo = p;
                break;
            }
        }
        assertTrue(firstVideo.keyframe);
        assertEquals(12, firstVideo.pts);
        List<Packet> video = new ArrayList<>();
        for (Packet p : after) {
            if (p.trackId == 0) {
                video.add(p);
            }
        }
        assertEquals(13, video.size());
        assertEquals(24, video.get(12).pts);
        List<Packet> fromStart = packetsAfterSeek(f, 0.2, 1000, seeks);
        assertEquals(0, fromStart.stream().filter(p -> p.trackId == 0).findFirst().get().pts);
    }

    @Test
    void chainedLinksComeWithNewTracksAndContinuingTime() throws IOException {
        byte[] f = OggTestSupport.read("chained.ogg");
        OggTestSupport.Run run = OggTestSupport.demux(f, 3000, true);
        assertEquals(2, run.trackLists.size());
        TrackInfo first = run.trackLists.get(0).get(0);
        TrackInfo second = run.trackLists.get(1).get(0);
        assertEquals(8000, first.sampleRate());
        assertEquals(1, first.channels());
        assertEquals(11025, second.sampleRate());
        assertEquals(2, second.channels());
        assertEquals(7, second.id());
        assertEquals(8000, OggTestSupport.samples(run.of(first.id())));
        assertEquals(11025, OggTestSupport.samples(run.of(second.id())));
        // the second link starts where the first ended: at 1 s
        assertEquals(11025, run.of(second.id()).get(0).pts);
        // the duration of a chain is the sum of its links' (1 s each), found link by link
        assertEquals(2.0, run.duration, 1e-9);
        assertFalse(run.demuxer.canSeek());
        // byte at a time gives the same
        OggTestSupport.Run bytes = OggTestSupport.demux(f, 1, true);
        OggDemuxerTest.assertSamePackets(run.packets, bytes.packets);
        assertEquals(2.0, bytes.duration, 1e-9);
        // without the input length, no duration
        assertTrue(Double.isNaN(OggTestSupport.demux(f, 3000, false).duration));
    }

    @Test
    void aChainOfThreeLinksHasTheSumOfTheirDurations() throws IOException {
        byte[] chained = OggTestSupport.read("chained.ogg");
        byte[] third = OggTestSupport.read("stereo_11k_q3.ogg");
        double thirdDuration = OggTestSupport.demux(third, 65536, true).duration;
        assertTrue(thirdDuration > 0.5, "the third link alone: " + thirdDuration);
        byte[] f = concat(chained, third);
        for (int chunk : new int[] {1, 777, 65536}) {
            OggTestSupport.Run run = OggTestSupport.demux(f, chunk, true);
            assertEquals(3, run.trackLists.size());
            assertEquals(2.0 + thirdDuration, run.duration, 1e-9, "chunk " + chunk);
        }
    }

    @Test
    void skeletonAndUnknownStreamsAreSkipped() throws IOException {
        byte[] f = OggTestSupport.read("stereo_11k_q3.ogg");
        byte[] fishead = new byte[64];
        System.arraycopy("fishead\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, fishead, 0, 8);
        fishead[8] = 3;
        byte[] unknown = "\u0001foobar stream".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] skel = page(0x02, 0, 0x5EED, 0, fishead);
        byte[] unk = page(0x02, 0, 0x0BAD, 0, unknown);
        byte[] skelEos = page(0x04, 0, 0x5EED, 1, new byte[0]);
        // BOS pages first: skeleton, the Vorbis BOS page, the unknown stream; then the rest
        int second = OggDemuxerTest.nthPage(f, 1);
        byte[] mixed = concat(skel, Arrays.copyOfRange(f, 0, second), unk, skelEos, Arrays.copyOfRange(f, second, f.length));
        OggTestSupport.Run plain = OggTestSupport.demux(f, 65536, true);
        OggTestSupport.Run run = OggTestSupport.demux(mixed, 65536, true);
        assertEquals(1, run.trackLists.get(0).size());
        assertEquals(TrackType.AUDIO, run.trackLists.get(0).get(0).type());
        OggDemuxerTest.assertSamePackets(plain.packets, run.packets);
        assertEquals(plain.duration, run.duration);
    }

    @Test
    void manyBosPagesAreBounded() throws IOException {
        // 100000 BOS pages of unknown streams before a real file: only the first 64 are kept
        byte[] f = OggTestSupport.read("stereo_11k_q3.ogg");
        byte[] one = page(0x02, 0, 0, 0, new byte[] {9, 9, 9});
        byte[] junk = new byte[one.length * 100_000];
        for (int i = 0; i < 100_000; i++) {
            byte[] pg = page(0x02, 0, 1000 + i, 0, new byte[] {9, 9, 9});
            System.arraycopy(pg, 0, junk, i * one.length, one.length);
        }
        OggTestSupport.Run run = OggTestSupport.demux(concat(junk, f), 65536, false);
        // the file's own BOS page comes after the BOS phase's stream limit: no track from it
        assertTrue(run.trackLists.get(0).isEmpty());
        assertTrue(run.packets.isEmpty());
    }

    @Test
    void theoraGranuleSplitByVersion() {
        TheoraOggCodec v321 = theora(1);
        TheoraOggCodec v320 = theora(0);
        // shift 6: keyframe 13, 11 frames after it
        long g = 13L << 6 | 11;
        assertEquals(23, v321.granuleToFrame(g));
        assertEquals(24, v320.granuleToFrame(g));
        assertEquals(12, v321.granuleToKeyframe(g));
        assertEquals(13, v320.granuleToKeyframe(g));
        assertEquals(0, v321.granuleToFrame(1L << 6));
        assertEquals(0, v320.granuleToFrame(0));
    }

    @Test
    void fractionalFrameRateCountsTicksOfTheNumerator() {
        byte[] id = theoraId(1);
        // 30000/1001 fps
        id[22] = 0;
        id[23] = 0;
        id[24] = (byte) (30000 >> 8);
        id[25] = (byte) 30000;
        id[28] = (byte) (1001 >> 8);
        id[29] = (byte) 1001;
        TheoraOggCodec c = new TheoraOggCodec();
        c.parseHeader(0, id, id.length);
        assertEquals(30000, c.timescale());
        assertEquals(11 * 1001, c.granuleToEndTicks(11L << 6));
        assertEquals(10 * 1001, c.granuleToTicks(11L << 6));
    }

    private static TheoraOggCodec theora(int revision) {
        byte[] id = theoraId(revision);
        TheoraOggCodec c = new TheoraOggCodec();
        c.parseHeader(0, id, id.length);
        assertEquals(25, c.timescale());
        return c;
    }

    private static byte[] theoraId(int revision) {
        byte[] id = new byte[42];
        id[0] = (byte) 0x80;
        System.arraycopy("theora".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, id, 1, 6);
        id[7] = 3;
        id[8] = 2;
        id[9] = (byte) revision;
        id[11] = 4; // 4 x 3 macroblocks
        id[13] = 3;
        id[16] = 64; // 64 x 48 picture
        id[19] = 48;
        id[25] = 25; // 25/1 fps
        id[29] = 1;
        id[40] = (byte) (6 >> 3);
        id[41] = (byte) ((6 & 7) << 5);
        return id;
    }

    static byte[] page(int flags, long granule, int serial, int sequence, byte[] body) {
        int segs = body.length / 255 + 1;
        byte[] p = new byte[27 + segs + body.length];
        p[0] = 'O';
        p[1] = 'g';
        p[2] = 'g';
        p[3] = 'S';
        p[5] = (byte) flags;
        for (int i = 0; i < 8; i++) {
            p[6 + i] = (byte) (granule >> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            p[14 + i] = (byte) (serial >> (8 * i));
            p[18 + i] = (byte) (sequence >> (8 * i));
        }
        p[26] = (byte) segs;
        for (int i = 0; i < segs - 1; i++) {
            p[27 + i] = (byte) 255;
        }
        p[27 + segs - 1] = (byte) (body.length % 255);
        System.arraycopy(body, 0, p, 27 + segs, body.length);
        int crc = OggCrc.ofPage(p, 0, p.length);
        for (int i = 0; i < 4; i++) {
            p[22 + i] = (byte) (crc >> (8 * i));
        }
        return p;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] b : parts) {
            n += b.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    /** The last packet with that pts (the stream's first packet shares its pts with the second). */
    private static int indexOfPts(List<Packet> list, long pts) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).pts == pts) {
                return i;
            }
        }
        return -1;
    }
}
