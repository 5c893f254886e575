package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Kinora.decode}: errors with MediaError codes, in both builds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecodeApiTest {
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
    private Map<String, Object> decode(String url, String build) {
        return (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1];"
                + "Kinora.decode(arguments[0], {build: arguments[1], md5: true}).then(function (r) { done({ok: true, frames: r.frames, audioSamples: r.audioSamples}); },"
                + " function (e) { done({ok: false, code: e.code, message: String(e.message)}); });", url, build);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void missingFileIsSrcNotSupported(String build) {
        Map<String, Object> r = decode("media/no-such-file.ogg", build);
        assertEquals(false, r.get("ok"), r.toString());
        assertEquals(4L, r.get("code"), r.toString());
        assertTrue(((String) r.get("message")).contains("404"), r.toString());
        assertPageStillWorks(build);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void nonMediaFileIsSrcNotSupported(String build) {
        Map<String, Object> r = decode("pages/media/not-media.ogg", build);
        assertEquals(false, r.get("ok"), r.toString());
        assertEquals(4L, r.get("code"), r.toString());
        assertTrue(((String) r.get("message")).contains("not a media file"), r.toString());
        assertPageStillWorks(build);
    }

    /**
     * Without the option, Theora is decoded split over two workers when the page reports two cores
     * or more, and in one worker when it reports one (navigator.hardwareConcurrency overridden).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    @SuppressWarnings("unchecked")
    void decodeThreadsFollowTheCoresThePageHas(int cores) {
        long real = (Long) browser.js("return navigator.hardwareConcurrency;");
        browser.driver.executeCdpCommand("Emulation.setHardwareConcurrencyOverride", Map.of("hardwareConcurrency", cores));
        try {
            browser.open("index.html");
            assertEquals((long) cores, browser.js("return navigator.hardwareConcurrency;"));
            Map<String, Object> r = (Map<String, Object>) browser.async(
                    "var done = arguments[arguments.length - 1];"
                    + "Kinora.decode('/testdata/samples/bars.ogg', {build: 'wasm'}).then(function (r) { done({frames: r.frames, parseMs: r.videoParseMs}); },"
                    + " function (e) { done({error: String(e)}); });");
            assertEquals(50L, r.get("frames"), r.toString());
            double parseMs = ((Number) r.get("parseMs")).doubleValue();
            assertTrue(cores >= 2 ? parseMs > 0 : parseMs == 0, r.toString());
        } finally {
            browser.driver.executeCdpCommand("Emulation.setHardwareConcurrencyOverride", Map.of("hardwareConcurrency", real));
            browser.open("index.html");
        }
    }

    private void assertPageStillWorks(String build) {
        Object answer = browser.async("var done = arguments[arguments.length - 1];"
                + "Kinora.hello({build: arguments[0]}).then(function (a) { done(a.build); }, function (e) { done('failed ' + e); });", build);
        assertEquals(build, answer, browser.console());
    }
}
