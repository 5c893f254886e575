package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading through servers that misbehave ({@link FaultyServer}): the whole file still decodes,
 * frame for frame, when ranges are ignored, responses are cut, requests fail now and then or the
 * server asks to come back later; a missing file is MEDIA_ERR_SRC_NOT_SUPPORTED and a server
 * that keeps failing is MEDIA_ERR_NETWORK once the retries are used up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkFaultsTest {
    private Browser browser;
    private FaultyServer server;
    private List<String> expected;

    @BeforeAll
    void start() throws Exception {
        server = new FaultyServer(Fixtures.testdata().resolve("samples").toAbsolutePath().normalize());
        browser = new Browser();
        browser.open("index.html");
        expected = new ArrayList<>(Fixtures.frameMd5(Fixtures.testdata().resolve("samples/sample.framemd5")).values());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> decode(String url, String build) {
        return (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], md5s = [];"
                + "Kinora.decode(arguments[0], {build: arguments[1], md5: true, onFrame: function (f) { md5s.push(f.md5); }})"
                + ".then(function (r) { done({ok: true, md5s: md5s, audioSamples: r.audioSamples}); },"
                + " function (e) { done({ok: false, code: e.code, message: String(e.message)}); });", url, build);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ok, wasm", "norange, wasm", "cut, wasm", "cut, js", "flaky, wasm", "busy, js"})
    void theWholeFileDecodes(String mode, String build) throws Exception {
        Map<String, Object> r = decode(server.url(mode, "sample.ogg"), build);
        assertEquals(true, r.get("ok"), r + "\n" + browser.console());
        assertEquals(expected, r.get("md5s"), mode);
        long audio = Long.parseLong(Files.readString(Fixtures.testdata().resolve("samples/sample.audio-frames")).trim());
        assertEquals(audio, ((Number) r.get("audioSamples")).longValue(), mode);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"gone, wasm, 4", "gone, js, 4", "down, wasm, 2"})
    void failuresHaveTheirMediaErrorCode(String mode, String build, int code) {
        int before = server.requests();
        Map<String, Object> r = decode(server.url(mode, "sample.ogg"), build);
        assertEquals(false, r.get("ok"), r.toString());
        assertEquals(code, ((Number) r.get("code")).intValue(), r.toString());
        int made = server.requests() - before;
        if (code == 4) {
            assertEquals(1, made, "a missing file is not asked for again");
        } else {
            assertTrue(made >= 5, "retried before giving up: " + made + " requests; " + r);
        }
    }
}
