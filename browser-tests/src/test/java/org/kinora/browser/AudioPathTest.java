package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sound path in both builds: blocks go from the source worker straight to the AudioWorklet
 * (none reaches the main thread while sound plays and the clock follows it), and sound comes back
 * at the playhead when a player that was discarding it (muted, the AudioContext not running) is
 * unmuted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudioPathTest {
    /** Counts, on the main thread, every worker message that carries sound planes. */
    private static final String COUNT_SOUND_ON_MAIN = "window.soundOnMain = 0; var RealWorker = window.Worker;"
            + "window.Worker = function (url, options) { var w = new RealWorker(url, options);"
            + "  w.addEventListener('message', function (e) { if (e.data && (e.data.planes || e.data.type === 'audio')) soundOnMain++; });"
            + "  return w; };";

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

    @BeforeEach
    void page() {
        browser.open("pages/player.html");
    }

    private double number(String script) {
        return ((Number) browser.js(script)).doubleValue();
    }

    private void waitUntil(String condition, int timeoutMs) {
        assertTrue(browser.waitUntil(condition, timeoutMs), "waited for " + condition + ": "
                + browser.js("return JSON.stringify(aPlayer.getStats()) + ' t=' + aPlayer.currentTime;") + "\n" + browser.console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void soundBlocksGoFromTheSourceWorkerToTheWorkletWithoutTheMainThread(String build) {
        browser.js(COUNT_SOUND_ON_MAIN + "makePlayer('a', '/testdata/samples/sample.ogg', arguments[0]).play();", build);
        waitUntil("aPlayer.currentTime > 2", 30000);
        Map<String, Object> stats = (Map<String, Object>) browser.js("return aPlayer.getStats();");
        assertEquals("worklet", stats.get("audioOutput"), stats.toString());
        assertEquals("audio", stats.get("clock"), "the clock follows the sound played: " + stats);
        assertTrue(((Number) stats.get("audioBlocksToOutput")).intValue() > 20, "the worklet received the blocks: " + stats);
        assertEquals(0L, stats.get("audioBlocksOnMainThread"), stats.toString());
        assertEquals(0L, browser.js("return soundOnMain;"), "no worker message with sound reached the main thread");
        // the arrays go back to the worker over the port: once the read-ahead is full, it makes few new
        // ones (a handful while returned arrays are still on their way on a loaded machine; without
        // recycling it would be about 125 for 1.5 s of stereo sound). When the read-ahead is full
        // depends on the machine's speed, so the arrays made are followed against the sound sent
        // (played and queued) until the whole file is sent: some 1.5 s of it must have cost at most 40.
        List<Object> steps = (List<Object>) browser.async("var done = arguments[arguments.length - 1], steps = [];"
                + "(function poll() {"
                + "  var s = aPlayer.getStats(), sent = aPlayer.currentTime + s.audioBuffered;"
                + "  if (aPlayer.currentTime > 2) steps.push([sent, s.audioPlanesAllocated]);"
                + "  if (sent > 9.9 || aPlayer.ended || aPlayer.error || steps.length > 2000) done(steps);"
                + "  else setTimeout(poll, 20);"
                + "})();");
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < steps.size(); i++) {
            List<Number> a = (List<Number>) steps.get(i);
            for (int j = i + 1; j < steps.size(); j++) {
                List<Number> b = (List<Number>) steps.get(j);
                if (b.get(0).doubleValue() - a.get(0).doubleValue() >= 1.5) {
                    fewest = Math.min(fewest, b.get(1).longValue() - a.get(1).longValue());
                    break;
                }
            }
        }
        assertTrue(fewest <= 40, "plane arrays made for 1.5 s of sound sent, at best: " + fewest
                + (steps.isEmpty() ? "" : " (sent, made) from " + steps.get(0) + " to " + steps.get(steps.size() - 1)));
        assertEquals(0L, browser.js("return soundOnMain;"));

        // a seek drops the old sound in the worklet; playback goes on from the target on the sound clock
        browser.js("aPlayer.log.length = 0; aPlayer.currentTime = 2;");
        List<Map<String, Object>> log = PlayerTest.waitFor(browser, "aPlayer", "seeked", 20000);
        assertTrue(PlayerTest.types(log).contains("seeked"), PlayerTest.types(log).toString());
        waitUntil("aPlayer.currentTime > 2.5 && aPlayer.getStats().clock === 'audio'", 30000);
        assertTrue(number("return aPlayer.currentTime;") < 4.5);
        assertTrue(PlayerTest.types(PlayerTest.waitFor(browser, "aPlayer", "ended", 30000)).contains("ended"), browser.console());
        assertEquals(0L, browser.js("return soundOnMain;"));
        assertEquals(0L, browser.js("return aPlayer.getStats().audioBlocksOnMainThread;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void unmutingWhileSoundIsDiscardedPlaysSoundFromThePlayhead(String build) {
        // The AudioContext stays suspended until the page allows it (a user gesture, in a real page).
        browser.js("window.audioAllowed = false; var Real = window.AudioContext;"
                + "window.AudioContext = class extends Real {"
                + "  get state() { return audioAllowed ? super.state : 'suspended'; }"
                + "  resume() { return audioAllowed ? super.resume() : new Promise(function () {}); } };"
                + "makePlayer('a', '/testdata/samples/sample.ogg', arguments[0], {muted: true}).play();", build);
        waitUntil("aPlayer.currentTime > 2", 30000);
        Map<String, Object> muted = (Map<String, Object>) browser.js("return aPlayer.getStats();");
        assertEquals("wall", muted.get("clock"), "muted without a running context, sound is discarded: " + muted);
        Number before = (Number) muted.get("audioBlocksToOutput");

        double at = ((Number) browser.js("audioAllowed = true; aPlayer.muted = false; return aPlayer.currentTime;")).doubleValue();
        waitUntil("aPlayer.getStats().clock === 'audio' && aPlayer.getStats().audioRestoredAt === aPlayer.getStats().audioRestoredAt", 20000);
        Map<String, Object> restored = (Map<String, Object>) browser.js("return aPlayer.getStats();");
        double from = ((Number) restored.get("audioRestoredAt")).doubleValue();
        assertEquals(at, from, 0.3, "sound comes back at the playhead: " + restored);
        double t = number("return aPlayer.currentTime;");
        waitUntil("aPlayer.currentTime > " + (t + 1), 20000);
        Map<String, Object> playing = (Map<String, Object>) browser.js("return aPlayer.getStats();");
        assertTrue(((Number) playing.get("audioBlocksToOutput")).intValue() > before.intValue() + 10,
                "the worklet receives blocks again: " + muted + "\n" + playing);
        assertEquals("audio", playing.get("clock"));
        List<Map<String, Object>> log = PlayerTest.waitFor(browser, "aPlayer", "ended", 30000);
        assertTrue(PlayerTest.types(log).contains("ended"), PlayerTest.types(log) + "\n" + browser.console());
        assertFalse(PlayerTest.types(log).contains("error"));
        assertEquals(10.0, number("return aPlayer.currentTime;"), 0.1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void withoutAudioWorkletAScriptProcessorReadsThePortAndSeeksDropTheOldSound(String build) {
        browser.js("delete window.AudioWorkletNode; window.AudioWorkletNode = undefined;"
                + "makePlayer('a', '/testdata/samples/sample.ogg', arguments[0]).play();", build);
        waitUntil("aPlayer.currentTime > 1", 30000);
        Map<String, Object> stats = (Map<String, Object>) browser.js("return aPlayer.getStats();");
        assertEquals("scriptprocessor", stats.get("audioOutput"), stats.toString());
        assertEquals("audio", stats.get("clock"), stats.toString());
        assertTrue(((Number) stats.get("audioBlocksToOutput")).intValue() > 10, stats.toString());
        assertEquals(0L, stats.get("audioBlocksOnMainThread"), "blocks come through the port, not the worker handle: " + stats);
        browser.js("aPlayer.log.length = 0; aPlayer.currentTime = 8;");
        assertTrue(PlayerTest.types(PlayerTest.waitFor(browser, "aPlayer", "seeked", 20000)).contains("seeked"));
        Map<String, Object> first = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], t0 = Date.now();"
                + "(function poll() { var f = aPlayer.getStats().audioFirstBlock;"
                + "  if (f || Date.now() - t0 > 10000) done(f); else setTimeout(poll, 20); })();");
        assertEquals(8.0, ((Number) first.get("time")).doubleValue(), 0.001, "the first block after the seek is the target's: " + first);
        List<Map<String, Object>> log = PlayerTest.waitFor(browser, "aPlayer", "ended", 30000);
        assertTrue(PlayerTest.types(log).contains("ended"), PlayerTest.types(log) + "\n" + browser.console());
        assertEquals(10.0, number("return aPlayer.currentTime;"), 0.1);
    }
}
