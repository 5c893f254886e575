package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A wall of four live players on one page, in both builds, sharing the page's worker pool (two
 * workers each: the pool's eight): two streams from node-media-server, each watched over HTTP-FLV
 * and WebSocket-FLV. Every player draws pictures and its clock runs on; after all four are
 * destroyed the pool has no busy worker and a fifth player plays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveWallTest {
    private static final String START = ""
            + "var urls = arguments[0], build = arguments[1];"
            + "window.wall = urls.map(function (url) {"
            + "  var box = document.createElement('div'); box.style.width = '320px'; box.style.height = '180px';"
            + "  box.style.display = 'inline-block'; document.body.appendChild(box);"
            + "  var p = new Kinora.Player(box, {build: build, muted: true}), w = {p: p, box: box, error: null, first: -1};"
            + "  p.addEventListener('error', function () { w.error = p.error ? p.error.code + ' ' + p.error.message : 'error'; });"
            + "  p.src = url; p.play().catch(function (e) { w.error = 'play: ' + e; });"
            + "  return w;"
            + "});";

    /** The brightest channel value on a grid over each player's canvas: 0 while nothing was drawn. */
    private static final String BRIGHTEST = ""
            + "return window.wall.map(function (w) {"
            + "  var c = w.p.canvas, copy = document.createElement('canvas'); copy.width = c.width; copy.height = c.height;"
            + "  var ctx = copy.getContext('2d'); ctx.drawImage(c, 0, 0);"
            + "  var d = ctx.getImageData(0, 0, c.width, c.height).data, max = 0;"
            + "  for (var i = 0; i < d.length; i += 4 * 97) max = Math.max(max, d[i], d[i + 1], d[i + 2]);"
            + "  return max;"
            + "});";

    private static final String STATUS = ""
            + "return window.wall.map(function (w) {"
            + "  var s = w.p.getStats();"
            + "  if (w.first < 0 && s.framesPresented > 0 && w.p.currentTime > 0) w.first = w.p.currentTime;"
            + "  return {error: w.error, frames: s.framesPresented, time: w.p.currentTime, first: w.first,"
            + "    width: w.p.videoWidth, latency: String(s.liveLatency), build: s.build, reconnects: s.reconnects};"
            + "});";

    private Browser browser;
    private LiveServer server;

    @BeforeAll
    void start() throws Exception {
        server = LiveServer.publishing("wall1", "hevc_aac.flv", 0);
        server.publish("wall2", java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of(System.getProperty("kinora.testdata", "../testdata"), "flv", "hevc_aac.flv")), 0);
        browser = new Browser();
        Thread.sleep(1000);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void fourPlayersShareThePool(String build) throws Exception {
        browser.open("pages/player.html"); // no player of its own: the four take the pool's eight workers
        List<String> urls = List.of(server.httpUrl("wall1"), server.wsUrl("wall1"), server.httpUrl("wall2"), server.wsUrl("wall2"));
        browser.js(START, urls, build);
        long deadline = System.nanoTime() + 90_000_000_000L;
        List<Map<String, Object>> players;
        while (true) {
            players = (List<Map<String, Object>>) browser.js(STATUS);
            boolean done = true;
            for (Map<String, Object> p : players) {
                assertNull(p.get("error"), players + "\n" + browser.console());
                double first = ((Number) p.get("first")).doubleValue();
                done &= ((Number) p.get("frames")).intValue() >= 60 && first >= 0
                        && ((Number) p.get("time")).doubleValue() - first >= 2;
            }
            if (done) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "all four players advance: " + players + "\n" + browser.console());
            Thread.sleep(200);
        }
        Map<String, Object> pool = (Map<String, Object>) browser.js("return Kinora.poolStats();");
        System.out.println("live wall " + build + ": " + players + " pool " + pool);
        for (Map<String, Object> p : players) {
            assertEquals(build, p.get("build"));
            assertEquals(208, ((Number) p.get("width")).intValue(), "pictures of the stream's size: " + p);
            assertEquals(0, ((Number) p.get("reconnects")).intValue(), "no connection was lost: " + p);
            double latency = Double.parseDouble((String) p.get("latency"));
            assertTrue(Double.isFinite(latency) && latency <= 3.5, "each player keeps its latency: " + players);
        }
        assertEquals(8, ((Number) pool.get("busy")).intValue(), "two workers per player: " + pool);
        List<Number> brightest = (List<Number>) browser.js(BRIGHTEST);
        System.out.println("live wall " + build + " brightest canvas values: " + brightest);
        for (Number b : brightest) {
            assertTrue(b.intValue() > 32, "every canvas shows a picture: " + brightest);
        }

        browser.js("window.wall.forEach(function (w) { w.p.destroy(); w.box.remove(); }); window.wall = null;");
        Map<String, Object> after = (Map<String, Object>) browser.js("return Kinora.poolStats();");
        assertEquals(0, ((Number) after.get("busy")).intValue(), "every worker went back to the pool: " + after);

        // the pool serves a new player after the wall is gone
        Map<String, Object> again = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], url = arguments[0], build = arguments[1];"
                + "var box = document.createElement('div'); document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: build, muted: true}), t0 = Date.now(), err = null;"
                + "p.addEventListener('error', function () { err = p.error ? p.error.code + ' ' + p.error.message : 'error'; });"
                + "p.src = url; p.play().catch(function (e) { err = 'play: ' + e; });"
                + "(function poll() {"
                + "  var s = p.getStats();"
                + "  if (err || s.framesPresented >= 20 || Date.now() - t0 > 50000) {"
                + "    var out = {error: err, frames: s.framesPresented}; p.destroy(); box.remove();"
                + "    out.busy = Kinora.poolStats().busy; done(out);"
                + "  } else setTimeout(poll, 50);"
                + "})();", server.httpUrl("wall2"), build);
        assertNull(again.get("error"), again + "\n" + browser.console());
        assertTrue(((Number) again.get("frames")).intValue() >= 20, "a fifth player plays: " + again);
        assertEquals(0, ((Number) again.get("busy")).intValue(), "and gives its workers back: " + again);
    }
}
