package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dist/ works wherever it is copied: kinora.js finds its files next to itself or under
 * data-kinora-base, kinora.mjs (imported as an ES module) next to itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DropInTest {
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

    @ParameterizedTest
    @CsvSource({"dropin.html,/elsewhere/lib/,wasm", "dropin.html,/elsewhere/lib/,js",
        "base-attribute.html,/dist/,wasm", "base-attribute.html,/dist/,js"})
    @SuppressWarnings("unchecked")
    void findsWorkersRelativeToItself(String page, String expectedBase, String build) {
        browser.open("pages/" + page);
        assertEquals(browser.baseUrl + expectedBase.substring(1), browser.js("return Kinora.base;"));
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1];"
                + "Kinora.decode('/testdata/samples/bars.ogg', {build: arguments[0]}).then(function (r) { done({frames: r.frames, build: r.build}); },"
                + " function (e) { done({error: String(e.message)}); });", build);
        assertEquals(null, r.get("error"), r.toString());
        assertEquals(50L, r.get("frames"));
        assertEquals(build, r.get("build"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void theEsModuleImportedFromAnotherPathPlays(String build) {
        browser.open("pages/esm.html");
        Object ready = browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "(function poll() { if (window.esm || Date.now() - t0 > 20000) done(!!window.esm); else setTimeout(poll, 25); })();");
        assertEquals(true, ready, browser.console());
        assertEquals(browser.baseUrl + "elsewhere/lib/", browser.js("return esm.Kinora.base;"));
        assertEquals("undefined true true", browser.js("return [typeof window.Kinora, esm.Player === esm.Kinora.Player,"
                + " !!customElements.get('kinora-player')].join(' ');"), "the module leaves the page's globals alone");
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1];"
                + "var p = new esm.Player(document.getElementById('box'), {build: arguments[0], muted: true, src: '/testdata/samples/bars.ogg'});"
                + "p.addEventListener('error', function () { done({error: p.error.message}); });"
                + "p.addEventListener('ended', function () { var s = p.getStats();"
                + "  done({frames: s.framesDecoded, build: s.build, time: p.currentTime, buffered: p.buffered instanceof esm.TimeRanges}); p.destroy(); });"
                + "p.play();", build);
        assertEquals(null, r.get("error"), r + "\n" + browser.console());
        assertEquals(50L, r.get("frames"), r.toString());
        assertEquals(build, r.get("build"));
        assertEquals(2.0, ((Number) r.get("time")).doubleValue(), 0.05);
        assertTrue((Boolean) r.get("buffered"), r.toString());
    }
}
