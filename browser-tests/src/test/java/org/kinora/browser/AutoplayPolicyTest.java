package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * Autoplay under a browser that refuses sound without a user gesture (Chromium's
 * document-user-activation-required policy, as on a page the user has not touched): play() with
 * sound rejects with a NotAllowedError and the player stays paused, as HTMLMediaElement does; a
 * muted player plays; a real click lets sound start; {@code <kinora-player autoplay>} stays
 * paused without an error, and plays when muted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoplayPolicyTest {
    private static final String FILE = "/testdata/samples/sample.ogg";
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser("document-user-activation-required");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void playWithSoundIsRefusedAndThePlayerStaysPaused(String build) {
        browser.open("pages/player.html");
        browser.js("makePlayer('a', arguments[1], arguments[0], {preload: 'auto'});"
                + "window.outcome = null; aPlayer.play().then(function () { outcome = {resolved: true}; },"
                + "  function (e) { outcome = {name: e && e.name, isDomException: e instanceof DOMException}; });", build, FILE);
        assertTrue(browser.waitUntil("outcome !== null", 20000), "play() settles\n" + browser.console());
        Map<String, Object> outcome = (Map<String, Object>) browser.js("return outcome;");
        assertEquals("NotAllowedError", outcome.get("name"), "play() rejects: " + outcome);
        assertEquals(Boolean.TRUE, outcome.get("isDomException"), "with a DOMException: " + outcome);
        // it stays paused: no playing event, the clock does not move, no error
        browser.js("return new Promise(function (r) { setTimeout(r, 1500); });");
        assertEquals(Boolean.TRUE, browser.js("return aPlayer.paused;"), "paused after the refusal");
        assertEquals(0.0, browser.num("aPlayer.currentTime"), "the clock stays at 0");
        assertEquals(0L, browser.js("return aPlayer.log.filter(function (e) { return e.type === 'playing' || e.type === 'error'; }).length;"),
                "no playing or error event");
        assertEquals(null, browser.js("return aPlayer.error;"));
        // muted, the same player plays without the AudioContext
        browser.js("window.outcome = null; aPlayer.muted = true; aPlayer.play().then(function () { outcome = 'resolved'; },"
                + " function (e) { outcome = String(e); });");
        assertTrue(browser.waitUntil("outcome !== null && aPlayer.currentTime > 0.5", 20000),
                "muted, it plays: " + browser.js("return [outcome, aPlayer.currentTime, aPlayer.paused];") + "\n" + browser.console());
        assertEquals("resolved", browser.js("return outcome;"));
        browser.js("aPlayer.destroy();");
    }

    @Test
    void aClickLetsTheSoundStart() {
        browser.open("pages/player.html");
        browser.js("makePlayer('a', arguments[0], 'wasm', {preload: 'auto'});"
                + "var b = document.createElement('button'); b.id = 'go'; b.textContent = 'Play';"
                + "b.style.cssText = 'position:fixed;left:10px;top:10px;width:120px;height:40px;z-index:9';"
                + "window.outcome = null;"
                + "b.onclick = function () { aPlayer.play().then(function () { outcome = 'resolved'; }, function (e) { outcome = e.name; }); };"
                + "document.body.appendChild(b);", FILE);
        browser.driver.findElement(By.id("go")).click();
        assertTrue(browser.waitUntil("outcome !== null && aPlayer.currentTime > 0.5", 20000),
                "after a click, sound starts: " + browser.js("return [outcome, aPlayer.currentTime, aPlayer.paused];") + "\n" + browser.console());
        assertEquals("resolved", browser.js("return outcome;"));
        assertEquals("audio", browser.js("return aPlayer.getStats().clock;"), "the clock runs on the sound");
        assertEquals(Boolean.FALSE, browser.js("return aPlayer.muted;"));
        browser.js("aPlayer.destroy();");
    }

    @Test
    void theElementsRefusedAutoplayLeavesItPausedAndMutedAutoplayPlays() {
        browser.open("pages/dropin.html");
        browser.js("var src = arguments[0]; ['loud', 'quiet'].forEach(function (id) {"
                + "  var el = document.createElement('kinora-player'); el.id = id; el.setAttribute('autoplay', '');"
                + "  if (id === 'quiet') el.setAttribute('muted', '');"
                + "  el.events = []; ['play', 'playing', 'pause', 'error'].forEach(function (t) { el.addEventListener(t, function () { el.events.push(t); }); });"
                + "  el.setAttribute('src', src); el.style.width = '320px'; el.style.height = '180px'; document.body.appendChild(el);"
                + "});", FILE);
        assertTrue(browser.waitUntil("document.getElementById('quiet').currentTime > 0.5", 20000),
                "muted autoplay plays: " + browser.js("var q = document.getElementById('quiet'); return [q.currentTime, q.paused, q.events.join(' ')];")
                + "\n" + browser.console());
        assertTrue(browser.waitUntil("document.getElementById('loud').readyState >= 3", 20000), "the other one loads");
        browser.js("return new Promise(function (r) { setTimeout(r, 1500); });");
        assertEquals("true 0 false", browser.js("var l = document.getElementById('loud');"
                + " return [l.paused, l.currentTime, l.error !== null].join(' ');"), "with sound, autoplay is refused: paused at 0, no error");
        String events = (String) browser.js("return document.getElementById('loud').events.join(' ');");
        assertTrue(!events.contains("playing") && !events.contains("error"), "no playing or error event: " + events);
    }
}
