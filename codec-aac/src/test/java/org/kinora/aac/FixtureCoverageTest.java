package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;

/**
 * The fixtures that {@link FfmpegReferenceTest} checks exercise every tool of the decoder that
 * FFmpeg's encoder uses (it writes no pulse data: {@link PulseDataTest} covers that).
 */
class FixtureCoverageTest {
    @Test
    void everyToolIsExercised() throws Exception {
        Map<String, Integer> seen = new TreeMap<>();
        String[] names = {
            "mono_7k_16k", "mono_8k_16k", "mono_11k_24k", "mono_12k_24k", "mono_16k_32k", "mono_22k_48k", "mono_24k_48k",
            "mono_32k_64k", "mono_64k_96k", "mono_88k_128k", "stereo_44k_128k", "stereo_48k_320k",
            "stereo_96k_256k", "stereo_44k_ms", "stereo_44k_is", "stereo_44k_tns", "mono_48k_tns", "mono_44k_tnslong",
            "surround51_48k", "surround71_48k", "stereo_44k_pce", "surround51_pce",
        };
        for (String name : names) {
            List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read(name + ".aac"));
            Fixtures.Frame f0 = frames.get(0);
            AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(
                    AudioSpecificConfig.fromAdts(f0.profile, f0.sfIndex, f0.channelConfig)));
            for (Fixtures.Frame f : frames) {
                d.decode(new Packet(1, f.payload, 0, f.payload.length));
                int channels = d.receive().channels;
                for (int c = 0; c < channels; c++) {
                    IndividualChannelStream ics = d.channelStream(c);
                    IcsInfo info = ics.info;
                    count(seen, "window sequence " + info.windowSequence);
                    count(seen, "window shape " + info.windowShape);
                    if (info.numWindows == 8 && info.numWindowGroups < 8) {
                        count(seen, "grouped short windows");
                    }
                    if (ics.tnsPresent) {
                        count(seen, info.numWindows == 8 ? "TNS short" : "TNS long");
                    }
                    if (ics.pulseCount > 0) {
                        count(seen, "pulse data");
                    }
                    for (int g = 0; g < info.numWindowGroups; g++) {
                        for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                            int cb = ics.sfbCb[g * IndividualChannelStream.MAX_SFB + sfb];
                            count(seen, "codebook " + (cb < 10 ? "0" : "") + cb);
                        }
                    }
                }
            }
        }
        System.out.println(seen);
        String[] required = {
            "window sequence 0", "window sequence 1", "window sequence 2", "window sequence 3",
            "window shape 0", "window shape 1", "grouped short windows", "TNS long", "TNS short",
            "codebook 01", "codebook 02", "codebook 03", "codebook 04", "codebook 05", "codebook 06",
            "codebook 07", "codebook 08", "codebook 09", "codebook 10", "codebook 11", "codebook 14",
            "codebook 15",
        };
        for (String r : required) {
            assertTrue(seen.containsKey(r), "no fixture exercises " + r + ": " + seen);
        }
    }

    private static void count(Map<String, Integer> m, String key) {
        m.merge(key, 1, Integer::sum);
    }
}
