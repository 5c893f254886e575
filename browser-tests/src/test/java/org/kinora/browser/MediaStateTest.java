package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTMLMediaElement's network and ready state in both builds: {@code progress}, {@code suspend},
 * {@code stalled}, {@code abort} and {@code emptied}; {@code buffered}, {@code seekable} and
 * {@code played} as TimeRanges; {@code networkState} and its constants; the {@code error} object;
 * and the same on {@code <kinora-player>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaStateTest {
    /** The events recorded by {@link #track}, with networkState and readyState at each. */
    private static final String TRACK = "window.track = function (p) { var log = [];"
            + "['loadstart', 'progress', 'suspend', 'stalled', 'abort', 'emptied', 'error', 'durationchange', 'loadedmetadata',"
            + " 'loadeddata', 'canplay', 'canplaythrough', 'playing', 'waiting', 'seeked', 'ended', 'timeupdate'].forEach(function (t) {"
            + "  p.addEventListener(t, function () { log.push({type: t, networkState: p.networkState, readyState: p.readyState,"
            + "    at: performance.now(), time: p.currentTime}); }); });"
            + "p.events = log; return p; };";
    private Browser browser;
    private FaultyServer server;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        server = new FaultyServer(Fixtures.testdata().toAbsolutePath().normalize());
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

    @BeforeEach
    void page() {
        browser.open("pages/player.html");
        browser.js(TRACK);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) browser.js("return aPlayer.events.slice();");
    }

    private static List<String> types(List<Map<String, Object>> log) {
        List<String> t = new ArrayList<>();
        for (Map<String, Object> e : log) {
            if (!"timeupdate".equals(e.get("type"))) {
                t.add((String) e.get("type"));
            }
        }
        return t;
    }

    private static Map<String, Object> first(List<Map<String, Object>> log, String type) {
        return log.stream().filter(e -> type.equals(e.get("type"))).findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + types(log)));
    }

    /** The ranges of {@code expr} (a TimeRanges) as [start, end] pairs. */
    @SuppressWarnings("unchecked")
    private List<List<Number>> ranges(String expr) {
        return (List<List<Number>>) browser.js("var r = " + expr + ", out = [];"
                + "for (var i = 0; i < r.length; i++) out.push([r.start(i), r.end(i)]); return out;");
    }

    private static void assertRange(List<Number> r, double start, double end, double tolerance, String what) {
        assertEquals(start, r.get(0).doubleValue(), tolerance, what + " start: " + r);
        assertEquals(end, r.get(1).doubleValue(), tolerance, what + " end: " + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aFileReadToItsEndIsBufferedSuspendsAndIsPlayedWithTimeRanges(String build) {
        browser.js("track(makePlayer('a', null, arguments[0], {preload: 'auto'})); aPlayer.src = '/testdata/samples/bars.ogg';", build);
        assertTrue(browser.waitUntil("aPlayer.events.some(function (e) { return e.type === 'suspend'; }) && aPlayer.readyState === 4", 20000),
                types(events()) + "\n" + browser.console());
        List<Map<String, Object>> log = events();
        List<String> order = types(log);
        assertEquals("loadstart", order.get(0), order.toString());
        assertTrue(order.indexOf("progress") > 0 && order.indexOf("progress") < order.indexOf("suspend"), "progress before suspend: " + order);
        assertEquals(2L, first(log, "progress").get("networkState"), "loading at progress");
        assertEquals(1L, first(log, "suspend").get("networkState"), "idle at suspend: the whole file is read");
        assertFalse(order.contains("stalled") || order.contains("abort") || order.contains("emptied"), order.toString());
        assertEquals(1L, browser.js("return aPlayer.networkState;"));
        List<List<Number>> buffered = ranges("aPlayer.buffered");
        assertEquals(1, buffered.size(), buffered.toString());
        assertRange(buffered.get(0), 0, 2.0, 0.05, "buffered");
        assertRange(ranges("aPlayer.seekable").get(0), 0, 2.0, 0.05, "seekable");
        assertEquals(List.of(), ranges("aPlayer.played"), "nothing played yet");
        // TimeRanges throws as the browser's does for an index out of range
        assertEquals("IndexSizeError true IndexSizeError true",
                browser.js("function f(i) { try { aPlayer.buffered.start(i); return 'none'; } catch (e) { return e.name + ' ' + (e instanceof DOMException); } }"
                        + "return f(1) + ' ' + f(-1);"));
        assertEquals("0 1 2 3 0 1 2 3 4 2 4", browser.js("var P = Kinora.Player, p = aPlayer;"
                + "return [P.NETWORK_EMPTY, P.NETWORK_IDLE, P.NETWORK_LOADING, P.NETWORK_NO_SOURCE, P.HAVE_NOTHING, P.HAVE_METADATA,"
                + " P.HAVE_CURRENT_DATA, P.HAVE_FUTURE_DATA, P.HAVE_ENOUGH_DATA, p.NETWORK_LOADING, p.HAVE_ENOUGH_DATA].join(' ');"));

        // played: from 0 to past 0.5 s, a seek to 1.5 s while playing, then to the end
        browser.js("aPlayer.play();");
        assertTrue(browser.waitUntil("aPlayer.currentTime > 0.5", 20000), browser.console());
        browser.js("aPlayer.currentTime = 1.5;");
        assertTrue(browser.waitUntil("aPlayer.ended", 20000), types(events()) + "\n" + browser.console());
        List<List<Number>> played = ranges("aPlayer.played");
        assertEquals(2, played.size(), played.toString());
        assertEquals(0, played.get(0).get(0).doubleValue(), 0.05, played.toString());
        double cut = played.get(0).get(1).doubleValue();
        assertTrue(cut >= 0.5 && cut < 1.45, "the first range ends where the seek was made: " + played);
        assertRange(played.get(1), 1.5, 2.0, 0.05, "played after the seek");
        List<List<Number>> afterSeek = ranges("aPlayer.buffered");
        assertEquals(1, afterSeek.size(), afterSeek.toString());
        assertRange(afterSeek.get(0), 0, 2.0, 0.05, "buffered after the seek");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aSrcChangeWhileLoadingAbortsAndEmptiesAndLoadStartsAgain(String build) {
        // a slow server: the first file is still arriving when src changes
        browser.js("track(makePlayer('a', null, arguments[0], {preload: 'auto'})); aPlayer.src = arguments[1];",
                build, server.url("trickle", "samples/sample.ogg"));
        assertTrue(browser.waitUntil("aPlayer.events.some(function (e) { return e.type === 'progress'; })", 20000), browser.console());
        assertEquals(2L, browser.js("return aPlayer.networkState;"));
        browser.js("aPlayer.events.length = 0; aPlayer.src = '/testdata/samples/bars.ogg';");
        assertTrue(browser.waitUntil("aPlayer.readyState === 4", 20000), browser.console());
        List<String> order = types(events());
        assertEquals(List.of("abort", "emptied", "loadstart"), order.subList(0, 3), order.toString());
        assertEquals(2.0, ((Number) browser.js("return aPlayer.duration;")).doubleValue(), 0.05);

        // load(): played part way, it starts again from 0 with timeupdate after emptied
        browser.js("aPlayer.play();");
        assertTrue(browser.waitUntil("aPlayer.currentTime > 0.3", 20000), browser.console());
        browser.js("aPlayer.events.length = 0; aPlayer.load();");
        assertTrue(browser.waitUntil("aPlayer.readyState >= 3", 20000), browser.console());
        List<Map<String, Object>> log = events();
        assertEquals("emptied", log.stream().filter(e -> !"abort".equals(e.get("type"))).findFirst().get().get("type"), types(log).toString());
        int emptied = log.indexOf(first(log, "emptied"));
        assertEquals("timeupdate", log.get(emptied + 1).get("type"), "currentTime went back to 0: " + log);
        assertEquals(0.0, ((Number) log.get(emptied + 1).get("time")).doubleValue(), 0.001, log.toString());
        assertTrue(types(log).indexOf("loadstart") > types(log).indexOf("emptied"), types(log).toString());
        assertEquals(true, browser.js("return aPlayer.paused;"));
        assertEquals(0.0, ((Number) browser.js("return aPlayer.currentTime;")).doubleValue(), 0.01);
        assertEquals(List.of(), ranges("aPlayer.played"), "a load forgets what was played");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void progressComesAboutEvery350MsWhileBytesTrickleIn(String build) {
        browser.js("track(makePlayer('a', null, arguments[0], {preload: 'auto', muted: true})); aPlayer.src = arguments[1]; aPlayer.play();",
                build, server.url("trickle", "samples/sample.ogg"));
        assertTrue(browser.waitUntil("aPlayer.events.filter(function (e) { return e.type === 'progress'; }).length >= 5", 30000),
                types(events()) + "\n" + browser.console());
        List<Map<String, Object>> log = events();
        double previous = Double.NaN;
        int paced = 0;
        for (int i = 0; i < log.size(); i++) {
            Map<String, Object> e = log.get(i);
            if (!"progress".equals(e.get("type"))) {
                continue;
            }
            double at = ((Number) e.get("at")).doubleValue();
            // the last progress before a suspend comes at once (and sees IDLE): reading paused
            boolean beforeSuspend = i + 1 < log.size() && "suspend".equals(log.get(i + 1).get("type"));
            if (!beforeSuspend) {
                assertEquals(2L, e.get("networkState"), "LOADING while bytes arrive: " + log);
                // bytes arrive every 50 ms: the events are spaced by the player, not by the chunks
                assertTrue(Double.isNaN(previous) || at - previous >= 250, "progress events " + (at - previous) + " ms apart: " + log);
                paced++;
            }
            previous = at;
        }
        assertTrue(paced >= 3, "progress while loading: " + log);
        assertFalse(types(events()).contains("stalled"), types(events()).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void threeSecondsWithoutABytePutsOutStalledAndReadingGoesOnWhenBytesCome(String build) {
        // the server stops for 4.5 s in the middle of the file while the player reads ahead
        browser.js("track(makePlayer('a', null, arguments[0], {preload: 'auto', muted: true})); aPlayer.src = arguments[1]; aPlayer.play();",
                build, server.url("stall", "samples/sample.ogg") + "?" + build);
        assertTrue(browser.waitUntil("aPlayer.events.some(function (e) { return e.type === 'stalled'; })", 30000),
                events() + "\n" + browser.console());
        List<Map<String, Object>> log = events();
        Map<String, Object> stalled = first(log, "stalled");
        assertEquals(2L, stalled.get("networkState"), "still LOADING when stalled");
        double lastProgress = 0;
        for (Map<String, Object> e : log.subList(0, log.indexOf(stalled))) {
            if ("progress".equals(e.get("type"))) {
                lastProgress = ((Number) e.get("at")).doubleValue();
            }
        }
        double quiet = ((Number) stalled.get("at")).doubleValue() - lastProgress;
        assertTrue(lastProgress > 0 && quiet >= 2500, "stalled " + quiet + " ms after the last progress: " + log);
        double stalledAt = ((Number) stalled.get("time")).doubleValue();
        // bytes come again: progress, and playback goes on past where it was
        assertTrue(browser.waitUntil("aPlayer.events.slice(aPlayer.events.findIndex(function (e) { return e.type === 'stalled'; }))"
                + ".some(function (e) { return e.type === 'progress'; }) && aPlayer.currentTime > " + (stalledAt + 2), 30000),
                types(events()) + "\n" + browser.console());
        assertEquals(false, browser.js("return !!aPlayer.error;"));
        assertEquals(1, types(events()).stream().filter("stalled"::equals).count(), types(events()).toString());
        browser.js("aPlayer.destroy();");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theErrorIsOneObjectWithTheMediaErrorConstants(String build) {
        browser.js("track(makePlayer('a', null, arguments[0])); aPlayer.src = '/testdata/samples/missing.ogg';", build);
        assertTrue(browser.waitUntil("aPlayer.error", 20000), browser.console());
        assertEquals("true true 4 4 2 3 true", browser.js("var e = aPlayer.error;"
                + "return [e === aPlayer.error, e instanceof Kinora.MediaError, e.code, e.MEDIA_ERR_SRC_NOT_SUPPORTED,"
                + " Kinora.MediaError.MEDIA_ERR_NETWORK, aPlayer.networkState, typeof e.message === 'string' && e.message.length > 0].join(' ');"));
        assertEquals(List.of("loadstart", "error"), types(events()));
        // a new src clears it
        browser.js("aPlayer.src = '/testdata/samples/bars.ogg';");
        assertTrue(browser.waitUntil("aPlayer.readyState >= 1", 20000), browser.console());
        assertEquals(true, browser.js("return aPlayer.error === null;"));
        assertTrue(types(events()).subList(2, 4).equals(List.of("emptied", "loadstart")), types(events()).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theElementRedispatchesTheEventsAndShowsTheState(String build) {
        browser.js("var el = document.createElement('kinora-player'); el.id = 'el'; el.setAttribute('build', arguments[0]);"
                + "el.setAttribute('preload', 'auto'); window.elSeen = [];"
                + "['progress', 'suspend', 'emptied', 'loadstart'].forEach(function (t) { el.addEventListener(t, function () { elSeen.push(t + ':' + el.networkState); }); });"
                + "document.body.appendChild(el); el.src = '/testdata/samples/bars.ogg';", build);
        assertTrue(browser.waitUntil("elSeen.indexOf('suspend:1') >= 0 && document.getElementById('el').readyState === 4", 20000),
                browser.js("return elSeen;") + "\n" + browser.console());
        // events are dispatched after the step that queued them, as HTML's queued tasks are: when the
        // whole file arrives in one report, its progress is seen after the state went IDLE
        List<?> seen = (List<?>) browser.js("return elSeen;");
        assertTrue(seen.contains("loadstart:2") && seen.stream().anyMatch(e -> String.valueOf(e).startsWith("progress:")),
                "loadstart while LOADING, and progress, re-dispatched: " + seen);
        assertRange(ranges("document.getElementById('el').buffered").get(0), 0, 2.0, 0.05, "element buffered");
        assertEquals("100%", browser.js("return document.getElementById('el').shadowRoot.querySelector('.progress b').style.width;"),
                "the seek bar shows the whole file buffered");
        assertEquals("1 4 2 0 true null 320", browser.js("var el = document.getElementById('el');"
                + "return [el.networkState, el.readyState, el.NETWORK_LOADING, el.played.length, el.paused, String(el.error), el.videoWidth].join(' ');"));
    }
}
