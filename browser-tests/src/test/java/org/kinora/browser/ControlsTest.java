package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** The controls of <kinora-player>: keyboard, mouse, ARIA, spinner while waiting, error message, fullscreen, 320 px. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlsTest {
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

    private void open(String build) {
        browser.open("pages/dropin.html");
        browser.js("var el = document.createElement('kinora-player'); el.id = 'k'; el.setAttribute('build', arguments[0]);"
                + "el.controls = true; el.muted = true; el.src = '/testdata/samples/sample.ogg'; document.body.appendChild(el);"
                + "window.k = el; window.ui = function (s) { return el.shadowRoot.querySelector(s); };"
                + "window.fsCalls = 0; el.requestFullscreen = function () { fsCalls++; return Promise.resolve(); };", build);
        assertTrue(browser.waitUntil("k.readyState >= 3", 20000), browser.console());
    }

    private void keys(CharSequence... k) {
        new Actions(browser.driver).sendKeys(k).perform();
    }

    /** Clicks with the mouse at a fraction of the width of a control in the shadow root. */
    private void clickAt(String selector, double fraction) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) browser.js("var r = ui(arguments[0]).getBoundingClientRect();"
                + "return [r.left + r.width * arguments[1], r.top + r.height / 2];", selector, fraction);
        new Actions(browser.driver).moveToLocation(r.get(0).intValue(), r.get(1).intValue()).click().perform();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void keyboardAndMouseDriveThePlayer(String build) {
        open(build);
        browser.js("k.focus();");
        keys(" ");
        assertTrue(browser.waitUntil("!k.paused && k.currentTime > 0.3", 10000), "space plays");
        keys("k");
        assertTrue(browser.waitUntil("k.paused", 5000), "k pauses");
        double t = browser.num("k.currentTime");
        keys(Keys.ARROW_RIGHT);
        assertTrue(browser.waitUntil("!k.seeking && Math.abs(k.currentTime - " + (t + 5) + ") < 0.05", 25000),
                "right arrow: +5 s from " + t + ", at " + browser.num("k.currentTime"));
        keys(Keys.ARROW_LEFT);
        assertTrue(browser.waitUntil("!k.seeking && Math.abs(k.currentTime - " + t + ") < 0.05", 25000),
                "left arrow: -5 s to " + t + ", at " + browser.num("k.currentTime") + " seeking " + browser.js("return k.seeking;") + "\n" + browser.console());
        keys("m");
        assertEquals(false, browser.js("return k.muted;"), "m unmutes");
        keys("m");
        assertEquals(true, browser.js("return k.muted;"), "m mutes");
        keys(Keys.ARROW_DOWN);
        assertEquals(0.9, browser.num("k.volume"), 1e-9);
        keys(Keys.ARROW_UP);
        assertEquals(1.0, browser.num("k.volume"), 1e-9);
        assertEquals(false, browser.js("return k.muted;"), "raising the volume unmutes");
        keys("f");
        assertEquals(1.0, browser.num("fsCalls"), "f asks for fullscreen");
        // the mouse: the middle of the seek bar seeks to the middle, the play button plays, fullscreen button
        clickAt(".progress", 0.5);
        assertTrue(browser.waitUntil("!k.seeking && Math.abs(k.currentTime - 5) < 0.2", 10000), "at " + browser.num("k.currentTime"));
        assertEquals(5.0, browser.num("Number(ui('.progress').getAttribute('aria-valuenow'))"), 0.2);
        clickAt(".play", 0.5);
        assertTrue(browser.waitUntil("!k.paused && k.currentTime > 5.3", 10000), "the play button plays");
        assertEquals("Pause", browser.js("return ui('.play').getAttribute('aria-label');"));
        clickAt(".fullscreen", 0.5);
        assertEquals(2.0, browser.num("fsCalls"), "the fullscreen button asks for fullscreen");
        browser.js("k.remove();");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void ariaErrorMessageAndNarrowLayout(String build) {
        open(build);
        Map<String, Object> aria = (Map<String, Object>) browser.js("var s = ui('.progress'); return {role: s.getAttribute('role'),"
                + " min: s.getAttribute('aria-valuemin'), max: s.getAttribute('aria-valuemax'), now: s.getAttribute('aria-valuenow'),"
                + " text: s.getAttribute('aria-valuetext'), tab: s.tabIndex, label: s.getAttribute('aria-label'),"
                + " buttons: Array.prototype.map.call(k.shadowRoot.querySelectorAll('button'), function (b) {"
                + "   return b.getAttribute('aria-label') + (b.querySelector('svg') && b.textContent.trim() === '' ? ':svg' : ':text'); }).join(' '),"
                + " volume: ui('.volume').getAttribute('aria-label'), speedShown: ui('.speed').offsetWidth > 0, speed: ui('.speed').getAttribute('aria-label'),"
                + " hostRole: k.getAttribute('role'), hostTab: k.tabIndex};");
        assertEquals("slider", aria.get("role"));
        assertEquals("Seek", aria.get("label"));
        assertEquals("0", aria.get("min"));
        assertEquals("10", aria.get("max"));
        assertEquals("0", aria.get("now"));
        assertEquals("0:00 of 0:10", aria.get("text"));
        assertEquals(0L, aria.get("tab"));
        assertEquals("Play:svg Unmute:svg Fullscreen:svg", aria.get("buttons"), "muted: the mute button unmutes");
        assertEquals("Volume", aria.get("volume"));
        assertEquals(true, aria.get("speedShown"), "the speed menu is shown");
        assertEquals("Playback speed", aria.get("speed"));
        // the menu sets the rate, and a rate set by script shows in the menu
        assertEquals("1.5 2", browser.js("var m = ui('.speed'); m.value = '1.5'; m.dispatchEvent(new Event('change'));"
                + "var chosen = k.playbackRate; k.playbackRate = 2; return new Promise(function (r) { setTimeout(function () {"
                + "  r(chosen + ' ' + m.value); }, 100); });"));
        browser.js("k.playbackRate = 1;");
        assertEquals("region", aria.get("hostRole"));
        assertEquals(0L, aria.get("hostTab"));
        assertEquals(true, browser.js("return ui('.spinner').hidden;"), "no spinner once the player can play");
        // 320 px wide: every control inside the player, the secondary ones left out
        browser.js("k.style.width = '320px'; k.style.height = '180px';");
        assertTrue(browser.waitUntil("ui('.bar').classList.contains('narrow')", 5000));
        List<Object> outside = (List<Object>) browser.js("var h = k.getBoundingClientRect(), out = [];"
                + "Array.prototype.forEach.call(ui('.bar').children, function (c) { var r = c.getBoundingClientRect();"
                + "  if (r.width > 0 && (r.left < h.left - 0.5 || r.right > h.right + 0.5 || r.top < h.top - 0.5 || r.bottom > h.bottom + 0.5))"
                + "    out.push(c.className + ' ' + r.left + '-' + r.right); });"
                + "if (ui('.bar').scrollWidth > ui('.bar').clientWidth) out.push('bar scrolls');"
                + "['.play', '.progress', '.time', '.mute', '.fullscreen'].forEach(function (s) { if (!(ui(s).offsetWidth > 0)) out.push(s + ' hidden'); });"
                + "return out;");
        assertEquals(List.of(), outside);
        // an error shows its message in the player area
        browser.js("k.src = '/testdata/samples/missing.ogg';");
        assertTrue(browser.waitUntil("k.error !== null", 10000));
        Map<String, Object> msg = (Map<String, Object>) browser.js("var m = ui('.msg'); return {text: m.textContent,"
                + " role: m.getAttribute('role'), shown: m.offsetWidth > 0 && m.offsetHeight > 0, code: k.error.code};");
        assertEquals("alert", msg.get("role"));
        assertEquals(true, msg.get("shown"), msg.toString());
        assertTrue(((String) msg.get("text")).contains("error " + msg.get("code")), msg.toString());
        browser.js("k.remove();");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theSpinnerShowsWhileThePlayerWaits(String build) throws Exception {
        // the server stops for 4.5 s in the middle of the file: waiting at about 2 s, playing when bytes come again
        FaultyServer server = new FaultyServer(Fixtures.testdata().toAbsolutePath().normalize());
        try {
            browser.open("pages/dropin.html");
            browser.js("var el = document.createElement('kinora-player'); el.setAttribute('build', arguments[0]); el.controls = true;"
                    + "el.muted = true; el.preload = 'auto'; window.k = el; window.spin = [];"
                    + "function shown() { return el.shadowRoot.querySelector('.spinner').offsetWidth > 0; }"
                    + "el.addEventListener('waiting', function () { if (k.currentTime > 1) spin.push('waiting ' + shown()); });"
                    + "el.addEventListener('playing', function () { if (spin.length) spin.push('playing ' + shown()); });"
                    + "el.src = arguments[1]; document.body.appendChild(el); el.play();",
                    build, server.url("stall", "samples/sample.ogg") + "?spinner-" + build);
            assertTrue(browser.waitUntil("spin.length >= 2", 25000), browser.js("return spin.join(',');") + "\n" + browser.console());
            assertEquals("waiting true,playing false", browser.js("return spin.slice(0, 2).join(',');"));
            browser.js("k.remove();");
        } finally {
            server.close();
        }
    }
}
