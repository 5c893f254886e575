package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reconnecting to a live stream, in both builds, over HTTP-FLV and WebSocket-FLV: node-media-server
 * is killed mid-stream and started again on the same port with the publisher feeding it again
 * (its timestamps start from 0 again); the player fires {@code waiting} when the sound runs out,
 * reconnects, fires {@code playing}, and its clock goes on past the gap without ever going back.
 * A server that is gone for good ends in {@code error} MEDIA_ERR_NETWORK once the attempts
 * ({@code liveReconnectAttempts}) are used up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReconnectTest {
    private static final String FIXTURE = "hevc_aac.flv";

    /** Starts a player on {@code window.rc}: its events, errors and whether its clock went back. */
    private static final String START = ""
            + "var url = arguments[0], build = arguments[1], attempts = arguments[2];"
            + "var box = document.createElement('div'); box.style.width = '320px'; box.style.height = '180px';"
            + "document.body.appendChild(box);"
            + "var opts = {build: build, muted: true, liveStallTimeout: 3};"
            + "if (attempts > 0) opts.liveReconnectAttempts = attempts;"
            + "var p = new Kinora.Player(box, opts), r = {events: [], error: null, backwards: 0, last: 0};"
            + "window.rc = {p: p, box: box, r: r};"
            + "['waiting', 'playing', 'error'].forEach(function (n) { p.addEventListener(n, function () {"
            + "  r.events.push({type: n, at: Date.now(), time: p.currentTime, frames: p.getStats().framesPresented}); }); });"
            + "p.addEventListener('error', function () { r.error = p.error ? {code: p.error.code, message: p.error.message} : {code: -1}; });"
            + "r.timer = setInterval(function () { var t = p.currentTime; if (t < r.last) r.backwards++; r.last = t; }, 50);"
            + "p.src = url; p.play().catch(function (e) { if (!r.error) r.error = {code: -2, message: 'play: ' + e}; });";

    private static final String STATUS = ""
            + "var p = window.rc.p, r = window.rc.r, s = p.getStats();"
            + "return {now: Date.now(), time: p.currentTime, frames: s.framesPresented, reconnects: s.reconnects,"
            + "  error: r.error, events: r.events, backwards: r.backwards, latency: String(s.liveLatency)};";

    private static final String STOP = ""
            + "var rc = window.rc; clearInterval(rc.r.timer); rc.p.destroy(); rc.box.remove(); window.rc = null;";

    private Browser browser;
    private LiveServer server;
    private byte[] flv;

    @BeforeAll
    void start() throws Exception {
        flv = Files.readAllBytes(Path.of(System.getProperty("kinora.testdata", "../testdata"), "flv", FIXTURE));
        server = LiveServer.publishing("again", FIXTURE, 40);
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
    private Map<String, Object> status() {
        return (Map<String, Object>) browser.js(STATUS);
    }

    /** Polls the player until {@code done} holds or an error shows; fails after {@code seconds}. */
    private Map<String, Object> await(Predicate<Map<String, Object>> done, double seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            Map<String, Object> s = status();
            if (done.test(s) || s.get("error") != null) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + s + "\n" + browser.console());
            }
            Thread.sleep(100);
        }
    }

    private static double num(Map<String, Object> s, String key) {
        return ((Number) s.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> s) {
        return (List<Map<String, Object>>) s.get("events");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"http, wasm", "ws, js", "http, js", "ws, wasm"})
    void resumesAfterServerRestart(String transport, String build) throws Exception {
        String url = transport.equals("ws") ? server.wsUrl("again") : server.httpUrl("again");
        browser.js(START, url, build, 0);
        try {
            Map<String, Object> before = await(s -> num(s, "frames") >= 30, 60, "30 pictures");
            assertNull(before.get("error"), before + "\n" + browser.console());
            double killedAt = num(before, "now");
            double timeBefore = num(before, "time");
            server.kill();
            Thread.sleep(1500);
            server.restart();
            server.publish("again", flv, 40);
            Map<String, Object> after = await(s -> {
                Map<String, Object> resumed = resumedAfter(s, killedAt);
                return resumed != null && num(s, "time") > timeBefore + 3 && num(s, "frames") >= num(resumed, "frames") + 30;
            }, 60, "playback to resume");
            System.out.println("live reconnect " + transport + " " + build + ": before " + before + "\n  after " + after);
            assertNull(after.get("error"), after + "\n" + browser.console());
            Map<String, Object> resumed = resumedAfter(after, killedAt);
            assertNotNull(resumed, "waiting, then playing after the kill: " + after);
            assertTrue(num(after, "reconnects") >= 1, "reconnected: " + after);
            assertEquals(0, num(after, "backwards"), "currentTime never went back: " + after);
            assertTrue(num(resumed, "time") >= timeBefore, "playing resumed where it stopped: " + after);
            assertTrue(num(after, "time") > timeBefore + 3, "the clock went on past the gap: " + after);
            double latency = Double.parseDouble((String) after.get("latency"));
            assertTrue(Double.isFinite(latency) && latency <= 3.5, "latency back in bounds: " + after);
        } finally {
            browser.js(STOP);
        }
    }

    /** The {@code playing} event that follows a {@code waiting} fired after {@code killedAt}, or null. */
    private static Map<String, Object> resumedAfter(Map<String, Object> s, double killedAt) {
        boolean waited = false;
        for (Map<String, Object> e : events(s)) {
            if (num(e, "at") < killedAt) {
                continue;
            }
            if ("waiting".equals(e.get("type"))) {
                waited = true;
            } else if (waited && "playing".equals(e.get("type"))) {
                return e;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"http, wasm", "ws, js"})
    void failsWhenServerIsGone(String transport, String build) throws Exception {
        try (LiveServer gone = LiveServer.publishing("gone", FIXTURE, 40)) {
            String url = transport.equals("ws") ? gone.wsUrl("gone") : gone.httpUrl("gone");
            browser.js(START, url, build, 2);
            try {
                Map<String, Object> playing = await(s -> num(s, "frames") >= 20, 60, "20 pictures");
                assertNull(playing.get("error"), playing + "\n" + browser.console());
                gone.kill();
                long killed = System.nanoTime();
                Map<String, Object> s = await(x -> false, 20, "the error");
                double seconds = (System.nanoTime() - killed) / 1e9;
                System.out.println("live gone " + transport + " " + build + ": error after " + seconds + " s: " + s);
                Map<String, Object> error = (Map<String, Object>) s.get("error");
                assertEquals(2, ((Number) error.get("code")).intValue(), "MEDIA_ERR_NETWORK: " + s);
                assertEquals(2, num(s, "reconnects"), "both attempts were made: " + s);
                assertTrue(seconds < 12, "the error came within the bound: " + seconds + " s");
            } finally {
                browser.js(STOP);
            }
        }
    }
}
