package org.kinora.demux.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kinora.core.Md5;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.testing.DemuxerHarness;
import org.kinora.demux.testing.DemuxerHarness.Mode;
import org.kinora.demux.testing.DemuxerHarness.Run;
import org.kinora.demux.Demuxers;
import org.kinora.hevc.params.HevcConfigRecord;

class FlvDemuxerTest {
    static Path testdata(String name) {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve("flv").resolve(name);
    }

    static byte[] read(String name) throws IOException {
        return Files.readAllBytes(testdata(name));
    }

    static Run demux(byte[] file, Mode mode) {
        return DemuxerHarness.run(FlvDemuxer::new, file, mode);
    }

    static FlvDemuxer flv(Run run) {
        return (FlvDemuxer) run.demuxer;
    }

    static TrackInfo track(Run run, TrackType type) {
        for (TrackInfo t : run.tracks) {
            if (t.type() == type) {
                return t;
            }
        }
        return null;
    }

    /** The packet list in the form of the committed ffprobe references. */
    static List<String> lines(Run run) {
        List<String> out = new ArrayList<>();
        for (Packet p : run.packets) {
            String type = p.trackId == FlvDemuxer.VIDEO_TRACK ? "video" : "audio";
            byte[] data = new byte[p.length];
            System.arraycopy(p.data, p.offset, data, 0, p.length);
            out.add(type + "," + p.pts + "," + p.dts + "," + p.length + "," + (p.keyframe ? "K__" : "___") + ",MD5:" + md5(data));
        }
        return out;
    }

    static String md5(byte[] data) {
        Md5 m = new Md5();
        m.update(data);
        return m.digestHex();
    }

