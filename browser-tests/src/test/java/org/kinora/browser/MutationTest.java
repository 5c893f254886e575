package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged input in the browser, where the JS build has no array bounds checks: a fixed-seed corpus
 * of mutants (bytes overwritten, runs zeroed, cuts) of Ogg Theora/Vorbis and raw HEVC fixtures goes
 * through {@code Kinora.decode} in both builds, and some through the player. Every mutant settles (a
 * result, {@code ended} or an error) within a bound, the page stays alive and the pool still
 * decodes and plays the clean file right afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationTest {
    private static final String[] SOURCES = {"samples/bars.ogg", "player/damaged.ogg", "vorbis/stereo_22k_q2.ogg", "hevc/intra_plain.hevc"};
    private static final int PER_SOURCE = 40;
    /** Mutants of each source also played (in real time, so fewer). */
    private static final int PLAYED_PER_SOURCE = 4;
    private static final long SEED = 20261202L;
    private Browser browser;
    private final List<String> urls = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        Random random = new Random(SEED);
        for (String source : SOURCES) {
            byte[] clean = Files.readAllBytes(Fixtures.testdata().resolve(source));
            for (int i = 0; i < PER_SOURCE; i++) {
                byte[] m = mutate(clean, random);
                String name = source.replace('/', '_') + "." + i + source.substring(source.lastIndexOf('.'));
                Files.write(browser.scratch.resolve(name), m);
                urls.add("/scratch/" + name);
            }
        }
    }

    /** One mutant: a few bytes overwritten, sometimes a run zeroed, sometimes the file cut. */
    private static byte[] mutate(byte[] clean, Random r) {
        byte[] m = clean.clone();
        int kind = r.nextInt(4);
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits; e++) {
            m[r.nextInt(m.length)] = (byte) r.nextInt(256);
        }
        if (kind == 1) {
            int at = r.nextInt(m.length);
            int len = Math.min(m.length - at, 1 + r.nextInt(64));
            java.util.Arrays.fill(m, at, at + len, (byte) 0);
        } else if (kind == 2) {
            m = java.util.Arrays.copyOf(m, 1 + r.nextInt(m.length));
        }
        return m;
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void everyMutantSettlesAndThePoolStaysUsable(String build) {
        browser.open("pages/player.html");
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(900));
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], build = arguments[0], urls = arguments[1];"
                + "var settled = 0, failed = 0, hung = [], i = 0;"
                + "(function next() {"
                + "  if (i >= urls.length) { done({settled: settled, failed: failed, hung: hung}); return; }"
                + "  var url = urls[i++], over = false;"
                + "  var timer = setTimeout(function () { over = true; hung.push(url); next(); }, 15000);"
                + "  Kinora.decode(url, {build: build}).then(function () { if (!over) { clearTimeout(timer); settled++; next(); } },"
                + "    function () { if (!over) { clearTimeout(timer); settled++; failed++; next(); } });"
                + "})();", build, urls);
        assertEquals(List.of(), r.get("hung"), r.toString());
        assertEquals((long) urls.size(), r.get("settled"), r.toString());
        long failed = (Long) r.get("failed");
        // a corpus that only errors (or never does) would prove little
        assertTrue(failed > urls.size() / 10 && failed < urls.size() * 9 / 10, r.toString());
        Map<String, Object> clean = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1];"
                + "Kinora.decode('/testdata/samples/bars.ogg', {build: arguments[0]}).then(done, function (e) { done({error: String(e)}); });",
                build);
        assertEquals(50L, clean.get("frames"), "the pool still decodes: " + clean + "; mutants " + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void everyMutantPlayedReachesTheEndOrAnError(String build) {
        browser.open("pages/player.html");
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(900));
        List<String> some = new ArrayList<>();
        for (int s = 0; s < SOURCES.length; s++) {
            for (int i = 0; i < PLAYED_PER_SOURCE; i++) {
                some.add(urls.get(s * PER_SOURCE + i));
            }
        }
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], build = arguments[0], urls = arguments[1];"
                + "var ended = 0, failed = 0, hung = [], i = 0;"
                + "(function next() {"
                + "  if (i >= urls.length) { done({ended: ended, failed: failed, hung: hung}); return; }"
                + "  var url = urls[i++], p = makePlayer('m', null, build, {muted: true}), over = false;"
                + "  function finish(what) { if (over) return; over = true; clearTimeout(timer); if (what === 'ended') ended++; else failed++;"
                + "    p.destroy(); setTimeout(next, 0); }"
                + "  var timer = setTimeout(function () { hung.push(url + ' at ' + p.currentTime + ' readyState ' + p.readyState); over = true; p.destroy(); next(); }, 20000);"
                + "  p.addEventListener('ended', function () { finish('ended'); });"
                + "  p.addEventListener('error', function () { finish('error'); });"
                + "  p.src = url; p.play().catch(function () {});"
                + "})();", build, some);
        assertEquals(List.of(), r.get("hung"), r.toString());
        assertEquals((long) some.size(), (Long) r.get("ended") + (Long) r.get("failed"), r.toString());
        browser.js("makePlayer('a', '/testdata/samples/bars.ogg', arguments[0]).play();", build);
        assertTrue(PlayerTest.types(PlayerTest.waitFor(browser, "aPlayer", "ended", 20000)).contains("ended"),
                "a clean file still plays: mutants " + r);
    }

    /**
     * Theora's decoder split over two workers behaves on damaged input exactly as the one-worker
     * decoder: the same outcome, the same frames (pts and MD5) and the same count of dropped packets
     * for every Theora mutant, in both builds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void theoraMutantsDecodeAlikeWithOneThreadAndTwo(String build) {
        browser.open("pages/player.html");
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(900));
        List<String> theora = new ArrayList<>();
        theora.add("/testdata/player/damaged.ogg");
        for (int s = 0; s < 2; s++) { // bars.ogg and damaged.ogg
            theora.addAll(urls.subList(s * PER_SOURCE, (s + 1) * PER_SOURCE));
        }
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1], build = arguments[0], urls = arguments[1];"
                + "var out = [], i = 0;"
                + "function one(url, threads) {"
                + "  var frames = [];"
                + "  return Kinora.decode(url, {build: build, decodeThreads: threads, md5: true, onFrame: function (f) { frames.push(f.pts + ' ' + f.md5); }})"
                + "    .then(function (x) { return {frames: frames, errors: x.decodeErrors, split: x.videoParseMs > 0}; },"
                + "      function (e) { return {frames: frames, failed: e.code}; });"
                + "}"
                + "(function next() {"
                + "  if (i >= urls.length) { done({results: out}); return; }"
                + "  var url = urls[i++];"
                + "  one(url, 1).then(function (a) { return one(url, 2).then(function (b) { out.push({url: url, one: a, two: b}); next(); }); });"
                + "})();", build, theora);
        List<Map<String, Object>> results = (List<Map<String, Object>>) r.get("results");
        assertEquals(theora.size(), results.size());
        int withErrors = 0;
        int decoded = 0;
        int split = 0;
        for (Map<String, Object> x : results) {
            Map<String, Object> one = (Map<String, Object>) x.get("one");
            Map<String, Object> two = (Map<String, Object>) x.get("two");
            assertEquals(one.get("failed"), two.get("failed"), x.get("url") + ": outcome");
            assertEquals(one.get("errors"), two.get("errors"), x.get("url") + ": dropped packets");
            assertEquals(one.get("frames"), two.get("frames"), x.get("url") + ": frames");
            if (one.get("errors") != null && ((Number) one.get("errors")).intValue() > 0) {
                withErrors++;
            }
            if (two.get("failed") == null) {
                decoded++;
            }
            if (Boolean.TRUE.equals(two.get("split"))) {
                split++;
            }
        }
        // the corpus must exercise what it is about: dropped packets, and the split decoder
        assertTrue(withErrors >= 3, withErrors + " of " + results.size() + " decoded with dropped packets");
        assertTrue(split > decoded / 2, split + " of the " + decoded + " decoded to the end went split");
    }
}
