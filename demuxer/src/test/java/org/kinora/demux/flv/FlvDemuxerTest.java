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
import org.kinora.core.MediaException;
import org.kinora.core.Md5;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;
import org.kinora.demux.hevc.HevcConfigRecord;

class FlvDemuxerTest {
    static Path testdata(String name) {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve("flv").resolve(name);
    }

    static byte[] read(String name) throws IOException {
        return Files.readAllBytes(testdata(name));
    }

    /** What one run of the demuxer over a file produced. */
    static final class Run {
        final List<Packet> packets = new ArrayList<>();
        List<TrackInfo> tracks = List.of();
        int trackChanges;
        int seeks;
        FlvDemuxer demuxer;

        TrackInfo track(TrackType type) {
            for (TrackInfo t : tracks) {
                if (t.type() == type) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Drives a demuxer as a player would: chunks of {@code chunk} bytes (0: random sizes), answering SEEKs. */
    static Run demux(byte[] file, int chunk, boolean knowLength, double seekSeconds) {
        FlvDemuxer d = new FlvDemuxer();
        if (knowLength) {
            d.setInputLength(file.length);
        }
        Run run = new Run();
        run.demuxer = d;
        Random random = new Random(7);
        int pos = 0;
        int guard = 0;
        boolean seekPending = seekSeconds >= 0;
        while (true) {
            if (++guard > 20_000_000) {
                throw new AssertionError("the demuxer does not finish");
            }
            int r = d.poll();
            switch (r) {
                case Demuxer.NEED_MORE_DATA:
                    if (pos >= file.length) {
                        d.endOfInput();
                    } else {
                        int size = chunk > 0 ? chunk : 1 + random.nextInt(random.nextBoolean() ? 16 : 9000);
                        int n = Math.min(size, file.length - pos);
                        d.feed(file, pos, n);
                        pos += n;
                    }
                    break;
                case Demuxer.SEEK:
                    pos = (int) d.seekPosition();
                    run.seeks++;
                    break;
                case Demuxer.PACKET:
                    run.packets.add(d.packet().copy());
                    break;
                case Demuxer.TRACKS_CHANGED:
                    run.tracks = d.tracks();
                    run.trackChanges++;
                    if (seekPending) {
                        seekPending = false;
                        run.packets.clear();
                        d.seekTo(seekSeconds);
                    }
                    break;
                case Demuxer.END:
                    return run;
                default:
                    throw new AssertionError("unknown poll result " + r);
            }
        }
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
        assertEquals(expected, lines(demux(data, 1 << 20, true, -1)), "whole file");
        assertEquals(expected, lines(demux(data, 1, false, -1)), "a byte at a time, length unknown");
        assertEquals(expected, lines(demux(data, 0, false, -1)), "random chunks");
        assertEquals(ContainerFormat.FLV, Demuxers.detect(data, data.length));
    }

    @Test
    void tracksDescribeTheStreams() throws IOException {
        Run run = demux(read("hevc12_aac.flv"), 4096, true, -1);
        assertEquals(1, run.trackChanges, "one track announcement");
        TrackInfo v = run.track(TrackType.VIDEO);
        TrackInfo a = run.track(TrackType.AUDIO);
        assertEquals("hevc", v.codec());
        assertEquals(208, v.width());
        assertEquals(120, v.height());
        assertEquals(4, HevcConfigRecord.parse(v.codecConfig()).lengthSize);
        assertEquals(1000, v.timescale());
        assertEquals("aac", a.codec());
        assertEquals(44100, a.sampleRate());
        assertEquals(1, a.channels());
        assertEquals(3.08, run.demuxer.durationSeconds(), 1e-9, "onMetaData duration, as ffprobe reports it");

        Run g711 = demux(read("hevc_mulaw.flv"), 4096, true, -1);
        assertEquals("mulaw", g711.track(TrackType.AUDIO).codec());
        assertEquals(8000, g711.track(TrackType.AUDIO).sampleRate());
        assertEquals(2, g711.track(TrackType.AUDIO).channels());
        Run alaw = demux(read("alaw.flv"), 4096, true, -1);
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
        Run run = demux(file, 0, false, -1);
        assertEquals(expected, lines(run));
        assertTrue(run.demuxer.resyncs() >= inserted, "resyncs " + run.demuxer.resyncs() + " for " + inserted + " damaged places");
    }

    @Test
    void wrongPreviousTagSizesAreTolerated() throws IOException {
        byte[] file = read("hevc_aac.flv").clone();
        List<byte[]> parts = tags(file);
        for (int i = 1; i < parts.size(); i += 5) {
            byte[] t = parts.get(i);
            t[t.length - 1] ^= 0x5A; // the trailer no longer matches the tag size
        }
        Run run = demux(join(parts), 0, false, -1);
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
        Run run = demux(join(out), 0, false, -1);
        TrackInfo v = run.track(TrackType.VIDEO);
        assertNotNull(v, "the video track appears once parameter sets arrive");
        assertEquals(208, v.width());
        assertEquals(120, v.height());
        assertFalse(run.demuxer.awaitingVideoParameterSets());
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
        assertTrue(run.demuxer.skippedPackets() > 0);
    }

    /** A codec id 12 keyframe tag with the record's VPS, SPS and PPS put in front of its NAL units. */
    private static byte[] withParameterSets(byte[] tag, byte[] hvcc) {
        ByteArrayOutputStream nals = new ByteArrayOutputStream();
        int pos = 23;
        int arrays = hvcc[22] & 0xFF;
        for (int a = 0; a < arrays; a++) {
            int count = ((hvcc[pos + 1] & 0xFF) << 8) | (hvcc[pos + 2] & 0xFF);
            pos += 3;
            for (int i = 0; i < count; i++) {
                int n = ((hvcc[pos] & 0xFF) << 8) | (hvcc[pos + 1] & 0xFF);
                pos += 2;
                nals.write(0);
                nals.write(0);
                nals.write(n >> 8);
                nals.write(n & 0xFF);
                nals.write(hvcc, pos, n);
                pos += n;
            }
        }
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
            Run run = demux(data, 0, true, t);
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
    void mutantsEndInMediaExceptionsOrPackets() throws IOException {
        String[] files = {"hevc_aac.flv", "hevc12_aac.flv", "hevc_aac_index.flv", "alaw.flv", "hevc_mulaw.flv"};
        Random random = new Random(20261202);
        int failures = 0;
        for (int m = 0; m < 2000; m++) {
            byte[] data = read(files[m % files.length]).clone();
            int limit = Math.min(data.length, m % 3 == 0 ? 2048 : data.length);
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(limit);
                switch (random.nextInt(3)) {
                    case 0:
                        data[at] = (byte) random.nextInt(256);
                        break;
                    case 1:
                        data[at] ^= (byte) (1 << random.nextInt(8));
                        break;
                    default:
                        data[at] = (byte) (random.nextBoolean() ? 0xFF : 0);
                        break;
                }
            }
            if (random.nextInt(4) == 0) {
                data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
            }
            try {
                double seek = m % 5 == 0 ? random.nextDouble() * 4 : -1;
                demux(data, 0, m % 2 == 0, seek);
            } catch (MediaException e) {
                failures++;
            }
        }
        assertTrue(failures < 2000, "most mutants still demux");
    }

    @Test
    void wxInlinePlayerDemoFile() throws IOException {
        Path file = Path.of(System.getProperty("kinora.sharedMedia", "../../shared/media")).resolve("wxinlineplayer_10.flv");
        Assumptions.assumeTrue(Files.exists(file), "shared media not present: " + file);
        byte[] data = Files.readAllBytes(file);
        Run run = demux(data, 0, true, -1);
        assertEquals(1, run.tracks.size(), "HEVC only: the trailing AVC end-of-sequence tag makes no track");
        TrackInfo v = run.tracks.get(0);
        assertEquals("hevc", v.codec());
        assertEquals(640, v.width());
        assertEquals(480, v.height());
        assertEquals(128, run.packets.size());
        assertTrue(run.packets.get(0).keyframe);
        assertEquals(lines(run), lines(demux(data, 1, false, -1)));
    }
}
