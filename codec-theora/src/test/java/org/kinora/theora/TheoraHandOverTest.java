package org.kinora.theora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;

/**
 * The decoder's two halves apart, as two workers run them: every frame goes from a
 * {@link TheoraFrameParser} to a separate {@link TheoraFrameBuilder} only through a copy of the
 * parser's hand-over, and must still match FFmpeg's framemd5.
 */
class TheoraHandOverTest {
    static Stream<String> fixtures() throws IOException {
        return Fixtures.names().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFrameMatchesFfmpegThroughTheHandOver(String name) throws IOException {
        Fixtures.Track t = Fixtures.read(name);
        TheoraFrameParser parser = new TheoraFrameParser(t.info);
        TheoraFrameBuilder builder = new TheoraFrameBuilder(t.info);
        assertMatchesFfmpeg(name, t, p -> {
            assertKind(p, parser.parse(p));
            // A copy of exactly the entries in use: what a transfer between workers carries.
            int[] data = Arrays.copyOf(parser.handOver(), parser.handOverLength());
            return builder.build(data, data.length, p.pts);
        });
    }

    /**
     * The two stages of the split decoder: the parse stage builds the chroma planes, the build
     * stage gets copies of the hand-over and of those planes only, undoes the luma plane's DC
     * prediction and builds it, and the pictures must still match FFmpeg's framemd5.
     */
    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFrameMatchesFfmpegThroughTheTwoStages(String name) throws IOException {
        Fixtures.Track t = Fixtures.read(name);
        TheoraParseStage first = new TheoraParseStage(t.info);
        TheoraBuildStage second = new TheoraBuildStage(t.info);
        int size = first.chromaPlaneSize();
        assertMatchesFfmpeg(name, t, p -> {
            int kind = first.parse(p);
            assertKind(p, kind);
            int[] data = Arrays.copyOf(first.handOver(), first.handOverLength());
            if (kind == TheoraFrameParser.FRAME) {
                for (int plane = 1; plane <= 2; plane++) {
                    byte[] target = second.chromaPlane(plane);
                    assertEquals(size, target.length);
                    Arrays.fill(target, (byte) 0x55);
                    System.arraycopy(first.chromaPlane(plane), 0, target, 0, size);
                }
            }
            return second.build(data, data.length, p.pts);
        });
    }

    /** Every packet of {@code t} through {@code decode}: one picture each, the non-empty ones equal to FFmpeg's framemd5. */
    private static void assertMatchesFfmpeg(String name, Fixtures.Track t, Function<Packet, Picture> decode) throws IOException {
        PictureDigest digest = new PictureDigest();
        List<Fixtures.Frame> out = new ArrayList<>();
        for (Packet p : t.packets) {
            Picture pic = decode.apply(p);
            assertNotNull(pic, name + ": no picture for the packet at pts " + p.pts);
            if (p.length > 0) {
                out.add(new Fixtures.Frame(pic.pts, PictureDigest.size(pic), digest.md5Hex(pic)));
            }
        }
        assertEquals(Fixtures.reference(name), out, name);
    }

    /** A 0-byte packet repeats the previous frame; every other packet of the fixtures is a frame. */
    private static void assertKind(Packet p, int kind) {
        assertEquals(p.length == 0 ? TheoraFrameParser.REPEAT : TheoraFrameParser.FRAME, kind);
    }

    @Test
    void afterAResetTheStagesStartAgainAtAnIntraFrame() throws IOException {
        String name = "testsrc2_320x240_q6.ogg";
        Fixtures.Track t = Fixtures.read(name);
        List<Fixtures.Frame> ref = Fixtures.reference(name);
        TheoraParseStage first = new TheoraParseStage(t.info);
        TheoraBuildStage second = new TheoraBuildStage(t.info);
        PictureDigest digest = new PictureDigest();
        int seekTo = 5;
        for (int i = 0; i < seekTo; i++) {
            first.parse(t.packets.get(i));
            copyChroma(first, second);
            second.build(first.handOver(), first.handOverLength(), 0);
        }
        first.reset();
        second.reset();
        assertEquals(TheoraFrameParser.NONE, first.parse(t.packets.get(seekTo)));
        int key = seekTo + 1;
        while (!t.packets.get(key).keyframe) {
            key++;
        }
        for (int i = key; i < t.packets.size(); i++) {
            assertEquals(TheoraFrameParser.FRAME, first.parse(t.packets.get(i)));
            copyChroma(first, second);
            Picture pic = second.build(first.handOver(), first.handOverLength(), 0);
            assertEquals(ref.get(i).md5, digest.md5Hex(pic), "frame " + i + " after reset");
        }
    }

    private static void copyChroma(TheoraParseStage first, TheoraBuildStage second) {
        for (int plane = 1; plane <= 2; plane++) {
            System.arraycopy(first.chromaPlane(plane), 0, second.chromaPlane(plane), 0, first.chromaPlaneSize());
        }
    }

    @Test
    void afterAResetOnlyAnIntraFrameIsHandedOver() throws IOException {
        String name = "testsrc2_320x240_q6.ogg";
        Fixtures.Track t = Fixtures.read(name);
        List<Fixtures.Frame> ref = Fixtures.reference(name);
        TheoraFrameParser parser = new TheoraFrameParser(t.info);
        TheoraFrameBuilder builder = new TheoraFrameBuilder(t.info);
        for (int i = 0; i < 5; i++) {
            parser.parse(t.packets.get(i));
            builder.build(parser.handOver(), parser.handOverLength(), 0);
        }
        parser.reset();
        builder.reset();
        assertEquals(TheoraFrameParser.NONE, parser.parse(t.packets.get(5)));
        assertNull(builder.build(parser.handOver(), parser.handOverLength(), 0));
        int key = 6;
        while (!t.packets.get(key).keyframe) {
            key++;
        }
        PictureDigest digest = new PictureDigest();
        for (int i = key; i < t.packets.size(); i++) {
            assertEquals(TheoraFrameParser.FRAME, parser.parse(t.packets.get(i)));
            Picture pic = builder.build(parser.handOver(), parser.handOverLength(), 0);
            assertEquals(ref.get(i).md5, digest.md5Hex(pic), "frame " + i + " after reset");
        }
    }

    @Test
    void aHandOverOfAnotherSizeIsRefused() throws IOException {
        Fixtures.Track small = Fixtures.read("odd_100x75.ogg");
        Fixtures.Track other = Fixtures.read("testsrc2_320x240_q6.ogg");
        TheoraFrameParser parser = new TheoraFrameParser(small.info);
        assertEquals(TheoraFrameParser.FRAME, parser.parse(small.packets.get(0)));
        int[] data = Arrays.copyOf(parser.handOver(), parser.handOverLength());
        TheoraFrameBuilder builder = new TheoraFrameBuilder(other.info);
        assertThrows(IllegalArgumentException.class, () -> builder.build(data, data.length, 0));
        TheoraFrameBuilder same = new TheoraFrameBuilder(small.info);
        assertThrows(IllegalArgumentException.class, () -> same.build(data, data.length - 1, 0));
        assertTrue(same.build(data, data.length, 0) != null);
    }
}
