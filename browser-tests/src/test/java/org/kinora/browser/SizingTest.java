package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page with kinora.js and no kinora.css: new Kinora.Player(div) fills the div, its backing
 * store follows the div's size in device pixels, and the picture is letterboxed at its aspect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SizingTest {
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

    /** Whether the pixel at (x, y) of the surface (in backing pixels) is black. */
    private static final String PIXELS = "var c = p.canvas, s = document.createElement('canvas'); s.width = c.width; s.height = c.height;"
            + "var g = s.getContext('2d'); g.drawImage(c, 0, 0);"
            + "return arguments[0].map(function (xy) { var d = g.getImageData(xy[0], xy[1], 1, 1).data; return d[0] + d[1] + d[2] < 24; });";

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void fillsItsContainerAndFollowsResizes(String build) {
        browser.open("pages/dropin.html");
        assertEquals(0L, browser.js("return document.querySelectorAll('link[rel=stylesheet]').length;"));
        browser.js("var d = document.createElement('div'); d.id = 'box'; d.style.width = '640px'; d.style.height = '360px';"
                + "document.body.appendChild(d); window.p = new Kinora.Player(d, {build: arguments[0], muted: true, src: '/testdata/samples/bars.ogg'});"
                + "window.q = new Kinora.Player(document.body.appendChild(document.createElement('div')), {build: arguments[0]});", build);
        assertEquals(1L, browser.js("return document.querySelectorAll('style[data-kinora]').length;"), "styles added once per document");
        double dpr = ((Number) browser.js("return devicePixelRatio;")).doubleValue();
        assertTrue(browser.waitUntil("p.canvas.clientWidth === 640 && p.canvas.clientHeight === 360 && p.canvas.width === "
                + Math.round(640 * dpr) + " && p.canvas.height === " + Math.round(360 * dpr), 10000),
                String.valueOf(browser.js("return [p.canvas.clientWidth, p.canvas.clientHeight, p.canvas.width, p.canvas.height].join(' ');")));
        assertTrue(browser.waitUntil("p.readyState >= 2", 20000), browser.console());
        // 320x240 in 640x360: 480 wide, pillarboxed by 80 px each side
        assertTrue(browser.waitUntil("p.getStats().framesPresented >= 1", 10000));
        List<Object> px = (List<Object>) browser.js("var p = window.p; " + PIXELS,
                List.of(List.of(40 * dpr, 180 * dpr), List.of(600 * dpr, 180 * dpr), List.of(320 * dpr, 180 * dpr), List.of(90 * dpr, 180 * dpr)));
        assertEquals(List.of(true, true, false, false), px, "black bars left and right only");
        // the div grows taller than the picture's aspect: the canvas follows, the picture is letterboxed top and bottom
        browser.js("var d = document.getElementById('box'); d.style.width = '400px'; d.style.height = '500px';");
        assertTrue(browser.waitUntil("p.canvas.clientWidth === 400 && p.canvas.clientHeight === 500 && p.canvas.width === "
                + Math.round(400 * dpr) + " && p.canvas.height === " + Math.round(500 * dpr), 10000),
                String.valueOf(browser.js("return [p.canvas.clientWidth, p.canvas.clientHeight, p.canvas.width, p.canvas.height].join(' ');")));
        // 320x240 in 400x500: 400x300 at y 100..400, redrawn after the resize even while paused
        px = (List<Object>) browser.js("var p = window.p; " + PIXELS,
                List.of(List.of(200 * dpr, 50 * dpr), List.of(200 * dpr, 450 * dpr), List.of(200 * dpr, 250 * dpr), List.of(5 * dpr, 250 * dpr)));
        assertEquals(List.of(true, true, false, false), px, "black bars top and bottom only");
        browser.js("p.destroy(); q.destroy();");
    }
}
