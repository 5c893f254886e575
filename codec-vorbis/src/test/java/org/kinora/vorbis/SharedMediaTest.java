package org.kinora.vorbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Streams from other encoders in ../shared/media (skipped when the folder is absent).
 *
 * <p>libnogg's 6-mode-bits.ogg (34 modes, 6-bit mode numbers, a first long block whose window
 * flags both say short): the output equals libvorbis's decode (ffmpeg -c:a libvorbis) within
 * 1 LSB. FFmpeg's own Vorbis decoder differs from both by up to 989 LSB on this stream, so it is
 * not the reference here.
 */
class SharedMediaTest {
    /** The nearest shared/media folder above the repository ("../shared/media" of a checkout). */
    private static Path shared() {
        Path p = Path.of(System.getProperty("kinora.testdata", "../testdata")).toAbsolutePath().normalize();
        for (; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/media"))) {
                return p.resolve("shared/media");
            }
        }
        return Path.of("shared/media");
    }

    @Test
    void libnoggSixModeBitsMatchesLibvorbis() throws IOException {
        Path file = shared().resolve("libnogg_6-mode-bits.ogg");
        Assumptions.assumeTrue(Files.exists(file), "../shared/media/libnogg_6-mode-bits.ogg is absent: skipped");
        short[] ref = Fixtures.reference("libnogg_6-mode-bits.libvorbis.s16.gz");
        short[] out = Fixtures.decodeS16(Files.readAllBytes(file));
        assertEquals(1600, ref.length);
        assertEquals(ref.length, out.length, "sample count");
        int worst = 0;
        for (int i = 0; i < ref.length; i++) {
            worst = Math.max(worst, Math.abs(ref[i] - out[i]));
        }
        assertTrue(worst <= 1, "differs from libvorbis by " + worst);
    }
}
