package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Media without a server, in both builds: a Blob made from fetched bytes plays through srcObject
 * and seeks, as does a blob: URL given to src; and autoplay, poster (shown until the first
 * picture, again after the source changes) and videoWidth/videoHeight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalSourceTest {
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

    private String state() {
        return browser.js("var p = aPlayer; return JSON.stringify({t: p.currentTime, paused: p.paused, ended: p.ended, rs: p.readyState,"
                + " ns: p.networkState, err: p.error && p.error.message, log: p.log.map(function (e) { return e.type; }).filter(function (t) { return t !== 'timeupdate'; })});")
                + "\n" + browser.console();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aBlobPlaysAndSeeksThroughSrcObject(String build) {
        browser.async("var done = arguments[arguments.length - 1], build = arguments[0];"
                + "fetch('/testdata/samples/sample.ogg').then(function (r) { return r.blob(); }).then(function (b) {"
                + "  window.blob = new File([b], 'sample.ogg', {type: 'video/ogg'});"
                + "  var p = makePlayer('a', null, build, {muted: true}); p.srcObject = blob; done(); });", build);
        assertEquals(Boolean.TRUE, browser.js("return aPlayer.srcObject === blob && aPlayer.src === '';"));
        assertTrue(browser.waitUntil("aPlayer.readyState >= 1", 20000), state());
        assertEquals(10.0, ((Number) browser.js("return aPlayer.duration;")).doubleValue(), 0.05, state());
        assertEquals(1L, browser.js("return aPlayer.seekable.length;"), "a Blob is seekable");
        browser.js("aPlayer.play();");
        assertTrue(browser.waitUntil("aPlayer.currentTime > 0.3", 20000), state());
        browser.js("aPlayer.currentTime = 7.5;");
        assertTrue(browser.waitUntil("!aPlayer.seeking && aPlayer.currentTime > 7.6", 20000), state());
        assertTrue(browser.waitUntil("aPlayer.ended", 20000), state());
        assertNull(browser.js("return aPlayer.error;"), state());
        // back to src: the Blob's URL is let go, the URL plays
        browser.js("aPlayer.src = '/testdata/samples/bars.ogg'; aPlayer.srcObject = null;");
        assertTrue(browser.waitUntil("aPlayer.readyState >= 1", 20000), state());
        assertEquals(2.0, ((Number) browser.js("return aPlayer.duration;")).doubleValue(), 0.05, state());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aBlobUrlPlaysAsSrcWithAutoplayPosterAndSize(String build) {
        // a 4x4 red PNG as the poster
        browser.js("var c = document.createElement('canvas'); c.width = c.height = 4; var x = c.getContext('2d');"
                + "x.fillStyle = '#f00'; x.fillRect(0, 0, 4, 4); window.posterUrl = c.toDataURL();"
                + "var p = makePlayer('a', null, arguments[0], {muted: true, autoplay: true, poster: posterUrl});"
                + "window.posterShown = function () { var img = aPlayer.container.querySelector('img.kinora-poster');"
                + "  return !!img && img.style.display !== 'none' && img.getAttribute('src') === posterUrl; };", build);
        assertEquals(Boolean.TRUE, browser.js("return posterShown() && aPlayer.videoWidth === 0 && aPlayer.videoHeight === 0 && aPlayer.autoplay;"));
        Map<?, ?> r = (Map<?, ?>) browser.async("var done = arguments[arguments.length - 1];"
                + "fetch('/testdata/samples/bars.ogg').then(function (r) { return r.blob(); }).then(function (b) {"
                + "  window.blobUrl = URL.createObjectURL(b); aPlayer.src = blobUrl;"
                + "  done({shown: posterShown(), paused: aPlayer.paused}); });");
        assertEquals(Boolean.TRUE, r.get("shown"), "the poster shows until the first picture");
        assertEquals(Boolean.FALSE, r.get("paused"), "autoplay: playing as the source is set");
        assertTrue(browser.waitUntil("aPlayer.currentTime > 0.3 && !posterShown()", 20000), state());
        assertEquals("320x240", browser.js("return aPlayer.videoWidth + 'x' + aPlayer.videoHeight;"));
        assertTrue(browser.waitUntil("aPlayer.ended", 20000), state());
        assertNull(browser.js("return aPlayer.error;"), state());
        // a new source: the poster again until its first picture
        browser.js("aPlayer.autoplay = false; aPlayer.src = '/testdata/samples/sample.ogg';");
        assertEquals(Boolean.TRUE, browser.js("return posterShown();"));
        assertTrue(browser.waitUntil("aPlayer.readyState >= 2 && !posterShown()", 20000), state());
        assertEquals(Boolean.TRUE, browser.js("return aPlayer.paused;"), "without autoplay a load does not play");
    }
}
