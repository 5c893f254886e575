package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A live stream whose timestamps restart within one connection, as when the encoder behind a
 * server restarts. First HTTP-FLV (no length, no duration) of HEVC and AAC, sent at about real
 * time, whose tags run from 0 to 3.08 s and then again from 0 (sequence headers repeated): the
 * player places the second run right after the first, the clock never goes back, the second
 * run's pictures are shown, and the media ends at the end of both. Then the same on a real
 * server: node-media-server keeps its viewers connected when a new publisher (another client)
 * takes a stream over, and passes the new publisher's timestamps, from 0, on to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveTimestampJumpTest {
    private Browser browser;
    private FaultyServer server;
    private Path dir;
    private int pictures;
    private LiveServer live;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("kinora-live-jump");
        byte[] flv = Files.readAllBytes(Fixtures.testdata().resolve("flv/hevc_aac.flv"));
        Files.write(dir.resolve("restart.flv"), twiceWithoutMetadata(flv));
        pictures = Fixtures.frameMd5(Fixtures.testdata().resolve("flv/hevc_aac.framemd5")).size();
        server = new FaultyServer(dir);
        browser = new Browser();
        browser.open("pages/player.html");
    }

    @AfterAll
    void stop() throws Exception {
        if (live != null) {
            live.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * The FLV header, then the file's tags twice, without its script tags (no onMetaData: no
     * duration, so it is read as live): the second copy's timestamps start again from 0.
     */
    static byte[] twiceWithoutMetadata(byte[] flv) {
        ByteArrayOutputStream tags = new ByteArrayOutputStream();
        int i = 13; // 9-byte header and the first PreviousTagSize
        while (i + 11 <= flv.length) {
            int size = ((flv[i + 1] & 0xff) << 16) | ((flv[i + 2] & 0xff) << 8) | (flv[i + 3] & 0xff);
            int whole = 11 + size + 4;
            if (flv[i] != 18) {
                tags.write(flv, i, whole);
            }
            i += whole;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flv, 0, 13);
        byte[] t = tags.toByteArray();
        out.write(t, 0, t.length);
        out.write(t, 0, t.length);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void theSecondRunContinuesTheTimeline(String build) {
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "var box = document.createElement('div'); box.style.cssText = 'width:320px;height:180px'; document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: arguments[0], muted: true, src: arguments[1]}), seen = [], back = [], last = 0;"
                + "var presentedAt3 = -1, live = null;"
                + "['ended', 'error'].forEach(function (t) { p.addEventListener(t, function () { seen.push(t); }); });"
                + "p.play();"
                + "(function poll() {"
                + "  var t = p.currentTime; if (t < last - 1e-6) back.push(last.toFixed(3) + '>' + t.toFixed(3)); last = Math.max(last, t);"
                + "  if (live === null && p.readyState >= 1) live = p.duration === Infinity;"
                + "  if (presentedAt3 < 0 && t > 3.3) presentedAt3 = p.getStats().framesPresented;"
                + "  if (seen.length === 0 && Date.now() - t0 < 40000) { setTimeout(poll, 20); return; }"
                + "  var s = p.getStats();"
                + "  done({seen: seen, time: p.currentTime, live: live, duration: String(p.duration), back: back, decoded: s.framesDecoded,"
                + "    presented: s.framesPresented, presentedAt3: presentedAt3, decodeErrors: s.decodeErrors,"
                + "    error: p.error ? p.error.code + ' ' + p.error.message : null});"
                + "  p.destroy(); box.remove();"
                + "})();", build, server.url("paced", "restart.flv"));
        System.out.println("live timestamp restart, " + build + ": " + r);
        assertEquals(null, r.get("error"), r + "\n" + browser.console());
        assertEquals(List.of("ended"), r.get("seen"), r.toString());
        assertEquals(Boolean.TRUE, r.get("live"), "no length and no duration: live (duration Infinity until the end)");
        assertEquals(List.of(), r.get("back"), "the clock never goes back");
        assertEquals(2 * 3.08 + 0.04, ((Number) r.get("time")).doubleValue(), 0.2, "it ends at the end of both runs: " + r);
        assertEquals(2L * pictures, ((Number) r.get("decoded")).longValue(), "every picture of both runs is decoded: " + r);
        long secondRun = ((Number) r.get("presented")).longValue() - ((Number) r.get("presentedAt3")).longValue();
        assertTrue(((Number) r.get("presentedAt3")).longValue() > 0 && secondRun >= 20,
                "the second run's pictures are shown: " + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void aNewPublisherOnARealServerContinuesTheTimeline(String build) throws Exception {
        if (live == null) {
            if (!LiveServer.available()) {
                throw new IllegalStateException("node-media-server is not installed in " + LiveServer.home()
                        + ": scripts/test.sh installs it (npm ci --prefix browser-tests/live-server)");
            }
            live = LiveServer.start();
        }
        String name = "takeover" + build;
        byte[] flv = Files.readAllBytes(Fixtures.testdata().resolve("flv/hevc_aac.flv"));
        Thread first = live.publish(name, flv, 1); // 3.08 s from 127.0.0.1, then it leaves
        Thread.sleep(300);
        browser.js("var box = document.createElement('div'); box.style.cssText = 'width:320px;height:180px'; document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: arguments[0], muted: true, src: arguments[1]});"
                + "window.take = {p: p, box: box, back: [], last: 0, shown: [], err: null};"
                + "p.addEventListener('error', function () { take.err = p.error.code + ' ' + p.error.message; });"
                + "p.play();"
                + "take.timer = setInterval(function () {"
                + "  var t = p.currentTime, s = p.getStats();"
                + "  if (t < take.last - 1e-6) take.back.push(take.last.toFixed(3) + '>' + t.toFixed(3)); take.last = Math.max(take.last, t);"
                + "  var n = take.shown.length; if (n === 0 || take.shown[n - 1][1] !== s.framesPresented) take.shown.push([Date.now(), s.framesPresented, t]);"
                + "}, 20);", build, live.httpUrl(name));
        first.join(10000);
        live.publish(name, flv, 3, "127.0.0.2"); // another client takes over: timestamps from 0 again
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "(function poll() {"
                + "  if (!take.err && take.last < 7 && Date.now() - t0 < 30000) { setTimeout(poll, 50); return; }"
                + "  clearInterval(take.timer);"
                + "  var gap = 0, first = take.shown.length ? take.shown[0][0] : 0;"
                + "  for (var i = 1; i < take.shown.length; i++) gap = Math.max(gap, take.shown[i][0] - take.shown[i - 1][0]);"
                + "  var out = {error: take.err, time: take.p.currentTime, back: take.back, duration: String(take.p.duration),"
                + "    presented: take.p.getStats().framesPresented, longestWithoutPictureMs: gap, reconnects: take.p.getStats().reconnects};"
                + "  take.p.destroy(); take.box.remove(); done(out);"
                + "})();");
        System.out.println("new publisher, " + build + ": " + r);
        assertEquals(null, r.get("error"), r + "\n" + browser.console() + "\n" + live.log());
        assertEquals("Infinity", r.get("duration"));
        assertEquals(List.of(), r.get("back"), "the clock never goes back");
        assertTrue(((Number) r.get("time")).doubleValue() >= 7, "the new publisher's stream plays on: " + r);
        assertEquals(0L, ((Number) r.get("reconnects")).longValue(), "on the same connection: " + r);
        assertTrue(((Number) r.get("longestWithoutPictureMs")).doubleValue() < 1500,
                "the new publisher's pictures are shown as they come, not held back or dropped: " + r);
    }
}
