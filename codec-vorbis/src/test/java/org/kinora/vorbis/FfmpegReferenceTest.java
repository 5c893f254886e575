package org.kinora.vorbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture decodes to FFmpeg's samples within 1 LSB at 16 bits, with the same count. */
class FfmpegReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "mono_8k_q0", "stereo_44k_q4", "stereo_48k_qm1", "stereo_44k_q10", "stereo_22k_q2", "mono_96k_q6",
        "stereo_11k_q3", "surround51_48k_q3", "surround71_48k_q3", "three_ch_32k_q5", "native_44k",
        "long_mono_16k_q1", "theora_vorbis", "ten_ch_22k_q3"})
    void matchesFfmpeg(String name) throws IOException {
        short[] ref = Fixtures.reference(name + ".s16.gz");
        short[] out = Fixtures.decodeS16(Fixtures.read(name + ".ogg"));
        assertEquals(ref.length, out.length, "sample count");
        int worst = 0;
        int at = -1;
        for (int i = 0; i < ref.length; i++) {
            int d = Math.abs(ref[i] - out[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        assertTrue(worst <= 1, "sample " + at + " differs by " + worst);
        assertTrue(ref.length > 1000);
    }
}
