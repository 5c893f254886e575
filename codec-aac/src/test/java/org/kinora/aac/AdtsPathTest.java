package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;

/**
 * ADTS files through the demuxer and the decoder made from its {@link TrackInfo}, including
 * frames that carry several raw_data_blocks, with and without CRCs (1.A.2.2).
 */
class AdtsPathTest {
    /** blocksPerFrame 1 is the file as ffmpeg wrote it; 2 to 4 regroup its blocks. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "2crc", "4crc", "1crc"})
    void regroupedFramesDecodeTheSame(String mode) throws Exception {
        String name = "stereo_44k_128k";
        int blocks = Integer.parseInt(mode.substring(0, 1));
        boolean crc = mode.endsWith("crc");
        List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read(name + ".aac"));
        byte[] file = blocks == 1 && !crc ? Fixtures.read(name + ".aac") : regroup(frames, blocks, crc);
        ContainerFormat format = Demuxers.detect(file, file.length);
        assertEquals(ContainerFormat.ADTS, format);
        Demuxer dm = Demuxers.create(format);
        dm.feed(file, 0, file.length);
        dm.endOfInput();
        AacDecoder d = null;
        List<float[]> out = new ArrayList<>();
        int total = 0;
        long expectedPts = 0;
        for (int r = dm.poll(); r != Demuxer.END; r = dm.poll()) {
            if (r == Demuxer.TRACKS_CHANGED) {
                TrackInfo t = dm.tracks().get(0);
                assertEquals(TrackInfo.AAC, t.codec());
                d = new AacDecoder(t);
            } else if (r == Demuxer.PACKET) {
                Packet p = dm.packet();
                assertEquals(expectedPts, p.pts);
                d.decode(p);
                AudioBlock b = d.receive();
                assertEquals(p.duration, b.frames);
                expectedPts += b.frames;
                float[] inter = new float[b.frames * 2];
                for (int i = 0; i < b.frames; i++) {
                    inter[2 * i] = b.samples[0][i];
                    inter[2 * i + 1] = b.samples[1][i];
                }
                out.add(inter);
                total += inter.length;
            }
        }
        float[] ours = new float[total];
        int o = 0;
        for (float[] f : out) {
            System.arraycopy(f, 0, ours, o, f.length);
            o += f.length;
        }
        short[] ref = Fixtures.reference(name);
        int whole = frames.size() / blocks * blocks * 1024 * 2;
        assertEquals(whole, ours.length);
        short[] cut = java.util.Arrays.copyOf(ref, whole);
        Comparison.Result res = Comparison.compare(ours, cut, 2);
        assertTrue(res.maxDiff <= 2 && res.rms <= 0.5, mode + ": " + res);
        assertEquals(0, d.concealedBlocks());
    }

    /** ADTS frames of {@code blocks} raw_data_blocks each (the incomplete tail is dropped). */
    private static byte[] regroup(List<Fixtures.Frame> frames, int blocks, boolean crc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Fixtures.Frame f0 = frames.get(0);
        for (int i = 0; i + blocks <= frames.size(); i += blocks) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int headerLength = crc ? 7 + 2 * (blocks - 1) + 2 : 7;
            int[] positions = new int[blocks];
            for (int b = 0; b < blocks; b++) {
                positions[b] = headerLength + body.size();
                byte[] p = frames.get(i + b).payload;
                body.write(p, 0, p.length);
                if (crc && blocks > 1) {
                    body.write(0xC5); // CRCs are not checked: any value
                    body.write(0x3A);
                }
            }
            int length = headerLength + body.size();
            Bits h = new Bits().put(12, 0xFFF).put(1, 0).put(2, 0).put(1, crc ? 0 : 1)
                    .put(2, f0.profile).put(4, f0.sfIndex).put(1, 0).put(3, f0.channelConfig).put(1, 0).put(1, 0)
                    .put(1, 0).put(1, 0).put(13, length).put(11, 0x7FF).put(2, blocks - 1);
            if (crc) {
                for (int b = 1; b < blocks; b++) {
                    h.put(16, positions[b]);
                }
                h.put(16, 0x1234);
            }
            byte[] hb = h.bytes();
            out.write(hb, 0, hb.length);
            byte[] bb = body.toByteArray();
            out.write(bb, 0, bb.length);
        }
        return out.toByteArray();
    }
}
