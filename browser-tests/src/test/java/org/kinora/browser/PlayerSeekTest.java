package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeking in both builds, on testdata/player/seek_gop.ogg: 6 s at 25 fps with keyframes every 3 s,
 * each frame one flat colour; the picture after {@code seeked}, read back from the Canvas 2D
 * renderer, must be ffmpeg's frame at that time (testdata/player/seek_gop.colours).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlayerSeekTest {
    private static final String FILE = "/testdata/player/seek_gop.ogg";
    /** Canvas RGB against ffmpeg's conversion: both BT.601 limited range, rounding and noise apart. */
    private static final int TOLERANCE = 12;
    private Browser browser;
    private final List<int[]> colours = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        for (String line : Files.readAllLines(Fixtures.testdata().resolve("player/seek_gop.colours"))) {
            String[] f = line.trim().split("\\s+");
            colours.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])});
        }
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

    @Test
    void theFixtureTellsNeighbouringFramesApart() throws IOException {
        assertEquals(150, colours.size());
        for (int i = 1; i < colours.size(); i++) {
            int[] a = colours.get(i - 1);
            int[] b = colours.get(i);
            int d = Math.max(Math.abs(a[0] - b[0]), Math.max(Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])));
            assertTrue(d > 3 * TOLERANCE, "frames " + (i - 1) + " and " + i + " differ by " + d);
        }
    }

    private void make(String build) {
        browser.js("makePlayer('a', null, arguments[0], {renderer: '2d'}); aPlayer.src = arguments[1];", build, FILE);
        assertTrue(PlayerTest.types(waitFor("loadeddata", 20000)).contains("loadeddata"), browser.console());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> waitFor(String type, int timeoutMs) {
        return PlayerTest.waitFor(browser, "aPlayer", type, timeoutMs);
    }

    /** Waits for {@code count} events of {@code type} in the log. */
    private List<Map<String, Object>> waitForCount(String type, int count, int timeoutMs) {
        return PlayerTest.waitForCount(browser, "aPlayer", type, count, timeoutMs);
    }

    @SuppressWarnings("unchecked")
    private void assertFrameShown(int frame, String what) {
        List<Number> rgb = (List<Number>) browser.js("return sampleCentre(aPlayer);");
        int[] want = colours.get(frame);
        for (int c = 0; c < 3; c++) {
            assertEquals(want[c], rgb.get(c).intValue(), TOLERANCE, what + ": frame " + frame + " wanted " + java.util.Arrays.toString(want)
                    + ", canvas " + rgb);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void anExactSeekWhilePausedShowsTheFrameContainingTheTarget(String build) {
        make(build);
        assertEquals(160L, browser.js("return aPlayer.videoWidth;"));
        assertEquals(1L, browser.js("return aPlayer.seekable.length;"));
        assertEquals(6.0, ((Number) browser.js("return aPlayer.seekable.end(0);")).doubleValue(), 0.05);
        assertFrameShown(0, "before any seek");
        // 2.5 s and 2.98 s need the keyframe at 0 and 62..74 frames decoded; 4.27 s the one at 3 s;
        // then back to 1.02 s, and 5.5 s near the end.
        double[] targets = {2.5, 4.27, 1.02, 2.98, 5.5};
        for (int i = 0; i < targets.length; i++) {
            double t = targets[i];
            browser.js("aPlayer.currentTime = arguments[0];", t);
            List<Map<String, Object>> log = waitForCount("seeked", i + 1, 20000);
            assertEquals(i + 1, PlayerTest.count(log, "seeked"), PlayerTest.types(log) + "\n" + browser.console());
            assertEquals(i + 1, PlayerTest.count(log, "seeking"));
            assertEquals(t, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 1e-6);
            assertEquals(true, browser.js("return aPlayer.paused && !aPlayer.seeking;"));
            assertFrameShown((int) Math.floor(t * 25 + 1e-9), "after seeking to " + t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aBurstOfSeeksCompletesOnlyTheLastAndPlaybackGoesOnFromThere(String build) {
        make(build);
        browser.js("for (var i = 1; i <= 10; i++) aPlayer.currentTime = i * 0.45;");
        List<Map<String, Object>> log = waitFor("seeked", 20000);
        // give any superseded seek time to complete, which it must not
        browser.async("setTimeout(arguments[arguments.length - 1], 800);");
        log = PlayerTest.log(browser, "aPlayer");
        assertEquals(10, PlayerTest.count(log, "seeking"), PlayerTest.types(log).toString());
        assertEquals(1, PlayerTest.count(log, "seeked"), PlayerTest.types(log).toString());
        assertEquals(4.5, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 1e-6);
        assertFrameShown(112, "after the burst");
        Object played = browser.async("var done = arguments[arguments.length - 1];"
                + "aPlayer.play().then(function () { done('ok'); }, function (e) { done('rejected ' + e); });");
        assertEquals("ok", played);
        log = waitFor("ended", 20000);
        assertTrue(PlayerTest.types(log).contains("ended"), PlayerTest.types(log) + "\n" + browser.console());
        assertEquals(6.0, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 0.05);
        double firstUpdate = -1;
        for (Map<String, Object> e : log) {
            if ("timeupdate".equals(e.get("type")) && Boolean.FALSE.equals(e.get("paused"))) {
                firstUpdate = ((Number) e.get("time")).doubleValue();
                break;
            }
        }
        assertTrue(firstUpdate >= 4.5 - 1e-6, "playback goes on from the seek target: " + firstUpdate);
        // the end reached, play() starts again from the beginning
        browser.js("aPlayer.play();");
        waitForCount("playing", 2, 20000);
        assertTrue(((Number) browser.js("return aPlayer.currentTime;")).doubleValue() < 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void fastSeekLandsOnTheKeyframe(String build) {
        make(build);
        browser.js("aPlayer.fastSeek(4.5);");
        waitFor("seeked", 20000);
        assertEquals(3.0, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 1e-6);
        assertFrameShown(75, "after fastSeek(4.5)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theControlsSeekBarDragsAndSeeks(String build) {
        browser.js("var el = document.createElement('kinora-player'); el.id = 'el'; el.setAttribute('controls', '');"
                + "el.setAttribute('build', arguments[0]); el.setAttribute('src', arguments[1]); document.body.appendChild(el);"
                + "window.aPlayer = el.player; aPlayer.log = [];"
                + "['loadedmetadata', 'seeking', 'seeked', 'timeupdate'].forEach(function (type) {"
                + "  el.addEventListener(type, function () { aPlayer.log.push({type: type, time: aPlayer.currentTime}); }); });",
                build, FILE);
        assertTrue(PlayerTest.types(waitFor("loadedmetadata", 20000)).contains("loadedmetadata"));
        browser.js("var bar = document.getElementById('el').shadowRoot.querySelector('.progress'), r = bar.getBoundingClientRect();"
                + "function at(type, f) { bar.dispatchEvent(new PointerEvent(type, {bubbles: true, pointerId: 7,"
                + "  clientX: r.left + f * r.width, clientY: r.top + r.height / 2})); }"
                + "at('pointerdown', 0.25); at('pointermove', 0.5); at('pointermove', 0.6); at('pointerup', 0.6);");
        List<Map<String, Object>> log = waitFor("seeked", 20000);
        assertEquals(3, PlayerTest.count(log, "seeking"), PlayerTest.types(log).toString());
        assertEquals(3.6, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 0.1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void soundResumesAtTheExactSampleOfTheTarget(String build) {
        // The samples of the whole sound track, decoded straight through, at their timestamps.
        List<Number> expected = (List<Number>) browser.async("var done = arguments[arguments.length - 1];"
                + "var all = new Float32Array(8 * 22050);"
                + "Kinora.decode(arguments[1], {build: arguments[0], onAudio: function (a) {"
                + "  all.set(a.planes[0].subarray(0, a.frames), Math.round(a.time * a.sampleRate)); }})"
                + ".then(function () { var i = Math.round(2.5 * 22050); done(Array.from(all.subarray(i, i + 64))); },"
                + " function (e) { done(String(e)); });", build, FILE);
        make(build);
        browser.js("aPlayer.currentTime = 2.5;");
        assertTrue(PlayerTest.types(waitFor("seeked", 20000)).contains("seeked"));
        // What the AudioWorklet received first after the seek (it describes that block to the page).
        Map<String, Object> first = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "(function poll() { var f = aPlayer.getStats().audioFirstBlock;"
                + "  if (f || Date.now() - t0 > 10000) done(f); else setTimeout(poll, 20); })();");
        assertEquals(2.5, ((Number) first.get("time")).doubleValue(), 0.5 / 22050, "the first sound block after the seek starts at the target");
        List<Number> got = (List<Number>) first.get("head");
        for (int i = 0; i < 64; i++) {
            assertEquals(expected.get(i).doubleValue(), got.get(i).doubleValue(), 1e-6, "sample " + i + " after the target");
        }
    }
}
