package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Ogg fixture with a framemd5 reference decodes in the browser, in both builds, to exactly
 * ffmpeg's frame MD5s (compared by presentation time: Theora's 0-byte packets repeat a picture that
 * ffmpeg does not output again), and to ffmpeg's number of audio samples where the reference says;
 * with one decode thread and with two (Theora's decoder then runs split over the source and the
 * video worker, which the result's {@code videoParseMs} shows).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecodeMd5Test {
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        browser.open("index.html");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Arguments> fixtures() throws Exception {
        List<Arguments> list = new ArrayList<>();
        for (String dir : new String[] {"samples", "theora"}) {
            Path d = Fixtures.testdata().resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path media : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".ogg")).sorted()::iterator) {
                    if (reference(media) != null) {
                        for (String build : Browser.builds()) {
                            for (int threads = 1; threads <= 2; threads++) {
                                list.add(Arguments.of(dir + "/" + media.getFileName(), build, threads));
                            }
                        }
                    }
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no Ogg fixtures with framemd5 references");
        }
        return list.stream();
    }

    /** X.ogg.framemd5 or X.framemd5 beside X.ogg, or null. */
    static Path reference(Path media) {
        Path a = Path.of(media + ".framemd5");
        Path b = Path.of(media.toString().replaceAll("\\.ogg$", ".framemd5"));
        return Files.exists(a) ? a : Files.exists(b) ? b : null;
    }

    @ParameterizedTest(name = "{0} {1} {2} thread(s)")
    @MethodSource("fixtures")
    @SuppressWarnings("unchecked")
    void framesMatchFfmpeg(String fixture, String build, int threads) throws Exception {
        Path media = Fixtures.testdata().resolve(fixture);
        Path ref = reference(media);
        Map<Long, String> expected = Fixtures.frameMd5(ref);
        long tb = Fixtures.timebase(ref);
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], frames = [];"
                + "Kinora.decode(arguments[0], {build: arguments[1], decodeThreads: arguments[2], md5: true,"
                + " onFrame: function (f) { frames.push([f.pts, f.md5]); }})"
                + ".then(function (r) { done({ok: true, frames: frames, count: r.frames, audioSamples: r.audioSamples, build: r.build,"
                + " parseMs: r.videoParseMs}); },"
                + " function (e) { done({ok: false, code: e.code, message: String(e.message)}); });",
                "testdata/" + fixture, build, threads);
        assertEquals(true, r.get("ok"), r.toString());
        assertEquals(build, r.get("build"));
        List<List<Object>> frames = (List<List<Object>>) r.get("frames");
        assertEquals(((Number) r.get("count")).intValue(), frames.size());
        assertFalse(frames.isEmpty());
        int matched = 0;
        for (List<Object> f : frames) {
            long pts = Math.round(((Number) f.get(0)).doubleValue() * tb);
            String want = expected.get(pts);
            if (want != null) {
                assertEquals(want, f.get(1), fixture + " frame at pts " + pts);
                matched++;
            }
        }
        assertEquals(expected.size(), matched, "every frame ffmpeg outputs has its twin");
        double parseMs = ((Number) r.get("parseMs")).doubleValue();
        if (threads == 1) {
            assertEquals(0, parseMs, "one thread: the video worker decodes alone");
        } else {
            assertTrue(parseMs > 0, "two threads: the source worker parses the Theora frames");
        }
        Path audioRef = Path.of(media.toString().replace(".ogg", ".audio-frames"));
        if (Files.exists(audioRef)) {
            long want = Long.parseLong(Files.readString(audioRef).trim());
            assertEquals(want, ((Number) r.get("audioSamples")).longValue(), "audio sample frames");
        }
        assertTrue(browser.console().lines().noneMatch(l -> l.startsWith("SEVERE") && !l.contains("favicon")), browser.console());
    }
}
