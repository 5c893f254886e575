package org.kinora.demux.adts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;

class AdtsDemuxerTest {
    private static Path testdata() {
        Path p = Paths.get("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("testdata/aac"))) {
            p = p.getParent();
        }
        return p.resolve("testdata/aac");
    }

    /** Feeds {@code data} in chunks of 1 to {@code maxChunk} bytes and collects packet copies. */
    static List<Packet> demux(Demuxer d, byte[] data, int maxChunk, long seed, List<TrackInfo> tracks) {
        Random rnd = new Random(seed);
        List<Packet> packets = new ArrayList<>();
        int pos = 0;
        while (true) {
            int r = d.poll();
            if (r == Demuxer.PACKET) {
                packets.add(d.packet().copy());
            } else if (r == Demuxer.TRACKS_CHANGED) {
                tracks.clear();
                tracks.addAll(d.tracks());
            } else if (r == Demuxer.END) {
                return packets;
            } else if (r == Demuxer.NEED_MORE_DATA) {
                if (pos == data.length) {
                    d.endOfInput();
                } else {
                    int n = Math.min(data.length - pos, 1 + rnd.nextInt(maxChunk));
                    d.feed(data, pos, n);
                    pos += n;
                }
            }
        }
    }

    /** Packets (count, pts, duration, size, bytes) match ffprobe's list, in any chunking. */
    @ParameterizedTest
    @ValueSource(strings = {"stereo_44k_128k", "surround51_pce"})
    void packetsMatchFfprobe(String name) throws Exception {
        byte[] data = Files.readAllBytes(testdata().resolve(name + ".aac"));
        assertEquals(ContainerFormat.ADTS, Demuxers.detect(data, data.length));
        List<String> ref = Files.readAllLines(testdata().resolve(name + ".packets"));
        for (int chunk : new int[] {1, 97, 1 << 20}) {
            List<TrackInfo> tracks = new ArrayList<>();
            List<Packet> packets = demux(Demuxers.create(ContainerFormat.ADTS), data, chunk, chunk, tracks);
            assertEquals(1, tracks.size());
            TrackInfo t = tracks.get(0);
            assertEquals(TrackInfo.AAC, t.codec());
            assertEquals(ref.size(), packets.size());
            int filePos = 0;
            for (int i = 0; i < ref.size(); i++) {
                String[] f = ref.get(i).split(",");
                Packet p = packets.get(i);
                // ffmpeg's raw AAC time base is 1/28224000
                assertEquals(Long.parseLong(f[0]), p.pts * (28224000 / t.sampleRate()), "pts " + i);
                assertEquals(Long.parseLong(f[1]), p.duration * (28224000 / t.sampleRate()), "duration " + i);
                int size = Integer.parseInt(f[2]);
                assertEquals(size - 7, p.length, "size " + i);
                byte[] payload = java.util.Arrays.copyOfRange(data, filePos + 7, filePos + size);
                assertArrayEquals(payload, java.util.Arrays.copyOfRange(p.data, p.offset, p.offset + p.length));
                filePos += size;
            }
        }
    }

    @Test
    void stereoTrackCarriesItsAudioSpecificConfig() throws Exception {
        byte[] data = Files.readAllBytes(testdata().resolve("stereo_44k_128k.aac"));
        List<TrackInfo> tracks = new ArrayList<>();
        demux(Demuxers.create(ContainerFormat.ADTS), data, 4096, 1, tracks);
        TrackInfo t = tracks.get(0);
        assertEquals(44100, t.sampleRate());
        assertEquals(2, t.channels());
        // object type 2, index 4 (44.1 kHz), channel configuration 2
        assertArrayEquals(new byte[] {0x12, 0x10}, t.codecConfig());
    }

    /** Garbage between frames is skipped; a file with no frame at all is refused. */
    @Test
    void resynchronises() throws Exception {
        byte[] data = Files.readAllBytes(testdata().resolve("stereo_44k_128k.aac"));
        int first = 321;
        byte[] withGarbage = new byte[data.length + 50];
        System.arraycopy(data, 0, withGarbage, 0, first);
        for (int i = 0; i < 50; i++) {
            withGarbage[first + i] = (byte) (i * 37);
        }
        System.arraycopy(data, first, withGarbage, first + 50, data.length - first);
        List<TrackInfo> tracks = new ArrayList<>();
        assertEquals(23, demux(new AdtsDemuxer(), withGarbage, 64, 3, tracks).size());
        assertThrows(MalformedStreamException.class, () -> demux(new AdtsDemuxer(), new byte[100_000], 4096, 1, new ArrayList<>()));
    }
}
