package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Latency control on a live HEVC + AAC stream from node-media-server, in both builds: a playing
 * session reports a finite latency within the maximum; after a pause of 6 s the player, resumed,
 * jumps (at least one more {@code latencyJumps}, pictures dropped for it) and comes back within the
 * maximum latency; with the clock on the sound played (muted or not) and on the wall clock (no
 * WebAudio, sound discarded).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveLatencyTest {
    private static final double MAX = 3.0;

    private Browser browser;
    private LiveServer server;

    @BeforeAll
    void start() throws Exception {
        server = LiveServer.publishing("latency", "hevc_aac.flv", 40);
        browser = new Browser();
        browser.open("index.html");
        Thread.sleep(1000);
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
    @ParameterizedTest(name = "{0} {1} muted={2} clock={3}")
    @CsvSource({"http, wasm, true, audio", "ws, js, false, audio", "http, js, true, audio", "ws, wasm, false, audio",
        "http, wasm, true, wall", "ws, js, true, wall"})
    void comesBackWithinMaximumAfterPause(String transport, String build, boolean muted, String clock) {
        String url = transport.equals("ws") ? server.wsUrl("latency") : server.httpUrl("latency");
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], url = arguments[0], build = arguments[1], muted = arguments[2];"
                // clock wall: no WebAudio, so the sound is discarded and the wall clock runs
                + "var Ctx = window.AudioContext, WCtx = window.webkitAudioContext;"
                + "if (arguments[3] === 'wall') { window.AudioContext = undefined; window.webkitAudioContext = undefined; }"
                + "var box = document.createElement('div'); box.style.width = '320px'; box.style.height = '180px';"
                + "document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: build, muted: muted, liveLatency: 1.0, maxLiveLatency: " + MAX + "}),"
                + "  t0 = Date.now(), err = null, out = {}, phase = 'playing', mark = 0;"
                + "p.addEventListener('error', function () { err = p.error ? p.error.code + ' ' + p.error.message : 'error'; });"
                + "p.src = url; p.play().catch(function (e) { err = 'play: ' + e; });"
                + "function finish() { window.AudioContext = Ctx; window.webkitAudioContext = WCtx; out.error = err; out.phase = phase; p.destroy(); box.remove(); done(out); }"
                + "(function poll() {"
                + "  var s = p.getStats();"
                + "  if (err || Date.now() - t0 > 90000) { finish(); return; }"
                + "  if (phase === 'playing' && s.framesPresented >= 40) {"
                + "    out.playingLatency = String(s.liveLatency); out.jumpsBefore = s.latencyJumps;"
                + "    p.pause(); phase = 'paused'; mark = Date.now();"
                + "  } else if (phase === 'paused' && Date.now() - mark >= 6000) {"
                + "    out.pausedLatency = String(p.getStats().liveLatency);"
                + "    phase = 'resumed'; mark = s.framesPresented;"
                + "    p.play().catch(function (e) { err = 'play again: ' + e; });"
                + "  } else if (phase === 'resumed' && s.framesPresented >= mark + 25) {"
                + "    out.latency = String(s.liveLatency); out.jumps = s.latencyJumps;"
                + "    out.droppedForLatency = s.framesDroppedForLatency; out.clock = s.clock;"
                + "    finish(); return;"
                + "  }"
                + "  setTimeout(poll, 50);"
                + "})();", url, build, muted, clock);
        System.out.println("live latency " + transport + " " + build + " muted=" + muted + " " + clock + ": " + r);
        assertNull(r.get("error"), r + "\n" + browser.console());
        assertEquals(clock, r.get("clock"), r.toString());
        assertTrue("resumed".equals(r.get("phase")) && r.containsKey("latency"), "the session resumed and showed pictures: " + r);
        double playing = Double.parseDouble((String) r.get("playingLatency"));
        assertTrue(Double.isFinite(playing) && playing <= MAX + 0.5, "a playing live session reports its latency: " + r);
        double paused = Double.parseDouble((String) r.get("pausedLatency"));
        assertTrue(paused > MAX, "the latency grew during the pause: " + r);
        double latency = Double.parseDouble((String) r.get("latency"));
        assertTrue(Double.isFinite(latency) && latency <= MAX + 0.5, "back within the maximum latency: " + r);
        assertTrue(((Number) r.get("droppedForLatency")).intValue() >= 1, "the pictures before the jump were dropped: " + r);
        int before = ((Number) r.get("jumpsBefore")).intValue();
        assertTrue(((Number) r.get("jumps")).intValue() >= Math.max(1, before + 1), "the player jumped after the pause: " + r);
    }
}
