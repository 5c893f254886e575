package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every ADTS fixture decodes to ffmpeg's output (testdata/aac/make.sh): the same sample count,
 * at most 2 LSB apart at 16 bits and at most 0.5 LSB RMS, per channel.
 */
class FfmpegReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "mono_7k_16k", "mono_8k_16k", "mono_11k_24k", "mono_12k_24k", "mono_16k_32k", "mono_22k_48k", "mono_24k_48k",
        "mono_32k_64k", "mono_64k_96k", "mono_88k_128k", "stereo_44k_128k", "stereo_48k_320k",
        "stereo_96k_256k", "stereo_44k_ms", "stereo_44k_is", "stereo_44k_tns", "mono_48k_tns", "mono_44k_tnslong",
        "surround51_48k", "surround71_48k", "stereo_44k_pce", "surround51_pce",
    })
    void matchesFfmpeg(String name) throws Exception {
        List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read(name + ".aac"));
        Fixtures.Frame first = frames.get(0);
        AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(
                AudioSpecificConfig.fromAdts(first.profile, first.sfIndex, first.channelConfig)));
        List<byte[]> packets = new ArrayList<>();
        for (Fixtures.Frame f : frames) {
            packets.add(f.payload);
        }
        float[] ours = Fixtures.decode(d, packets);
        short[] ref = Fixtures.reference(name);
        int channels = d.config().channels() == 0 ? ref.length / (frames.size() * 1024) : d.config().channels();
        assertEquals(ref.length, ours.length, name + ": sample count");
        assertEquals(0, d.concealedBlocks(), name + ": concealed blocks");
        Comparison.Result r = Comparison.compare(ours, ref, channels);
        System.out.println(name + ": " + r);
        assertTrue(r.maxDiff <= 2, name + ": " + r);
        assertTrue(r.rms <= 0.5, name + ": " + r);
    }
}
