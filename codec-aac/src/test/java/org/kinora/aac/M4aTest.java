package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;

/**
 * The AudioSpecificConfig path as an MP4 demuxer uses it: ASC from esds, one raw_data_block per
 * sample, the edit list's priming dropped through {@code Packet.trimStart}; the result equals
 * ffmpeg's decode of the .m4a, sample count included.
 */
class M4aTest {
    @Test
    void matchesFfmpeg() throws Exception {
        Mp4Frames m = Mp4Frames.read(Fixtures.read("stereo_44k_m4a.m4a"));
        assertEquals(1024, m.mediaTime);
        AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(m.audioSpecificConfig));
        long skip = m.mediaTime;
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (byte[] s : m.samples) {
            Packet p = new Packet(1, s, 0, s.length);
            p.trimStart = (int) Math.min(skip, 1024);
            skip -= p.trimStart;
            d.decode(p);
            AudioBlock b = d.receive();
            if (b == null) {
                continue;
            }
            float[] inter = new float[b.frames * 2];
            for (int i = 0; i < b.frames; i++) {
                inter[2 * i] = b.samples[0][i];
                inter[2 * i + 1] = b.samples[1][i];
            }
            parts.add(inter);
            total += inter.length;
        }
        float[] ours = new float[total];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, ours, o, p.length);
            o += p.length;
        }
        short[] ref = Fixtures.reference("stereo_44k_m4a");
        assertEquals(ref.length, ours.length, "sample count");
        Comparison.Result r = Comparison.compare(ours, ref, 2);
        System.out.println("stereo_44k_m4a: " + r);
        assertTrue(r.maxDiff <= 2 && r.rms <= 0.5, r.toString());
    }
}
