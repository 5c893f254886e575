package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Every HEVC fixture, all-intra and inter (P and B pictures), decodes in the browser, in both
 * builds, to ffmpeg's frame MD5s, frame for frame in output order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HevcDecodeTest {
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
        try (Stream<Path> files = Files.list(Fixtures.testdata().resolve("hevc"))) {
            for (Path media : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".hevc")).sorted()::iterator) {
                String name = media.getFileName().toString();
                if ((name.startsWith("intra_") || name.startsWith("inter_")) && Files.exists(Path.of(media.toString().replace(".hevc", ".framemd5")))) {
                    for (String build : Browser.builds()) {
                        list.add(Arguments.of(name, build));
                    }
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no HEVC fixtures");
        }
        return list.stream();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> decode(String name, String build) {
        return (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], md5s = [];"
                + "Kinora.decode('/testdata/hevc/' + arguments[0], {build: arguments[1], md5: true, onFrame: function (f) { md5s.push(f.md5); }})"
                + ".then(function (r) { done({ok: true, md5s: md5s, frames: r.frames}); },"
                + " function (e) { done({ok: false, code: e.code, message: String(e.message)}); });", name, build);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void framesMatchFfmpegInOrder(String name, String build) throws Exception {
        List<String> expected = new ArrayList<>(Fixtures.frameMd5(Fixtures.testdata().resolve("hevc/" + name.replace(".hevc", ".framemd5"))).values());
        Map<String, Object> r = decode(name, build);
        assertEquals(true, r.get("ok"), r.toString());
        assertEquals(expected, r.get("md5s"), name);
    }
}