    static List<String> reference(String name) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(testdata(name))) {
            if (!line.isBlank()) {
                out.add(line.trim());
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "hevc_aac.flv, hevc_aac.packets",
        "hevc_aac_index.flv, hevc_aac_index.packets",
        "hevc12_aac.flv, hevc_aac.packets",
        "hevc12_intra.flv, hevc12_intra.packets",
        "alaw.flv, alaw.packets",
        "hevc_mulaw.flv, hevc_mulaw.packets",
    })
    void packetsEqualFfprobe(String file, String packets) throws IOException {
        byte[] data = read(file);
        List<String> expected = reference(packets);
        assertEquals(expected, lines(demux(data, Mode.WHOLE)), "whole file");
        assertEquals(expected, lines(demux(data, Mode.BYTE_AT_A_TIME)), "a byte at a time");
        assertEquals(expected, lines(demux(data, Mode.UNKNOWN_LENGTH)), "length unknown");
        assertEquals(ContainerFormat.FLV, Demuxers.detect(data, data.length));
    }

    @Test
    void tracksDescribeTheStreams() throws IOException {
        Run run = demux(read("hevc12_aac.flv"), Mode.RANDOM_CHUNKS);
                TrackInfo v = track(run, TrackType.VIDEO);
        TrackInfo a = track(run, TrackType.AUDIO);
        assertEquals("hevc", v.codec());
        assertEquals(208, v.width());
        assertEquals(120, v.height());
        assertEquals(4, HevcConfigRecord.parse(v.codecConfig()).lengthSize);
        assertEquals(1000, v.timescale());
        assertEquals("aac", a.codec());
        assertEquals(44100, a.sampleRate());
        assertEquals(1, a.channels());
        assertEquals(3.08, run.demuxer.durationSeconds(), 1e-9, "onMetaData duration, as ffprobe reports it");

        Run g711 = demux(read("hevc_mulaw.flv"), Mode.RANDOM_CHUNKS);
        assertEquals("mulaw", track(g711, TrackType.AUDIO).codec());
        assertEquals(8000, track(g711, TrackType.AUDIO).sampleRate());
        assertEquals(2, track(g711, TrackType.AUDIO).channels());
        Run alaw = demux(read("alaw.flv"), Mode.RANDOM_CHUNKS);
        assertEquals(1, alaw.tracks.size());
        assertEquals("alaw", alaw.tracks.get(0).codec());
        assertEquals(1, alaw.tracks.get(0).channels());
    }

    /** Splits an FLV file into its header (with PreviousTagSize0) and its tags (each with its trailer). */
    static List<byte[]> tags(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int offset = ((file[5] & 0xFF) << 24) | ((file[6] & 0xFF) << 16) | ((file[7] & 0xFF) << 8) | (file[8] & 0xFF);
        out.add(java.util.Arrays.copyOf(file, offset + 4));
        int p = offset + 4;
        while (p + 11 <= file.length) {
            int size = ((file[p + 1] & 0xFF) << 16) | ((file[p + 2] & 0xFF) << 8) | (file[p + 3] & 0xFF);
            int end = Math.min(file.length, p + 11 + size + 4);
            out.add(java.util.Arrays.copyOfRange(file, p, end));
            p = end;
        }
        return out;
    }

    static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : parts) {
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    @Test
    void garbageBetweenTagsIsSkipped() throws IOException {
        byte[] clean = read("hevc_aac.flv");
        List<String> expected = reference("hevc_aac.packets");
        List<byte[]> parts = tags(clean);
        Random random = new Random(3);
        List<byte[]> damaged = new ArrayList<>();
        int inserted = 0;
        for (int i = 0; i < parts.size(); i++) {
            damaged.add(parts.get(i));
            if (i > 3 && i % 17 == 0) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                damaged.add(junk);
                inserted++;
            }
        }
        byte[] file = join(damaged);
        Run run = demux(file, Mode.UNKNOWN_LENGTH);
        assertEquals(expected, lines(run));
        assertTrue(flv(run).resyncs() >= inserted, "resyncs " + flv(run).resyncs() + " for " + inserted + " damaged places");
    }

    @Test
    void wrongPreviousTagSizesAreTolerated() throws IOException {
        byte[] file = read("hevc_aac.flv").clone();
        List<byte[]> parts = tags(file);
        for (int i = 1; i < parts.size(); i += 5) {
            byte[] t = parts.get(i);
            t[t.length - 1] ^= 0x5A; // the trailer no longer matches the tag size
        }
        Run run = demux(join(parts), Mode.RANDOM_CHUNKS);
        assertEquals(reference("hevc_aac.packets"), lines(run));
    }

    /**
     * A relay that joins a live stream late: no sequence header, the first tags are not keyframes,
     * and the parameter sets come in band with each keyframe. Video starts at the first keyframe.
     */
    @Test
    void lateJoinerWaitsForInBandParameterSets() throws IOException {
        byte[] file = read("hevc12_aac.flv");
        List<byte[]> parts = tags(file);
        byte[] sequenceHeader = null;
        List<byte[]> out = new ArrayList<>();
        out.add(parts.get(0));
        int videoSeen = 0;
        for (int i = 1; i < parts.size(); i++) {
            byte[] t = parts.get(i);
            int type = t[0] & 0x1F;
            if (type != 9) {
                if (type == 8 && videoSeen > 0) {
                    out.add(t);
                }
                continue;
            }
            int packetType = t[12] & 0xFF;
            if (packetType == 0) {
                sequenceHeader = java.util.Arrays.copyOfRange(t, 16, t.length - 4);
                continue;
            }
            videoSeen++;
            if (videoSeen <= 3) {
                continue; // joined after the first keyframe and two more pictures
            }
            boolean key = (t[11] & 0xF0) == 0x10;
            out.add(key ? withParameterSets(t, sequenceHeader) : t);
        }
        Run run = demux(join(out), Mode.UNKNOWN_LENGTH);
        TrackInfo v = track(run, TrackType.VIDEO);
        assertNotNull(v, "the video track appears once parameter sets arrive");
        assertEquals(208, v.width());
        assertEquals(120, v.height());
        assertFalse(flv(run).awaitingVideoParameterSets());
        Packet first = null;
        for (Packet p : run.packets) {
            if (p.trackId == FlvDemuxer.VIDEO_TRACK) {
                first = p;
                break;
            }
        }
        assertNotNull(first);
        assertTrue(first.keyframe, "video starts at a keyframe");
        assertEquals(1000, first.dts, "the second keyframe, one second in");
        assertTrue(flv(run).skippedPackets() > 0);
    }

    /** A codec id 12 keyframe tag with the record's VPS, SPS and PPS put in front of its NAL units. */
    private static byte[] withParameterSets(byte[] tag, byte[] hvcc) {
        ByteArrayOutputStream nals = new ByteArrayOutputStream();
        HevcConfigRecord.walk(hvcc, (type, data, offset, n) -> {
            nals.write(0);
            nals.write(0);
            nals.write(n >> 8);
            nals.write(n & 0xFF);
            nals.write(data, offset, n);
        });
        byte[] ps = nals.toByteArray();
        int bodyStart = 11 + 5;
        int bodySize = tag.length - 4 - 11;
        int newSize = bodySize + ps.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag[0]);
        out.write(newSize >> 16);
        out.write(newSize >> 8);
        out.write(newSize);
        out.write(tag, 4, 7);
        out.write(tag, 11, 5);
        out.write(ps, 0, ps.length);
        out.write(tag, bodyStart, tag.length - 4 - bodyStart);
        int trailer = 11 + newSize;
        out.write(trailer >> 24);
        out.write(trailer >> 16);
        out.write(trailer >> 8);
        out.write(trailer);
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({
        "hevc_aac.flv, hevc_aac.packets, false",
        "hevc_aac_index.flv, hevc_aac_index.packets, true",
        "hevc12_aac.flv, hevc_aac.packets, false",
        "alaw.flv, alaw.packets, false",
    })
    void seeksLandOnTheLastRandomAccessPointBeforeTheTarget(String file, String packets, boolean indexed) throws IOException {
        byte[] data = read(file);
        List<String> all = reference(packets);
        boolean hasVideo = all.get(0).startsWith("video") || all.stream().anyMatch(l -> l.startsWith("video"));
        for (double t : new double[] {0, 0.7, 1.0, 1.5, 2.04, 2.9, 10}) {
            Run run = DemuxerHarness.runWithSeek(FlvDemuxer::new, data, t, 7);
            List<String> got = lines(run);
            assertFalse(got.isEmpty(), "packets after a seek to " + t);
            // the first random-access packet of the seeked run, and everything after it, is the tail of a full read
            int start = all.indexOf(got.get(0));
            assertTrue(start >= 0, "seek to " + t + " starts at a packet of the file: " + got.get(0));
            assertEquals(all.subList(start, Math.min(all.size(), start + got.size())), got, "seek to " + t);
            long targetMs = Math.round(t * 1000);
            String kind = hasVideo ? "video" : "audio";
            String firstOfKind = got.stream().filter(l -> l.startsWith(kind)).findFirst().orElseThrow();
            String[] f = firstOfKind.split(",");
            assertEquals("K__", f[4], "seek to " + t + " starts at a keyframe");
            long pts = Long.parseLong(f[1]);
            assertTrue(pts <= Math.max(targetMs, 0) || t == 0, "keyframe presented at " + pts + " ms for a seek to " + t);
            // no later keyframe of that kind is presented at or before the target
            for (int i = all.indexOf(firstOfKind) + 1; i < all.size(); i++) {
                String[] g = all.get(i).split(",");
                if (g[0].equals(kind) && g[4].equals("K__")) {
                    assertTrue(Long.parseLong(g[1]) > targetMs, "a later keyframe at " + g[1] + " ms was skipped for a seek to " + t);
                    break;
                }
            }
            if (indexed && t > 0) {
                assertTrue(run.seeks <= 2, "the keyframe index is used: " + run.seeks + " seeks");
            }
        }
    }

    @Test
    void liveStreamsCannotSeek() throws IOException {
        FlvDemuxer d = new FlvDemuxer();
        byte[] data = read("hevc_aac.flv");
        d.feed(data, 0, data.length);
        while (d.poll() != Demuxer.TRACKS_CHANGED) {
            // read up to the track list
        }
        assertFalse(d.canSeek());
    }

    @Test
    void wxInlinePlayerDemoFile() throws IOException {
        Path file = Path.of(System.getProperty("kinora.sharedMedia", "../../shared/media")).resolve("wxinlineplayer_10.flv");
        Assumptions.assumeTrue(Files.exists(file), "shared media not present: " + file);
        byte[] data = Files.readAllBytes(file);
        Run run = demux(data, Mode.RANDOM_CHUNKS);
        assertEquals(1, run.tracks.size(), "HEVC only: the trailing AVC end-of-sequence tag makes no track");
        TrackInfo v = run.tracks.get(0);
        assertEquals("hevc", v.codec());
        assertEquals(640, v.width());
        assertEquals(480, v.height());
        assertEquals(128, run.packets.size());
        assertTrue(run.packets.get(0).keyframe);
        assertEquals(lines(run), lines(demux(data, Mode.BYTE_AT_A_TIME)));
    }
}
