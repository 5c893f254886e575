package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live HEVC + AAC over HTTP-FLV and WebSocket-FLV from a real server (node-media-server, fed at
 * real time), and from the demo server's own live source, played by Kinora.Player in both builds:
 * an infinite duration, pictures of the stream's size, the clock running on the stream's
 * timestamps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePlayerTest {
    private Browser browser;
    private LiveServer server;

    @BeforeAll
    void start() throws Exception {
        server = LiveServer.publishing("show", "hevc_aac.flv", 40);
        browser = new Browser();
        browser.open("index.html");
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
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"http, wasm, 208, 120", "ws, js, 208, 120", "http, js, 208, 120", "ws, wasm, 208, 120", "demo, wasm, 640, 360"})
    void playsLive(String transport, String build, int width, int height) {
        // demo: the embedded server's own live source, /live/camera.flv (same origin)
        String url = transport.equals("ws") ? server.wsUrl("show") : transport.equals("http") ? server.httpUrl("show") : "live/camera.flv";
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], url = arguments[0], build = arguments[1];"
                + "var box = document.createElement('div'); box.style.width = '320px'; box.style.height = '180px';"
                + "document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: build, muted: true}), t0 = Date.now(), start = null, err = null;"
                + "p.addEventListener('error', function () { err = p.error ? p.error.code + ' ' + p.error.message : 'error'; });"
                + "p.src = url; p.play().catch(function (e) { err = 'play: ' + e; });"
                + "(function poll() {"
                + "  var s = p.getStats();"
                + "  if (start === null && s.framesPresented > 0 && p.currentTime > 0) start = {time: p.currentTime, at: Date.now()};"
                + "  if (err || s.framesPresented >= 50 || Date.now() - t0 > 60000) {"
                + "    var out = {error: err, duration: String(p.duration), width: p.videoWidth, height: p.videoHeight,"
                + "      started: start ? start.time : -1, now: p.currentTime, presented: s.framesPresented, decoded: s.framesDecoded};"
                + "    p.destroy(); box.remove(); done(out);"
                + "  } else setTimeout(poll, 50);"
                + "})();", url, build);
        assertNull(r.get("error"), r + "\n" + browser.console());
        assertEquals("Infinity", r.get("duration"), r.toString());
        assertEquals(width, ((Number) r.get("width")).intValue(), r.toString());
        assertEquals(height, ((Number) r.get("height")).intValue(), r.toString());
        double advanced = ((Number) r.get("now")).doubleValue() - ((Number) r.get("started")).doubleValue();
        assertTrue(((Number) r.get("presented")).intValue() >= 50, "pictures keep coming: " + r);
        if (!transport.equals("demo")) {
            assertTrue(((Number) r.get("started")).doubleValue() > 1.0, "the clock runs on the stream's timestamps (joined late): " + r);
        }
        assertTrue(advanced > 1.0, "the clock ran while 50 pictures were shown: " + r);
    }
}
