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

/**
 * The sound output starts before the tracks are announced when the source worker knows the sound
 * track's format early: an Ogg file's tracks wait for its tail (read for the duration), here held
 * {@value FaultyServer#LATE_TAIL_MS} ms by the server, and the AudioContext is made meanwhile, at
 * the stream's rate, and is the one that plays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoundAheadOfTracksTest {
    private Browser browser;
    private FaultyServer server;

    @BeforeAll
    void start() throws Exception {
        server = new FaultyServer(Fixtures.testdata().resolve("samples").toAbsolutePath().normalize());
        browser = new Browser();
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

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void theAudioContextIsMadeWhileTheTailIsRead(String build) {
        String url = server.url("latetail", "sample.ogg?build=" + build);
        browser.open("pages/player.html"); // a page of its own: nothing else makes an AudioContext
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1];"
                + "var Real = window.AudioContext, made = [], t0 = performance.now(), metadata = -1;"
                + "window.AudioContext = function (options) {"
                + "  var c = new Real(options); made.push({at: performance.now() - t0, rate: c.sampleRate}); return c;"
                + "};"
                + "window.AudioContext.prototype = Real.prototype;"
                + "var box = document.createElement('div'); box.style.cssText = 'width:320px;height:180px'; document.body.appendChild(box);"
                + "var p = new Kinora.Player(box, {build: arguments[1], src: arguments[0]});"
                + "function finish(result) { window.AudioContext = Real; p.destroy(); box.remove(); done(result); }"
                + "p.addEventListener('loadedmetadata', function () { metadata = performance.now() - t0; });"
                + "p.addEventListener('error', function () { finish({error: p.error.message}); });"
                + "p.addEventListener('playing', function () {"
                + "  finish({metadata: metadata, made: made, output: p.getStats().audioOutput, clock: p.getStats().clock});"
                + "});"
                + "p.play();", url, build);
        assertEquals(null, r.get("error"), r + "\n" + browser.console());
        List<Map<String, Object>> made = (List<Map<String, Object>>) r.get("made");
        assertEquals(1, made.size(), "one AudioContext, made ahead and then used: " + r);
        double ahead = ((Number) r.get("metadata")).doubleValue() - ((Number) made.get(0).get("at")).doubleValue();
        assertTrue(ahead > 1000, "made " + ahead + " ms before loadedmetadata, the tail held " + FaultyServer.LATE_TAIL_MS + " ms: " + r);
        assertEquals(44100L, ((Number) made.get(0).get("rate")).longValue(), "at the stream's rate");
        assertEquals("worklet", r.get("output"));
        assertEquals("audio", r.get("clock"), "the sound drives the clock: the output plays");
    }
}
