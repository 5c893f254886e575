package org.kinora.theora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kinora.core.ChromaFormat;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;

/** Every frame of every fixture against FFmpeg's framemd5. */
class TheoraFixturesTest {
    static Stream<String> fixtures() throws IOException {
        return Fixtures.names().stream();
    }

    /**
     * Decodes a track: one frame line per picture. Pictures of 0-byte packets (dropped frames,
     * which FFmpeg's demuxer discards) are checked to repeat the previous picture and left out.
     */
    static List<Fixtures.Frame> decode(Fixtures.Track t) {
        return decode(t, new TheoraDecoder(t.info));
    }

    static List<Fixtures.Frame> decode(Fixtures.Track t, TheoraDecoder d) {
        PictureDigest digest = new PictureDigest();
        List<Fixtures.Frame> out = new ArrayList<>();
        String last = null;
        for (Packet p : t.packets) {
            d.decode(p);
            Picture pic = d.receive();
            assertNotNull(pic, "no picture for the packet at pts " + p.pts);
            String md5 = digest.md5Hex(pic);
            assertEquals(p.pts, pic.pts);
            if (p.length == 0) {
                assertEquals(last, md5, "a 0-byte packet repeats the previous picture");
                assertFalse(pic.keyframe);
            } else {
                out.add(new Fixtures.Frame(pic.pts, PictureDigest.size(pic), md5));
                last = md5;
            }
            assertNull(d.receive(), "one picture per packet");
        }
        d.flush();
        assertNull(d.receive());
        return out;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFrameMatchesFfmpeg(String name) throws IOException {
        List<Fixtures.Frame> expected = Fixtures.reference(name);
        assertTrue(expected.size() >= 5, name + " has a reference of " + expected.size() + " frames");
        List<Fixtures.Frame> actual = decode(Fixtures.read(name));
        assertEquals(expected.size(), actual.size(), name + ": frame count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), name + ": frame " + i);
        }
    }

    @Test
    void droppedFramesRepeatThePreviousPicture() throws IOException {
        Fixtures.Track t = Fixtures.read("dropped_frames.ogg");
        int empty = 0;
        for (Packet p : t.packets) {
            if (p.length == 0) {
                empty++;
            }
        }
        assertTrue(empty >= 10, "the fixture has dropped frames: " + empty);
        // decode() checks each repeat; the coded frames must still match FFmpeg.
        assertEquals(Fixtures.reference("dropped_frames.ogg"), decode(t));
    }

    @Test
    void geometryAndColourOfOddSizes() throws IOException {
        Fixtures.Track t = Fixtures.read("yuv444_351x199_q7.ogg");
        TheoraDecoder d = new TheoraDecoder(t.info);
        d.decode(t.packets.get(0));
        Picture pic = d.receive();
        assertEquals(352, pic.width);
        assertEquals(208, pic.height);
        assertEquals(0, pic.cropX);
        assertEquals(0, pic.cropY);
        assertEquals(351, pic.cropWidth);
        assertEquals(199, pic.cropHeight);
        assertEquals(ChromaFormat.YUV444, pic.chromaFormat);
        assertEquals(351, pic.visibleWidth(1));
        assertEquals(199, pic.visibleHeight(2));
        Fixtures.Track t2 = Fixtures.read("yuv422_odd_90x51.ogg");
        TheoraDecoder d2 = new TheoraDecoder(t2.info);
        d2.decode(t2.packets.get(0));
        Picture p2 = d2.receive();
        assertEquals(ChromaFormat.YUV422, p2.chromaFormat);
        assertEquals(45, p2.visibleWidth(1));
        assertEquals(51, p2.visibleHeight(1));
        assertTrue(pic.stride[0] < 0, "bottom-up storage exposed through a negative stride");
        assertTrue(pic.keyframe);
    }

    @Test
    void pictureRegionOffsetsFollowFfmpeg() throws IOException {
        // PICY = 4 from the bottom of a 208-line frame with a 198-line region: 6 lines from the top.
        Fixtures.Track t = Fixtures.read("region_offset.ogg");
        TheoraDecoder d = new TheoraDecoder(t.info);
        d.decode(t.packets.get(0));
        Picture pic = d.receive();
        assertEquals(6, pic.cropY);
        assertEquals(350, pic.cropWidth);
        // FFmpeg keeps the planes aligned: a 2-column left offset becomes 0 and the picture 352 wide.
        assertEquals(0, TheoraDecoder.alignedCropLeft(2, 1));
        assertEquals(64, TheoraDecoder.alignedCropLeft(64, 1));
        assertEquals(0, TheoraDecoder.alignedCropLeft(32, 1));
        assertEquals(32, TheoraDecoder.alignedCropLeft(32, 0));
    }

    @Test
    void resetThenDecodeFromAKeyframe() throws IOException {
        String name = "testsrc2_320x240_q6.ogg";
        Fixtures.Track t = Fixtures.read(name);
        List<Fixtures.Frame> ref = Fixtures.reference(name);
        TheoraDecoder d = new TheoraDecoder(t.info);
        PictureDigest digest = new PictureDigest();
        for (int i = 0; i < 5; i++) {
            d.decode(t.packets.get(i));
            d.receive();
        }
        d.reset();
        // Inter frames before the next keyframe give no picture.
        d.decode(t.packets.get(5));
        assertNull(d.receive());
        int key = -1;
        for (int i = 5; i < t.packets.size(); i++) {
            if (t.packets.get(i).keyframe) {
                key = i;
                break;
            }
        }
        assertTrue(key > 0, "a later keyframe");
        for (int i = key; i < t.packets.size(); i++) {
            d.decode(t.packets.get(i));
            assertEquals(ref.get(i).md5, digest.md5Hex(d.receive()), "frame " + i + " after reset");
        }
    }
}
