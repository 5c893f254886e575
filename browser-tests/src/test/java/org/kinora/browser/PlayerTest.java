package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kinora.Player in both builds: playback to the end, the picture on the canvas, errors, two players. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlayerTest {
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void page() {
        browser.open("pages/player.html");
    }

    /** Waits (polling in the page) until the player's log has an event of {@code type}; returns the log. */
    private List<Map<String, Object>> waitFor(String player, String type, int timeoutMs) {
        return waitFor(browser, player, type, timeoutMs);
    }

    static List<Map<String, Object>> waitFor(Browser browser, String player, String type, int timeoutMs) {
        return waitForCount(browser, player, type, 1, timeoutMs);
    }

    /** Waits until the player's log has {@code count} events of {@code type}; returns the log. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> waitForCount(Browser browser, String player, String type, int count, int timeoutMs) {
        return (List<Map<String, Object>>) browser.async(
                "var done = arguments[arguments.length - 1], p = window[arguments[0]], type = arguments[1], t0 = Date.now(), limit = arguments[2];"
                + "var count = arguments[3];"
                + "(function poll() {"
                + "  if (p.log.filter(function (e) { return e.type === type; }).length >= count || Date.now() - t0 > limit) done(p.log.slice());"
                + "  else setTimeout(poll, 20);"
                + "})();", player, type, timeoutMs, count);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> log(Browser browser, String player) {
        return (List<Map<String, Object>>) browser.js("return window[arguments[0]].log.slice();", player);
    }

    static int count(List<Map<String, Object>> log, String type) {
        int n = 0;
        for (Map<String, Object> e : log) {
            if (type.equals(e.get("type"))) {
                n++;
            }
        }
        return n;
    }

    static List<String> types(List<Map<String, Object>> log) {
        List<String> t = new ArrayList<>();
        for (Map<String, Object> e : log) {
            if (!"timeupdate".equals(e.get("type"))) {
                t.add((String) e.get("type"));
            }
        }
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void playsToTheEndWithEventsInOrderAndThePictureOnTheCanvas(String build) {
        browser.js("makePlayer('a', '/testdata/samples/bars.ogg', arguments[0]);", build);
        List<Map<String, Object>> log = waitFor("aPlayer", "canplay", 20000);
        assertTrue(types(log).contains("canplay"), types(log) + "\n" + browser.console());
        assertEquals(320L, browser.js("return aPlayer.videoWidth;"));
        assertEquals(240L, browser.js("return aPlayer.videoHeight;"));
        assertEquals(2.0, ((Number) browser.js("return aPlayer.duration;")).doubleValue(), 0.05);

        // SMPTE bars, top part: 75% white, yellow, cyan, green, magenta, red, blue.
        int[][] bars = {{191, 191, 191}, {191, 191, 0}, {0, 191, 191}, {0, 191, 0}, {191, 0, 191}, {191, 0, 0}, {0, 0, 191}};
        for (int i = 0; i < bars.length; i++) {
            List<Number> rgb = (List<Number>) browser.js("return samplePicture(aPlayer, arguments[0], 0.3);", (i + 0.5) / 7);
            for (int c = 0; c < 3; c++) {
                assertEquals(bars[i][c], rgb.get(c).intValue(), 24, "bar " + i + " channel " + c + ": " + rgb);
            }
        }

        Object played = browser.async("var done = arguments[arguments.length - 1];"
                + "aPlayer.play().then(function () { done(aPlayer.currentTime); }, function (e) { done('rejected ' + e.message); });");
        assertTrue(played instanceof Number, String.valueOf(played));
        double t0 = ((Number) played).doubleValue();
        log = waitFor("aPlayer", "ended", 20000);
        List<String> order = types(log);
        assertTrue(order.contains("ended"), order + "\n" + browser.console());
        assertEquals(List.of("loadstart", "durationchange", "loadedmetadata", "loadeddata", "canplay", "canplaythrough", "play", "playing"),
                order.subList(0, 8), order.toString());
        assertEquals(List.of("pause", "ended"), order.subList(order.size() - 2, order.size()), order.toString());
        double lastUpdate = -1;
        int updates = 0;
        for (Map<String, Object> e : log) {
            if ("timeupdate".equals(e.get("type"))) {
                double t = ((Number) e.get("time")).doubleValue();
                assertTrue(t >= lastUpdate, "currentTime never goes back: " + log);
                lastUpdate = t;
                updates++;
            }
        }
        assertTrue(updates >= 4, "timeupdate while playing: " + updates);
        assertTrue(t0 < 0.5, "starts near 0: " + t0);
        assertEquals(2.0, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 0.05);
        assertEquals(true, browser.js("return aPlayer.ended && aPlayer.paused;"));
        Map<String, Object> stats = (Map<String, Object>) browser.js("return aPlayer.getStats();");
        // 2 s at 25 fps: every frame time has a picture (frames the encoder dropped repeat the last one)
        assertEquals(50L, stats.get("framesDecoded"), stats.toString());
        long presented = (Long) stats.get("framesPresented");
        long dropped = (Long) stats.get("framesDropped");
        assertTrue(presented + dropped <= 50 && presented > 10, stats.toString());
        assertEquals(build, stats.get("build"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aMissingFileGivesSrcNotSupported(String build) {
        assertError(build, "/testdata/no-such-file.ogg", 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aNonMediaFileGivesSrcNotSupported(String build) {
        assertError(build, "/pages/media/not-media.ogg", 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aFileCutInsideItsHeadersGivesSrcNotSupported(String build) {
        assertError(build, "/testdata/samples/sample-cut.ogg", 4);
    }

    private void assertError(String build, String url, int code) {
        browser.js("makePlayer('a', arguments[0], arguments[1]); aPlayer.play().catch(function (e) { window.playRejected = e.code; });", url, build);
        List<Map<String, Object>> log = waitFor("aPlayer", "error", 20000);
        assertTrue(types(log).contains("error"), types(log).toString());
        assertEquals((long) code, browser.js("return aPlayer.error.code;"), String.valueOf(browser.js("return aPlayer.error.message;")));
        assertEquals((long) code, browser.js("return window.playRejected;"), "play() rejects with the error");
        assertFalse(types(log).contains("loadedmetadata"));
        // the page keeps working: a new player on it plays
        browser.js("makePlayer('b', '/testdata/samples/bars.ogg', arguments[0]);", build);
        assertTrue(types(waitFor("bPlayer", "canplay", 20000)).contains("canplay"), browser.console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void twoPlayersPlayAtOnce(String build) {
        browser.js("makePlayer('a', '/testdata/samples/bars.ogg', arguments[0]).play();"
                + "makePlayer('b', '/testdata/samples/sample.ogg', arguments[0]).play();", build);
        List<Map<String, Object>> a = waitFor("aPlayer", "ended", 30000);
        assertTrue(types(a).contains("ended"), types(a).toString());
        double bTime = ((Number) browser.js("return bPlayer.currentTime;")).doubleValue();
        assertTrue(bTime > 0.5, "the second player advanced while the first played: " + bTime);
        assertEquals(false, browser.js("return bPlayer.paused;"));
        Object later = browser.async("var done = arguments[arguments.length - 1];"
                + "setTimeout(function () { done(bPlayer.currentTime); }, 400);");
        assertTrue(((Number) later).doubleValue() > bTime, "and goes on playing: " + bTime + " -> " + later);
        assertTrue(((Number) browser.js("return bPlayer.getStats().framesPresented;")).intValue() > 10);
        // picture buffers come back and are reused: far fewer allocated than frames decoded
        Map<String, Object> stats = (Map<String, Object>) browser.js("return bPlayer.getStats();");
        long allocated = ((Number) stats.get("pictureBuffersAllocated")).longValue();
        long decoded = ((Number) stats.get("framesDecoded")).longValue();
        assertTrue(allocated >= 1 && allocated <= 8 && decoded > 30, stats.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void playersMadeAtOnceOverTheCapNeverHoldHalfTheirWorkers(String build) {
        // all in one task: every player asks for its two workers before any is given
        long max = (Long) browser.js("return Kinora.poolStats().maxWorkers;");
        int players = (int) (max / 2) + 1;
        browser.js("for (var i = 0; i < arguments[0]; i++) makePlayer('q' + i, '/testdata/samples/sample.ogg', arguments[1]);",
                players, build);
        for (int i = 0; i < players - 1; i++) {
            assertTrue(types(waitFor("q" + i + "Player", "loadedmetadata", 20000)).contains("loadedmetadata"),
                    "player " + i + " of " + players + ": " + browser.js("return Kinora.poolStats();"));
        }
        Map<String, Object> stats = (Map<String, Object>) browser.js("return Kinora.poolStats();");
        assertEquals(max, stats.get("busy"), stats.toString());
        assertEquals(1L, stats.get("waiting"), "only the last player waits, holding no worker: " + stats);
        browser.js("q0Player.destroy();");
        assertTrue(types(waitFor("q" + (players - 1) + "Player", "loadedmetadata", 20000)).contains("loadedmetadata"));
        for (int i = 1; i < players; i++) {
            browser.js("window['q' + arguments[0] + 'Player'].destroy();", i);
        }
        assertEquals(0L, ((Map<String, Object>) browser.js("return Kinora.poolStats();")).get("busy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void thePagesPoolCapsWorkersAndHandsThemOn(String build) {
        long max = (Long) browser.js("return Kinora.poolStats().maxWorkers;");
        int players = (int) (max / 2) + 1; // each player takes a source and a video worker
        for (int i = 0; i < players; i++) {
            browser.js("makePlayer('p' + arguments[0], '/testdata/samples/sample.ogg', arguments[1]);", i, build);
        }
        for (int i = 0; i < players - 1; i++) {
            assertTrue(types(waitFor("p" + i + "Player", "loadedmetadata", 20000)).contains("loadedmetadata"), "player " + i);
        }
        Map<String, Object> stats = (Map<String, Object>) browser.js("return Kinora.poolStats();");
        assertEquals(max, stats.get("busy"), stats.toString());
        assertEquals(1L, stats.get("waiting"), "the last player waits for a worker: " + stats);
        String last = "p" + (players - 1) + "Player";
        assertEquals(0L, browser.js("return window[arguments[0]].readyState;", last));
        browser.js("p0Player.destroy();");
        assertTrue(types(waitFor(last, "loadedmetadata", 20000)).contains("loadedmetadata"), "the waiting player got the workers given back");
        stats = (Map<String, Object>) browser.js("return Kinora.poolStats();");
        assertEquals(0L, stats.get("waiting"), stats.toString());
        assertTrue((Long) stats.get("busy") <= max, stats.toString());
        for (int i = 1; i < players; i++) {
            browser.js("window['p' + arguments[0] + 'Player'].destroy();", i);
        }
        // idle workers end after the pool's idle timeout (shortened here)
        assertTrue((Long) browser.js("return Kinora.poolStats().idle;") >= 2, String.valueOf(browser.js("return Kinora.poolStats();")));
        browser.js("Kinora._setPoolIdleTimeout(300);");
        Object idle = browser.async("var done = arguments[arguments.length - 1];"
                + "setTimeout(function () { done(Kinora.poolStats()); }, 1500);");
        assertEquals(0L, ((Map<String, Object>) idle).get("idle"), idle.toString());
        assertEquals(0L, ((Map<String, Object>) idle).get("busy"), idle.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aCrashedWorkerGivesAnErrorAndIsReplaced(String build) {
        browser.js("makePlayer('a', '/testdata/samples/sample.ogg', arguments[0]).play();", build);
        assertTrue(types(waitFor("aPlayer", "playing", 20000)).contains("playing"));
        browser.js("aPlayer._core('simulateCrash', 'video');");
        List<Map<String, Object>> log = waitFor("aPlayer", "error", 20000);
        assertTrue(types(log).contains("error"), types(log).toString());
        assertEquals(3L, browser.js("return aPlayer.error.code;"));
        assertTrue(((String) browser.js("return aPlayer.error.message;")).contains("crashed"));
        // the page and the pool go on: a new player gets working workers
        browser.js("makePlayer('b', '/testdata/samples/bars.ogg', arguments[0]).play();", build);
        assertTrue(types(waitFor("bPlayer", "ended", 20000)).contains("ended"), browser.console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void soundBuffersAreReusedInSteadyState(String build) {
        browser.js("makePlayer('a', '/testdata/samples/sample.ogg', arguments[0]).play();", build);
        assertTrue(types(waitFor("aPlayer", "playing", 20000)).contains("playing"));
        long at4 = planesAllocatedAfter(4);
        long at7 = planesAllocatedAfter(7);
        assertTrue(at4 > 0, "sound went through the pool of plane arrays");
        assertTrue(at7 - at4 <= 8, "after the read-ahead filled, arrays come back instead of new ones: " + at4 + " -> " + at7);
    }

    private long planesAllocatedAfter(double seconds) {
        Object v = browser.async("var done = arguments[arguments.length - 1], s = arguments[0];"
                + "(function poll() { if (aPlayer.currentTime >= s || aPlayer.ended) done(aPlayer.getStats().audioPlanesAllocated);"
                + "  else setTimeout(poll, 50); })();", seconds);
        return ((Number) v).longValue();
    }

    @ParameterizedTest
    @CsvSource({"wasm,/testdata/theora/yuv444_176x144.ogg", "js,/testdata/theora/yuv422_176x144.ogg",
        "wasm,/testdata/vorbis/stereo_22k_q2.ogg", "js,/testdata/vorbis/surround51_48k_q3.ogg"})
    void videoOnlyAndAudioOnlyFilesPlayToTheEnd(String build, String url) {
        browser.js("makePlayer('a', arguments[0], arguments[1]).play();", url, build);
        List<Map<String, Object>> log = waitFor("aPlayer", "ended", 20000);
        List<String> order = types(log);
        assertTrue(order.contains("ended"), order + "\n" + browser.console());
        assertFalse(order.contains("error"), order.toString());
        double duration = ((Number) browser.js("return aPlayer.duration;")).doubleValue();
        assertEquals(duration, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 0.05);
        boolean audioOnly = url.contains("vorbis");
        assertEquals(audioOnly ? 0L : 176L, browser.js("return aPlayer.videoWidth;"));
        assertEquals(audioOnly ? "worklet" : "none", browser.js("return aPlayer.getStats().audioOutput;"));
    }

    @ParameterizedTest
    @CsvSource({"wasm,/testdata/matroska/theora_vorbis.mkv,96", "js,/testdata/matroska/theora_vorbis.mkv,96",
        "wasm,/testdata/matroska/vorbis.webm,0", "js,/testdata/matroska/vorbis.webm,0"})
    void matroskaAndWebmPlayToTheEnd(String build, String url, long width) {
        browser.js("makePlayer('a', arguments[0], arguments[1]).play();", url, build);
        List<Map<String, Object>> log = waitFor("aPlayer", "ended", 20000);
        List<String> order = types(log);
        assertTrue(order.contains("ended"), order + "\n" + browser.console());
        assertFalse(order.contains("error"), order.toString());
        double duration = ((Number) browser.js("return aPlayer.duration;")).doubleValue();
        assertEquals(1.0, duration, 0.05);
        assertEquals(duration, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 0.05);
        assertEquals(width, browser.js("return aPlayer.videoWidth;"));
        assertEquals("worklet", browser.js("return aPlayer.getStats().audioOutput;"));
    }

    @ParameterizedTest
    @CsvSource({"wasm,webgl", "js,2d"})
    @SuppressWarnings("unchecked")
    void everyRendererDrawsTheBars(String build, String renderer) {
        browser.js("var box = document.getElementById('a');"
                + "window.aPlayer = new Kinora.Player(box, {build: arguments[0], renderer: arguments[1], src: '/testdata/samples/bars.ogg'});"
                + "aPlayer.log = []; aPlayer.addEventListener('loadeddata', function () { aPlayer.log.push({type: 'loadeddata'}); });",
                build, renderer);
        assertTrue(types(waitFor("aPlayer", "loadeddata", 20000)).contains("loadeddata"));
        assertEquals(renderer, browser.js("return aPlayer.getStats().renderer;"));
        int[][] bars = {{191, 191, 191}, {191, 191, 0}, {0, 191, 191}, {0, 191, 0}, {191, 0, 191}, {191, 0, 0}, {0, 0, 191}};
        for (int i = 0; i < bars.length; i++) {
            List<Number> rgb = (List<Number>) browser.js("return samplePicture(aPlayer, arguments[0], 0.3);", (i + 0.5) / 7);
            for (int c = 0; c < 3; c++) {
                assertEquals(bars[i][c], rgb.get(c).intValue(), 24, renderer + " bar " + i + " channel " + c + ": " + rgb);
            }
        }
    }
}
