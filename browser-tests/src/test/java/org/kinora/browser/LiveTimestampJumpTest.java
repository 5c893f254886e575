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
 * server restarts: HTTP-FLV (no length, no duration) of HEVC and AAC, sent at about real time,
 * whose tags run from 0 to 3.08 s and then again from 0 (sequence headers repeated). The player
 * places the second run right after the first: the clock never goes back, the second run's
 * pictures are shown, and the media ends at the end of both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveTimestampJumpTest {
    private Browser browser;
    private FaultyServer server;
    private Path dir;
    private int pictures;

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
}
