package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The player's pipeline in both builds: sessions (a src change shows nothing of the old file),
 * the clock without animation frames, autoplay refusal, preload, and a damaged packet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlayerPipelineTest {
    private static final int[][] BARS = {{191, 191, 191}, {191, 191, 0}, {0, 191, 191}, {0, 191, 0}, {191, 0, 191}, {191, 0, 0}, {0, 0, 191}};
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

    private List<Map<String, Object>> waitFor(String type, int timeoutMs) {
        return PlayerTest.waitFor(browser, "aPlayer", type, timeoutMs);
    }

    private double number(String script) {
        return ((Number) browser.js(script)).doubleValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void aSrcChangeMidPlaybackShowsTheNewFilesPictureFirst(String build) {
        browser.js("makePlayer('a', '/testdata/samples/sample.ogg', arguments[0]).play();", build);
        assertTrue(PlayerTest.types(waitFor("playing", 20000)).contains("playing"), browser.console());
        browser.async("var done = arguments[arguments.length - 1];"
                + "(function poll() { if (aPlayer.currentTime > 1) done(); else setTimeout(poll, 20); })();");
        long oldSession = (Long) browser.js("return aPlayer.getStats().session;");
        // The canvas is read in the loadeddata listener: the first picture drawn for the new src.
        browser.js("window.firstPicture = null; aPlayer.log.length = 0;"
                + "aPlayer.addEventListener('loadeddata', function () { if (!window.firstPicture) {"
                + "  window.firstPicture = []; for (var i = 0; i < 7; i++) firstPicture.push(samplePicture(aPlayer, (i + 0.5) / 7, 0.3));"
                + "  window.firstStats = aPlayer.getStats(); } });"
                + "aPlayer.src = '/testdata/samples/bars.ogg';");
        List<Map<String, Object>> log = waitFor("loadeddata", 20000);
        assertTrue(PlayerTest.types(log).contains("loadeddata"), PlayerTest.types(log) + "\n" + browser.console());
        assertEquals("loadstart", PlayerTest.types(log).get(0), PlayerTest.types(log).toString());
        List<List<Number>> picture = (List<List<Number>>) browser.js("return firstPicture;");
        for (int i = 0; i < BARS.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(BARS[i][c], picture.get(i).get(c).intValue(), 24, "bar " + i + " of the first picture: " + picture);
            }
        }
        Map<String, Object> stats = (Map<String, Object>) browser.js("return firstStats;");
        assertTrue((Long) stats.get("session") > oldSession, stats.toString());
        assertEquals(1L, stats.get("framesPresented"), "the first picture presented is the new file's: " + stats);
        assertEquals(320L, browser.js("return aPlayer.videoWidth;"));
        assertTrue(number("return aPlayer.currentTime;") < 0.01, "the new file starts at 0");
        assertEquals(true, browser.js("return aPlayer.paused;"), "a src change leaves the player paused");
        assertEquals(null, browser.js("return aPlayer.getStats().firstFrameMs;"), "NaN (null in JSON): firstFrameMs counts from this src's play()");
    }

    @ParameterizedTest
    @CsvSource({"wasm,/testdata/vorbis/stereo_22k_q2.ogg", "js,/testdata/vorbis/stereo_22k_q2.ogg",
        "wasm,/testdata/player/short_audio.ogg", "js,/testdata/player/short_audio.ogg",
        "js,/testdata/theora/yuv444_176x144.ogg"})
    void filesReachTheEndWithoutAnimationFrames(String build, String url) {
        browser.js("window.requestAnimationFrame = function () { return 0; };"
                + "makePlayer('a', arguments[0], arguments[1]).play();", url, build);
        List<Map<String, Object>> log = waitFor("ended", 20000);
        List<String> order = PlayerTest.types(log);
        assertTrue(order.contains("ended"), order + "\n" + browser.console());
        assertFalse(order.contains("error"), order.toString());
        double duration = number("return aPlayer.duration;");
        assertEquals(url.contains("short_audio") ? 2.0 : duration, number("return aPlayer.currentTime;"), 0.05);
        assertEquals(duration, number("return aPlayer.currentTime;"), 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void playRejectsWithNotAllowedErrorWhenTheAudioContextCannotRun(String build) {
        browser.js("var Real = window.AudioContext;"
                + "window.AudioContext = class extends Real {"
                + "  get state() { return 'suspended'; }"
                + "  resume() { return new Promise(function () {}); } };"
                + "makePlayer('a', '/testdata/samples/bars.ogg', arguments[0]);", build);
        assertTrue(PlayerTest.types(waitFor("canplay", 20000)).contains("canplay"), browser.console());
        Object r = browser.async("var done = arguments[arguments.length - 1];"
                + "aPlayer.play().then(function () { done('resolved'); }, function (e) { done(e.name + ' ' + (e instanceof DOMException)); });");
        assertEquals("NotAllowedError true", r);
        assertEquals(true, browser.js("return aPlayer.paused;"));
        assertFalse(PlayerTest.types(PlayerTest.log(browser, "aPlayer")).contains("playing"));
        assertTrue(number("return aPlayer.currentTime;") < 0.01);
        // muted, it plays without the AudioContext, on the wall clock, to the end
        browser.js("aPlayer.muted = true;");
        Object m = browser.async("var done = arguments[arguments.length - 1];"
                + "aPlayer.play().then(function () { done('resolved'); }, function (e) { done(e.name); });");
        assertEquals("resolved", m);
        List<Map<String, Object>> log = waitFor("ended", 20000);
        assertTrue(PlayerTest.types(log).contains("ended"), PlayerTest.types(log).toString());
        assertEquals(2.0, number("return aPlayer.currentTime;"), 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void preloadMetadataShowsDurationSizeAndTheFirstPictureAndNoneWaitsForPlay(String build) {
        browser.js("makePlayer('a', null, arguments[0], {preload: 'metadata'}); aPlayer.src = '/testdata/samples/bars.ogg';"
                + "makePlayer('b', null, arguments[0], {preload: 'none'}); bPlayer.src = '/testdata/samples/bars.ogg';", build);
        List<Map<String, Object>> log = waitFor("loadeddata", 20000);
        assertEquals(List.of("loadstart", "durationchange", "loadedmetadata", "loadeddata"), PlayerTest.types(log).subList(0, 4));
        assertEquals(2.0, number("return aPlayer.duration;"), 0.05);
        assertEquals(320L, browser.js("return aPlayer.videoWidth;"));
        assertEquals(240L, browser.js("return aPlayer.videoHeight;"));
        List<Number> rgb = (List<Number>) browser.js("return samplePicture(aPlayer, 0.5 / 7, 0.3);");
        assertEquals(191, rgb.get(0).intValue(), 24, "the first picture before play(): " + rgb);
        assertEquals(true, browser.js("return aPlayer.paused;"));

        List<Map<String, Object>> none = PlayerTest.log(browser, "bPlayer");
        assertEquals(List.of("loadstart"), PlayerTest.types(none), "preload none loads nothing before play()");
        assertEquals(0L, browser.js("return bPlayer.readyState;"));
        assertEquals(1L, browser.js("return bPlayer.networkState;"));
        browser.js("bPlayer.play();");
        assertTrue(PlayerTest.types(PlayerTest.waitFor(browser, "bPlayer", "ended", 20000)).contains("ended"), browser.console());
        double firstFrame = number("return bPlayer.getStats().firstFrameMs;");
        assertTrue(firstFrame >= 0 && firstFrame < 15000, "firstFrameMs from play(): " + firstFrame);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void aDamagedPacketIsDroppedAndPlaybackGoesOn(String build) {
        // damaged.ogg: the keyframe at frame 20 of 50 is refused; decoding resumes at the keyframe at 30.
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1];"
                + "Kinora.decode('/testdata/player/damaged.ogg', {build: arguments[0]}).then(done, function (e) { done({error: String(e)}); });",
                build);
        assertEquals(40L, r.get("frames"), r.toString());
        assertEquals(1L, r.get("decodeErrors"), r.toString());

        browser.js("makePlayer('a', '/testdata/player/damaged.ogg', arguments[0]).play();", build);
        List<Map<String, Object>> log = waitFor("ended", 20000);
        assertTrue(PlayerTest.types(log).contains("ended"), PlayerTest.types(log) + "\n" + browser.console());
        assertFalse(PlayerTest.types(log).contains("error"));
        Map<String, Object> stats = (Map<String, Object>) browser.js("return aPlayer.getStats();");
        assertEquals(1L, stats.get("decodeErrors"), stats.toString());
        assertEquals(40L, stats.get("framesDecoded"), stats.toString());
        assertEquals(2.0, number("return aPlayer.currentTime;"), 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void aChainedFilePlaysBothLinksAndResizes(String build) {
        // chained.ogg: 25 frames of 96x64 with 22.05 kHz mono sound, then 25 of 128x96 with 44.1 kHz stereo.
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], sizes = {};"
                + "Kinora.decode('/testdata/player/chained.ogg', {build: arguments[0], onFrame: function (f) { sizes[f.width + 'x' + f.height] = (sizes[f.width + 'x' + f.height] || 0) + 1; }})"
                + ".then(function (r) { r.sizes = sizes; done(r); }, function (e) { done({error: String(e)}); });", build);
        assertEquals(Map.of("96x64", 25L, "128x96", 25L), r.get("sizes"), r.toString());
        assertEquals(22050 + 44100, ((Number) r.get("audioSamples")).doubleValue(), 2048, r.toString());

        browser.js("makePlayer('a', '/testdata/player/chained.ogg', arguments[0]).play();"
                + "aPlayer.addEventListener('loadedmetadata', function () { window.metaDuration = aPlayer.duration; });", build);
        List<Map<String, Object>> log = waitFor("ended", 20000);
        List<String> order = PlayerTest.types(log);
        assertTrue(order.contains("ended"), order + "\n" + browser.console());
        assertEquals(1, PlayerTest.count(log, "resize"), order.toString());
        assertEquals(128L, browser.js("return aPlayer.videoWidth;"));
        assertEquals(96L, browser.js("return aPlayer.videoHeight;"));
        assertEquals(50L, browser.js("return aPlayer.getStats().framesDecoded;"));
        assertEquals(2.0, number("return aPlayer.currentTime;"), 0.1);
        // the duration of a chain: the sum of its links', known before play()
        assertEquals(2.0, number("return metaDuration;"), 0.05);
        assertEquals(2.0, number("return aPlayer.duration;"), 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void aLostWebglContextComesBackWithThePictureAndDestroyReleasesIt(String build) {
        browser.js("makePlayer('a', '/testdata/samples/bars.ogg', arguments[0]);", build);
        assertTrue(PlayerTest.types(waitFor("loadeddata", 20000)).contains("loadeddata"), browser.console());
        assertEquals("webgl2", browser.js("return aPlayer.getStats().renderer;"));
        Object restored = browser.async("var done = arguments[arguments.length - 1], c = aPlayer.canvas;"
                + "var ext = c.getContext('webgl2').getExtension('WEBGL_lose_context');"
                + "c.addEventListener('webglcontextlost', function () { setTimeout(function () { ext.restoreContext(); }, 50); });"
                + "c.addEventListener('webglcontextrestored', function () { setTimeout(function () { done('restored'); }, 50); });"
                + "ext.loseContext();");
        assertEquals("restored", restored);
        for (int i = 0; i < BARS.length; i++) {
            List<Number> rgb = (List<Number>) browser.js("return samplePicture(aPlayer, arguments[0], 0.3);", (i + 0.5) / 7);
            for (int c = 0; c < 3; c++) {
                assertEquals(BARS[i][c], rgb.get(c).intValue(), 24, "bar " + i + " after the context came back: " + rgb);
            }
        }
        assertEquals(true, browser.js("var c = aPlayer.canvas; aPlayer.destroy(); return c.getContext('webgl2').isContextLost();"));
    }
}
