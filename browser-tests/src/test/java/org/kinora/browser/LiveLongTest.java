package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live playback from node-media-server over HTTP-FLV and WebSocket-FLV in both builds: sixty
 * seconds for HTTP-FLV in the Wasm build and WebSocket-FLV in the JS build (two players at once on
 * one page), twenty for the other two pairs (to keep the suite short): each plays on (its clock
 * advances by nearly the wall time) and its latency at the end is within the target plus 0.3 s.
 * The latency figures (at the end, the largest after the first 5 s, the largest overall) are printed.
 *
 * <p>Then twenty seconds as in a hidden tab: no animation frames, page timers at most once a
 * second; on the sound's clock and on the wall clock (no WebAudio). Nothing is drawn, and the
 * latency must not grow: within the target plus 0.3 s at the end too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveLongTest {
    private static final double TARGET = 1.0;
    private static final double SECONDS = 60;

    private static final String START = ""
            + "var cases = arguments[0], target = arguments[1];"
            + "window.long = cases.map(function (c) {"
            + "  var box = document.createElement('div'); box.style.width = '320px'; box.style.height = '180px';"
            + "  box.style.display = 'inline-block'; document.body.appendChild(box);"
            + "  var p = new Kinora.Player(box, {build: c[1], muted: true, liveLatency: target});"
            + "  var w = {name: c[0] + ' ' + c[1], p: p, box: box, error: null, startAt: -1, startTime: 0, max: 0, maxSettled: 0};"
            + "  p.addEventListener('error', function () { w.error = p.error ? p.error.code + ' ' + p.error.message : 'error'; });"
            + "  p.src = c[2]; p.play().catch(function (e) { w.error = 'play: ' + e; });"
            + "  w.timer = setInterval(function () {"
            + "    var s = p.getStats(), now = Date.now();"
            + "    if (w.startAt < 0) { if (s.framesPresented > 0 && p.currentTime > 0) { w.startAt = now; w.startTime = p.currentTime; } return; }"
            + "    var l = s.liveLatency; if (!(l <= 1e9)) return;"
            + "    w.max = Math.max(w.max, l); if (now - w.startAt > 5000) w.maxSettled = Math.max(w.maxSettled, l);"
            + "  }, 250);"
            + "  return w;"
            + "});";

    private static final String STATUS = ""
            + "return window.long.map(function (w) {"
            + "  var s = w.p.getStats();"
            + "  return {name: w.name, error: w.error, played: w.startAt < 0 ? 0 : (Date.now() - w.startAt) / 1000,"
            + "    advanced: w.p.currentTime - w.startTime, latency: String(s.liveLatency), max: w.max, maxSettled: w.maxSettled,"
            + "    frames: s.framesPresented, dropped: s.framesDropped, jumps: s.latencyJumps, reconnects: s.reconnects, clock: s.clock};"
            + "});";

    private Browser browser;
    private LiveServer server;

    @BeforeAll
    void start() throws Exception {
        server = LiveServer.publishing("long", "hevc_aac.flv", 0);
        browser = new Browser();
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

    @Test
    void playsSixtySecondsWithinTargetLatency() throws Exception {
        browser.open("pages/player.html");
        play(List.of(List.of("http", "wasm", server.httpUrl("long")), List.of("ws", "js", server.wsUrl("long"))), SECONDS, "");
    }

    @Test
    void playsTwentySecondsWithinTargetLatency() throws Exception {
        browser.open("pages/player.html");
        play(List.of(List.of("ws", "wasm", server.wsUrl("long")), List.of("http", "js", server.httpUrl("long"))), 20, "");
    }

    /** A hidden tab: no animation frames, and page timers no more often than once a second. */
    private static final String HIDDEN = ""
            + "window.requestAnimationFrame = function () { return 0; };"
            + "var setI = window.setInterval, setT = window.setTimeout;"
            + "window.setInterval = function (f, ms) { return setI(f, Math.max(1000, ms || 0)); };"
            + "window.setTimeout = function (f, ms) { return setT(f, Math.max(1000, ms || 0)); };";

    @ParameterizedTest
    @ValueSource(strings = {"audio", "wall"})
    void keepsLatencyInAHiddenTab(String clock) throws Exception {
        browser.open("pages/player.html");
        // the wall clock: no WebAudio, the sound is discarded
        if (clock.equals("wall")) {
            browser.js("window.AudioContext = undefined; window.webkitAudioContext = undefined;");
        }
        List<Map<String, Object>> players = play(List.of(
                List.of("http", "wasm", server.httpUrl("long")), List.of("ws", "js", server.wsUrl("long"))), 20, HIDDEN);
        for (Map<String, Object> p : players) {
            assertEquals(clock, p.get("clock"), p.toString());
            // a stall restarts at the target latency (a jump): an occasional one under load, never one a second
            assertTrue(((Number) p.get("jumps")).intValue() <= 5, "playback went on without a loop of restarts: " + p);
        }
    }

    /**
     * Plays {@code cases} (transport, build, URL) at once for {@code seconds} each, after running
     * {@code prelude} in the page; checks the latency at the end and that the clocks ran.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> play(List<List<String>> cases, double seconds, String prelude) throws Exception {
        browser.js(prelude + START, cases, TARGET);
        long deadline = System.nanoTime() + (long) ((seconds + 60) * 1e9);
        List<Map<String, Object>> players;
        while (true) {
            players = (List<Map<String, Object>>) browser.js(STATUS);
            boolean done = true;
            for (Map<String, Object> p : players) {
                assertNull(p.get("error"), players + "\n" + browser.console());
                done &= ((Number) p.get("played")).doubleValue() >= seconds;
            }
            if (done) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the players play for " + seconds + " s: " + players);
            Thread.sleep(500);
        }
        browser.js("window.long.forEach(function (w) { clearInterval(w.timer); w.p.destroy(); w.box.remove(); });");
        for (Map<String, Object> p : players) {
            System.out.printf("live %.0f s%s %s: target %.2f s, latency at the end %.3f s, max after 5 s %.3f s, max %.3f s;"
                    + " played %.1f s, clock advanced %.1f s, %s pictures shown, %s dropped, %s jumps, clock %s%n",
                    seconds, prelude.isEmpty() ? "" : " hidden", p.get("name"), TARGET, Double.parseDouble((String) p.get("latency")),
                    ((Number) p.get("maxSettled")).doubleValue(), ((Number) p.get("max")).doubleValue(),
                    ((Number) p.get("played")).doubleValue(), ((Number) p.get("advanced")).doubleValue(),
                    p.get("frames"), p.get("dropped"), p.get("jumps"), p.get("clock"));
        }
        for (Map<String, Object> p : players) {
            double latency = Double.parseDouble((String) p.get("latency"));
            assertTrue(latency >= 0 && latency <= TARGET + 0.3, "latency within the target + 0.3 s at the end: " + p);
            double played = ((Number) p.get("played")).doubleValue();
            assertTrue(((Number) p.get("advanced")).doubleValue() >= played - 3, "the clock ran all along: " + p);
            assertEquals(0, ((Number) p.get("reconnects")).intValue(), "no connection was lost: " + p);
        }
        return players;
    }
}
