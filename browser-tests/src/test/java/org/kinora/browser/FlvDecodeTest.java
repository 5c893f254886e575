package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HEVC in FLV (video codec id 12) decodes in the browser, in both builds, to FFmpeg's frame MD5s. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlvDecodeTest {
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

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void codecId12PicturesMatchFfmpeg(String build) throws Exception {
        List<String> expected = new ArrayList<>(Fixtures.frameMd5(Fixtures.testdata().resolve("flv/hevc12_intra.framemd5")).values());
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], md5s = [];"
                + "Kinora.decode('/testdata/flv/hevc12_intra.flv', {build: arguments[0], md5: true, onFrame: function (f) { md5s.push(f.md5); }})"
                + ".then(function (r) { done({ok: true, md5s: md5s, frames: r.frames}); },"
                + " function (e) { done({ok: false, code: e.code, message: String(e.message)}); });", build);
        assertEquals(true, r.get("ok"), r.toString());
        assertEquals(expected, r.get("md5s"));
    }
}
