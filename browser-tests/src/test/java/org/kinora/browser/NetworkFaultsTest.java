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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading through servers that misbehave ({@link FaultyServer}): the whole file still decodes,
 * frame for frame, when ranges are ignored, responses are cut (even before any of their body
 * arrives), requests fail now and then or the
 * server asks to come back later; a missing file is MEDIA_ERR_SRC_NOT_SUPPORTED and a server
 * that keeps failing is MEDIA_ERR_NETWORK once the retries are used up. A file whose response
 * never ends plays what arrived and then waits for more, saying so with {@code stalled}.
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
    @CsvSource({"ok, wasm", "norange, wasm", "cut, wasm", "cut, js", "hollow, wasm", "hollow, js", "flaky, wasm", "busy, js"})
    void theWholeFileDecodes(String mode, String build) throws Exception {
        Map<String, Object> r = decode(server.url(mode, "sample.ogg"), build);
        assertEquals(true, r.get("ok"), r + "\n" + browser.console());
        assertEquals(expected, r.get("md5s"), mode);
        long audio = Long.parseLong(Files.readString(Fixtures.testdata().resolve("samples/sample.audio-frames")).trim());
        assertEquals(audio, ((Number) r.get("audioSamples")).longValue(), mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void thePageAsksForTheFirstBytesOnceWhileTheWorkersStart(String build) {
        // the source worker's first read takes the answer to the page's request (made before the
        // workers run); every later request is the worker's own, and nothing is asked for twice
        String file = "sample.ogg?first=" + build;
        Map<String, Object> r = decode(server.url("ok", file), build);
        assertEquals(true, r.get("ok"), r + "\n" + browser.console());
        assertEquals(expected, r.get("md5s"));
        List<String> asked = server.requestsFor("/ok/" + file);
        assertEquals("bytes=0-262143 by page", asked.get(0), asked.toString());
        assertTrue(asked.size() > 2, asked.toString());
        for (String a : asked.subList(1, asked.size())) {
            assertTrue(a.endsWith(" by worker") && !a.startsWith("bytes=0-"), "after the first: " + asked);
        }
        assertEquals(asked.size(), new java.util.HashSet<>(asked).size(), "no range asked for twice: " + asked);
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void aSessionWaitingForWorkersAsksForNothingUntilItHasThem() {
        // players take every worker of the pool; the next one waits for two, and the page does not
        // ask for its first bytes meanwhile (enough such requests, held open, would leave no
        // connection to the server for the players that read)
        String file = "sample.ogg?waiting";
        // the workers the page's own players leave free, two per player
        long free = (Long) browser.js("var s = Kinora.poolStats(); return s.maxWorkers - s.busy;");
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "function player(src) { var b = document.createElement('div'); document.body.appendChild(b);"
                + "  var p = new Kinora.Player(b, {build: 'wasm', muted: true}); p.src = src; return p; }"
                + "window.holders = []; for (var i = 0; i < arguments[0]; i++) holders.push(player(arguments[1] + i));"
                + "window.waiter = player(arguments[2]);"
                + "(function poll() {"
                + "  var loaded = holders.every(function (p) { return p.readyState >= 1; });"
                + "  if (!(loaded && Kinora.poolStats().waiting === 1) && Date.now() - t0 < 20000) { setTimeout(poll, 50); return; }"
                + "  done({stats: Kinora.poolStats(), waiter: waiter.readyState});"
                + "})();", (int) (free / 2), server.url("ok", "bars.ogg?holder="), server.url("ok", file));
        try {
            waitingSessionWaits(r, file);
        } finally {
            browser.js("holders.forEach(function (p) { p.destroy(); }); waiter.destroy();");
        }
    }

    private void waitingSessionWaits(Map<String, Object> r, String file) {
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) r.get("stats");
        assertEquals(1L, stats.get("waiting"), r + "\n" + browser.console());
        assertEquals(0L, r.get("waiter"), r.toString());
        assertEquals(List.of(), server.requestsFor("/ok/" + file), "nothing asked for while waiting");
        Object ready = browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "holders[0].destroy();"
                + "(function poll() {"
                + "  if (waiter.readyState < 1 && Date.now() - t0 < 20000) { setTimeout(poll, 50); return; }"
                + "  done(waiter.readyState);"
                + "})();");
        assertTrue(((Number) ready).intValue() >= 1, browser.console());
        List<String> asked = server.requestsFor("/ok/" + file);
        assertEquals("bytes=0-262143 by worker", asked.get(0), "the worker's own first request: " + asked);
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

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void aChunkedResponseThatEndsPlaysToTheEndWithoutAskingAgain(String build) {
        // 200, no length (read as live), the whole of bars.ogg (2 s), then a proper end of the body:
        // that is the end of the media, not a lost connection to make again
        int before = server.requests();
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "var box = document.createElement('div'); document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: arguments[0], muted: true, src: arguments[1]}), seen = [];"
                + "['ended', 'error'].forEach(function (t) { p.addEventListener(t, function () { seen.push(t); }); });"
                + "p.play();"
                + "(function poll() {"
                + "  if (seen.length === 0 && Date.now() - t0 < 20000) { setTimeout(poll, 50); return; }"
                + "  setTimeout(function () {"
                + "    done({seen: seen, time: p.currentTime, frames: p.getStats().framesDecoded, reconnects: p.getStats().reconnects,"
                + "      error: p.error ? p.error.code + ' ' + p.error.message : null});"
                + "    p.destroy(); box.remove();"
                + "  }, 1500);"
                + "})();", build, server.url("chunked", "bars.ogg"));
        assertEquals(null, r.get("error"), r + "\n" + browser.console());
        assertEquals(List.of("ended"), r.get("seen"), r.toString());
        assertEquals(2.0, ((Number) r.get("time")).doubleValue(), 0.1, r.toString());
        assertEquals(50L, r.get("frames"), r.toString());
        assertEquals(1, server.requests() - before, "one request: the end of the body is the end of the media");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void aFileResponseThatNeverEndsPlaysWhatArrivedThenStalls(String build) {
        // 200, no length, the whole of bars.ogg (2 s), then the response stays open and silent
        int before = server.requests();
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "var box = document.createElement('div'); document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: arguments[0], muted: true, src: arguments[1]}), seen = [];"
                + "['waiting', 'stalled', 'ended', 'error', 'suspend'].forEach(function (t) {"
                + "  p.addEventListener(t, function () { seen.push(t + ' ' + p.currentTime.toFixed(2)); }); });"
                + "p.play();"
                + "(function poll() {"
                + "  var stalled = seen.some(function (s) { return s.indexOf('stalled') === 0; });"
                + "  if (!(stalled && p.currentTime > 1.9 && p.readyState <= 2) && Date.now() - t0 < 40000) { setTimeout(poll, 50); return; }"
                + "  var b = p.buffered;"
                + "  done({seen: seen, time: p.currentTime, duration: String(p.duration), networkState: p.networkState, readyState: p.readyState,"
                + "    paused: p.paused, error: p.error ? p.error.code + ' ' + p.error.message : null, frames: p.getStats().framesDecoded,"
                + "    buffered: b.length === 1 ? [b.start(0), b.end(0)] : b.length});"
                + "  p.destroy(); box.remove();"
                + "})();", build, server.url("endless", "bars.ogg"));
        assertEquals(null, r.get("error"), r + "\n" + browser.console());
        List<String> seen = (List<String>) r.get("seen");
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("stalled")), "stalled once no byte came for 3 s: " + r);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("waiting")), "waiting for data: " + r);
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("ended") || s.startsWith("suspend")), "still loading, not ended: " + r);
        assertTrue(((Number) r.get("time")).doubleValue() > 1.9, "played what arrived: " + r);
        assertEquals(50L, r.get("frames"), "every picture that arrived was decoded: " + r);
        assertEquals("Infinity", r.get("duration"), "no length, no duration: read as a live stream");
        assertEquals(2L, r.get("networkState"), "LOADING: " + r);
        assertEquals(false, r.get("paused"), r.toString());
        List<Number> buffered = (List<Number>) r.get("buffered");
        assertEquals(0, buffered.get(0).doubleValue(), 0.05, r.toString());
        assertEquals(2.0, buffered.get(1).doubleValue(), 0.1, r.toString());
        assertEquals(1, server.requests() - before, "one request, not asked again and again");
    }
}
