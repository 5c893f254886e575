package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo's decode benchmark page (bench.html, used by bench/run.sh): its window.benchResult. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchPageTest {
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

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(String query) {
        browser.open("bench.html?" + query);
        return (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1];"
                + "(function wait() { if (window.benchResult) done(window.benchResult); else setTimeout(wait, 50); })();");
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @ParameterizedTest(name = "{0} build, {1} decode thread(s)")
    @CsvSource({"wasm, 1", "wasm, 2", "js, 1", "js, 2"})
    @SuppressWarnings("unchecked")
    void runsAndMedians(String build, int threads) {
        Map<String, Object> r = result("file=media/sample.ogg&build=" + build + "&runs=3&threads=" + threads);
        assertEquals(null, r.get("error"), browser.console());
        assertEquals("kinora", r.get("decoder"));
        assertEquals(build, r.get("build"));
        assertEquals(640L, r.get("width"));
        assertEquals(360L, r.get("height"));
        // sample.ogg: 10 s at 25 fps, 250 frames in ffmpeg's framemd5, no 0-byte packets
        assertEquals(250L, r.get("frames"));
        List<Map<String, Object>> runs = (List<Map<String, Object>>) r.get("runs");
        assertEquals(3, runs.size());
        double[] decodeFps = new double[3];
        for (int i = 0; i < 3; i++) {
            Map<String, Object> run = runs.get(i);
            assertEquals(250L, run.get("frames"));
            // split over two workers, decode time is the longer stage's: they run at the same time
            double videoMs = number(run.get("videoDecodeMs"));
            double parseMs = number(run.get("videoParseMs"));
            double decodeMs = number(run.get("decodeMs"));
            assertEquals(Math.max(videoMs, parseMs), decodeMs, 0, run.toString());
            assertTrue(threads == 1 ? parseMs == 0 : parseMs > 0, run.toString());
            double wallMs = number(run.get("wallMs"));
            assertTrue(decodeMs > 0 && decodeMs < wallMs, run.toString());
            assertEquals(250 / (decodeMs / 1000), number(run.get("decodeFps")), 1e-6);
            assertEquals(250 / (wallMs / 1000), number(run.get("wallFps")), 1e-6);
            decodeFps[i] = number(run.get("decodeFps"));
        }
        java.util.Arrays.sort(decodeFps);
        Map<String, Object> median = (Map<String, Object>) r.get("median");
        assertEquals(decodeFps[1], number(median.get("decodeFps")), 1e-9);
        assertTrue(number(median.get("wallFps")) > 0);
    }

    @Test
    void missingFileEndsInAnError() {
        Map<String, Object> r = result("file=media/no-such-file.ogg&build=js&runs=1");
        assertTrue(String.valueOf(r.get("error")).contains("404"), r.toString());
    }
}
