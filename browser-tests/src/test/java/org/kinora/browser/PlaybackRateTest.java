package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * playbackRate, defaultPlaybackRate, preservesPitch, loop and volume as HTMLMediaElement has them, in
 * both builds: the media time advances at the rate on the sound's clock and on the wall clock
 * (muted, no sound output), the range is checked with the exceptions Chromium's video element
 * throws, ratechange and volumechange come once per change, a load starts at defaultPlaybackRate,
 * and a looped file starts again without ending. (What the sound sounds like at a rate:
 * {@link AudioCatchUpTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybackRateTest {
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

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0} at rate {1}, muted {2}")
    @CsvSource({"wasm, 2, false", "js, 2, false", "wasm, 0.5, false", "js, 0.5, false", "wasm, 2, true", "js, 2, true"})
    void theMediaTimeAdvancesAtTheRate(String build, double rate, boolean muted) {
        browser.js("makePlayer('a', '/testdata/samples/sample.ogg', arguments[0], {muted: arguments[1], preload: 'auto'});"
                + "window.rates = 0; aPlayer.addEventListener('ratechange', function () { rates++; });"
                + "aPlayer.playbackRate = arguments[2]; aPlayer.play();", build, muted, rate);
        assertTrue(browser.waitUntil("aPlayer.currentTime > 0.4 && !aPlayer.paused && aPlayer.readyState >= 3", 30000), browser.console());
        // the media time over 1.5 s (wall) of playback without waiting
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], p = aPlayer;"
                + "var waits = 0; p.addEventListener('waiting', function () { waits++; });"
                + "var w0 = performance.now(), m0 = p.currentTime;"
                + "setTimeout(function () { done({wall: (performance.now() - w0) / 1000, media: p.currentTime - m0, waits: waits,"
                + "  rate: p.playbackRate, rates: rates}); }, 1500);");
        System.out.println(build + " rate " + rate + " muted " + muted + ": " + r);
        assertEquals(0L, r.get("waits"), "played without waiting: " + r);
        assertEquals(rate, ((Number) r.get("rate")).doubleValue());
        assertEquals(1L, r.get("rates"), "one ratechange");
        double measured = ((Number) r.get("media")).doubleValue() / ((Number) r.get("wall")).doubleValue();
        assertEquals(rate, measured, 0.15 * rate, "media seconds per wall second: " + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void ratesAndVolumeAreCheckedAsByTheVideoElement(String build) {
        browser.js("makePlayer('a', null, arguments[0]); window.changes = [];"
                + "['ratechange', 'volumechange'].forEach(function (t) { aPlayer.addEventListener(t, function () { changes.push(t); }); });", build);
        String thrown = (String) browser.js("function f(set) { try { set(); return 'none'; } catch (e) { return e.name + (e instanceof DOMException ? '' : '!'); } }"
                + "var p = aPlayer;"
                + "return [f(function () { p.playbackRate = 0.1; }), f(function () { p.playbackRate = 5; }),"
                + " f(function () { p.playbackRate = NaN; }), f(function () { p.defaultPlaybackRate = 4.5; }),"
                + " f(function () { p.volume = 1.5; }), f(function () { p.volume = -0.1; }), f(function () { p.volume = NaN; }),"
                + " f(function () { p.playbackRate = 0.25; }), f(function () { p.playbackRate = 4; })].join(' ');");
        assertEquals("NotSupportedError NotSupportedError TypeError! NotSupportedError IndexSizeError IndexSizeError TypeError! none none", thrown);
        assertEquals("ratechange,ratechange", String.join(",", (java.util.List<String>) browser.js("return changes;")),
                "a refused value changes nothing; each accepted one fires once");
        assertEquals(4.0, ((Number) browser.js("return aPlayer.playbackRate;")).doubleValue());
        assertEquals(1.0, ((Number) browser.js("return aPlayer.defaultPlaybackRate;")).doubleValue());
        // a load starts at defaultPlaybackRate; preservesPitch is kept
        browser.js("aPlayer.defaultPlaybackRate = 1.5; aPlayer.preservesPitch = false; aPlayer.src = '/testdata/samples/bars.ogg';"
                + "aPlayer.volume = 0.5; aPlayer.volume = 0.5; aPlayer.muted = true;");
        assertEquals(1.5, ((Number) browser.js("return aPlayer.playbackRate;")).doubleValue());
        assertEquals(Boolean.FALSE, browser.js("return aPlayer.preservesPitch;"));
        assertEquals("ratechange,ratechange,ratechange,volumechange,volumechange", String.join(",", (java.util.List<String>) browser.js("return changes;")));
        // the same on the element
        assertEquals("NotSupportedError 1 0.75", browser.js("var el = document.createElement('kinora-player'); document.body.appendChild(el);"
                + "var name = 'none'; try { el.playbackRate = 8; } catch (e) { name = e.name; }"
                + "var before = el.playbackRate; el.playbackRate = 0.75; return name + ' ' + before + ' ' + el.playbackRate;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aLoopedFileStartsAgainWithoutEnding(String build) {
        browser.js("makePlayer('a', '/testdata/samples/bars.ogg', arguments[0], {loop: true});"
                + "window.loopLog = {ended: 0, pause: 0, seeked: 0, max: 0};"
                + "['ended', 'pause', 'seeked'].forEach(function (t) { aPlayer.addEventListener(t, function () { loopLog[t]++; }); });"
                + "aPlayer.addEventListener('timeupdate', function () { loopLog.max = Math.max(loopLog.max, aPlayer.currentTime); });"
                + "aPlayer.play();", build);
        assertEquals(Boolean.TRUE, browser.js("return aPlayer.loop;"));
        assertTrue(browser.waitUntil("loopLog.seeked >= 1 && loopLog.max > 1.5 && aPlayer.currentTime > 0.3 && aPlayer.currentTime < 1.5", 30000),
                browser.js("return JSON.stringify(loopLog) + ' ' + aPlayer.currentTime;") + "\n" + browser.console());
        assertEquals(0L, browser.js("return loopLog.ended;"), "no ended event");
        assertEquals(0L, browser.js("return loopLog.pause;"), "no pause");
        assertFalse((Boolean) browser.js("return aPlayer.paused || aPlayer.ended;"));
        // loop off: the next end ends
        browser.js("aPlayer.loop = false;");
        assertTrue(browser.waitUntil("aPlayer.ended", 30000), browser.console());
        assertNull(browser.js("return aPlayer.error;"));
        assertEquals(1L, browser.js("return loopLog.ended;"));
    }
}
