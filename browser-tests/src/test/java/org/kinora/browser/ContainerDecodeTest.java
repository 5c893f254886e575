package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matroska, WebM and MP4 files decode in the browser, in both builds: Theora pictures equal
 * ffmpeg's framemd5 (in order) and the audio sample count equals ffmpeg's s16le output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerDecodeTest {
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

    static Stream<Arguments> fixtures() {
        List<Arguments> list = new ArrayList<>();
        for (String build : Browser.builds()) {
            list.add(Arguments.of("theora_vorbis.mkv", "theora_vorbis.framemd5", "theora_vorbis.s16.gz", build));
            list.add(Arguments.of("vorbis.webm", null, "vorbis.s16.gz", build));
            list.add(Arguments.of("live.webm", null, "vorbis.s16.gz", build));
            list.add(Arguments.of("../mp4/alaw.mov", null, null, build));
            list.add(Arguments.of("../mp4/unsupported_video.mp4", null, null, build));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("fixtures")
    @SuppressWarnings("unchecked")
    void decodesLikeFfmpeg(String name, String framemd5, String pcm, String build) throws Exception {
        Path dir = Fixtures.testdata().resolve("matroska");
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], md5s = [];"
                + "Kinora.decode(arguments[0], {build: arguments[1], md5: true, onFrame: function (f) { md5s.push(f.md5); }})"
                + ".then(function (r) { done({ok: true, md5s: md5s, audioSamples: r.audioSamples, build: r.build}); },"
                + " function (e) { done({ok: false, code: e.code, message: String(e.message)}); });",
                "testdata/matroska/" + name, build);
        assertEquals(true, r.get("ok"), r.toString());
        assertEquals(build, r.get("build"));
        if (framemd5 != null) {
            List<String> want = new ArrayList<>(Fixtures.frameMd5(dir.resolve(framemd5)).values());
            assertEquals(want, r.get("md5s"));
        }
        long samples;
        if (pcm != null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(pcm)))) {
                samples = in.readAllBytes().length / 2;
            }
        } else {
            // MP4 (moov after mdat: the worker follows the demuxer's seek requests): G.711, 0.5 s at
            // 22050 Hz; AAC beside an MPEG-4 part 2 video track Kinora leaves out, 11264 samples as ffmpeg
            samples = name.contains("alaw") ? 11025 : 11264;
        }
        assertEquals(samples, ((Number) r.get("audioSamples")).longValue(), "audio sample frames (mono)");
        assertTrue(browser.console().lines().noneMatch(l -> l.startsWith("SEVERE") && !l.contains("favicon")), browser.console());
    }
}
