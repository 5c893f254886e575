package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** <kinora-player> as a stand-in for <video>: attribute reflection, the player's API, moves without reload. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElementApiTest {
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

    @Test
    @SuppressWarnings("unchecked")
    void attributesReflectBothWays() {
        browser.open("pages/dropin.html");
        Map<String, Object> r = (Map<String, Object>) browser.js("var el = document.createElement('kinora-player'), r = {};"
                + "[['controls', 'controls'], ['autoplay', 'autoplay'], ['loop', 'loop'], ['playsInline', 'playsinline'], ['defaultMuted', 'muted']]"
                + ".forEach(function (a) { var before = el[a[0]]; el[a[0]] = true; var set = el.hasAttribute(a[1]); el.removeAttribute(a[1]);"
                + "  var cleared = el[a[0]]; el.setAttribute(a[1], ''); r[a[1]] = [before, set, cleared, el[a[0]]].join(' '); el[a[0]] = false;"
                + "  r[a[1]] += ' ' + el.hasAttribute(a[1]); });"
                + "r.preload = [el.preload]; el.preload = 'none'; r.preload.push(el.getAttribute('preload'));"
                + "el.setAttribute('preload', 'AUTO'); r.preload.push(el.preload); el.setAttribute('preload', 'bogus'); r.preload.push(el.preload);"
                + "el.setAttribute('preload', ''); r.preload.push(el.preload); r.preload = r.preload.join(' ');"
                + "r.src = [el.src]; el.src = 'media/a.ogg'; r.src.push(el.getAttribute('src'), el.src); el.setAttribute('src', '/b.ogg'); r.src.push(el.src);"
                + "r.poster = [el.poster]; el.poster = 'p.png'; r.poster.push(el.getAttribute('poster'), el.poster);"
                + "r.size = [el.width, el.height]; el.width = 320; el.setAttribute('height', '200'); r.size.push(el.getAttribute('width'), el.height);"
                + "el.removeAttribute('src'); el.removeAttribute('poster'); document.body.appendChild(el); var b = el.getBoundingClientRect();"
                + "r.size.push(b.width, b.height); el.removeAttribute('height'); b = el.getBoundingClientRect(); r.size.push(b.width, b.height);"
                + "r.size = r.size.join(' '); el.remove(); return r;");
        for (String a : List.of("controls", "autoplay", "loop", "playsinline", "muted")) {
            assertEquals("false true false true false", r.get(a), a);
        }
        assertEquals("metadata none auto metadata auto", r.get("preload"));
        String base = browser.baseUrl;
        assertEquals("," + "media/a.ogg," + base + "pages/media/a.ogg," + base + "b.ogg", String.join(",", (List<String>) r.get("src")));
        assertEquals(",p.png," + base + "pages/p.png", String.join(",", (List<String>) r.get("poster")));
        assertEquals("0 0 320 200 320 200 320 180", r.get("size"), "width and height set the element's size; width alone keeps 16:9");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exposesThePlayersPropertiesAndMethods() {
        browser.open("pages/dropin.html");
        List<Object> missing = (List<Object>) browser.js("var el = document.createElement('kinora-player'), out = [];"
                + "Object.getOwnPropertyNames(Kinora.Player.prototype).forEach(function (n) {"
                + "  if (['constructor', 'destroy'].indexOf(n) < 0 && n.charAt(0) !== '_' && !(n in el)) out.push(n); });"
                + "return out;");
        assertEquals(List.of(), missing, "every property and method of Kinora.Player is on the element");
        // state set before the element is in a document goes to its player
        Map<String, Object> r = (Map<String, Object>) browser.js("var el = document.createElement('kinora-player');"
                + "el.volume = 0.25; el.muted = true; var before = [el.volume, el.muted, el.paused, el.readyState].join(' ');"
                + "document.body.appendChild(el); var r = {before: before, after: [el.player.volume, el.player.muted, el.volume].join(' ')};"
                + "el.remove(); return r;");
        assertEquals("0.25 true true 0", r.get("before"));
        assertEquals("0.25 true 0.25", r.get("after"));
        // checked as the player checks them, before and after it exists
        assertEquals("IndexSizeError NotSupportedError TypeError | IndexSizeError NotSupportedError TypeError", browser.js(
                "function errors(el) { return [['volume', 2], ['playbackRate', 8], ['srcObject', 'x']].map(function (a) {"
                + "  try { el[a[0]] = a[1]; return 'none'; } catch (e) { return e.name; } }).join(' '); }"
                + "var el = document.createElement('kinora-player'), before = errors(el);"
                + "document.body.appendChild(el); var after = errors(el); el.remove(); return before + ' | ' + after;"));
    }

    @Test
    void thePosterAttributeIsThePlayersPoster() {
        browser.open("pages/dropin.html");
        // shown in the player area before a source, follows the attribute
        assertEquals("true true true", browser.js("var el = document.createElement('kinora-player'); el.setAttribute('poster', 'a.png');"
                + "document.body.appendChild(el); window.pel = el;"
                + "var img = function () { return el.shadowRoot.querySelector('img.kinora-poster'); };"
                + "var first = img() && img().src === new URL('a.png', document.baseURI).href && img().style.display !== 'none';"
                + "el.setAttribute('poster', 'b.png'); var second = img().src === new URL('b.png', document.baseURI).href;"
                + "var one = el.shadowRoot.querySelectorAll('img').length === 1;"
                + "return [first, second, one].join(' ');"));
        browser.js("pel.remove();");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void movingTheElementKeepsItsMedia(String build) {
        browser.open("pages/dropin.html");
        browser.js("var el = document.createElement('kinora-player'); el.setAttribute('build', arguments[0]); el.muted = true;"
                + "el.src = '/testdata/samples/sample.ogg'; document.body.appendChild(el); window.k = el; window.seen = [];"
                + "['loadstart', 'emptied', 'abort', 'error'].forEach(function (t) { el.addEventListener(t, function () { seen.push(t); }); });"
                + "window.other = document.body.appendChild(document.createElement('section'));", build);
        assertTrue(browser.waitUntil("k.readyState >= 3", 20000), browser.console());
        browser.js("k.play();");
        assertTrue(browser.waitUntil("!k.paused && k.currentTime > 0.3", 20000));
        // removed and inserted elsewhere in one task: same player, no reload, still playing
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], p = k.player, t = k.currentTime;"
                + "seen.length = 0; other.appendChild(k);"
                + "setTimeout(function () { done({same: k.player === p, parent: k.parentNode === other, seen: seen.join(','),"
                + "  paused: k.paused, t0: t, t1: k.currentTime, canvas: !!k.shadowRoot.querySelector('canvas')}); }, 600);");
        assertEquals(true, r.get("same"), r.toString());
        assertEquals(true, r.get("parent"));
        assertEquals("", r.get("seen"), "no loadstart, emptied or abort after a move");
        assertEquals(false, r.get("paused"));
        assertTrue(((Number) r.get("t1")).doubleValue() > ((Number) r.get("t0")).doubleValue(), r.toString());
        assertEquals(true, r.get("canvas"));
        // removed for good: the player goes once the task is over
        browser.js("k.remove();");
        assertTrue(browser.waitUntil("k.player === null && !k.shadowRoot.querySelector('canvas')", 5000));
    }
}
