package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ADTS fixture of testdata/aac decodes in the browser, in both builds, with exactly
 * ffmpeg's number of samples; streams without PNS within 2 LSB and 0.5 LSB RMS of ffmpeg's s16
 * output (the PNS streams' noise is not normative: the JVM tests compare their band energies).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AacPcmTest {
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        browser.open("index.html");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Arguments> fixtures() throws Exception {
        List<Arguments> list = new ArrayList<>();
        Path d = Fixtures.testdata().resolve("aac");
        try (Stream<Path> files = Files.list(d)) {
            for (Path ref : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".s16.gz")).sorted()::iterator) {
                String name = ref.getFileName().toString().replace(".s16.gz", ".aac");
                if (!Files.exists(d.resolve(name))) {
                    continue; // the .m4a fixture waits for the MP4 demuxer
                }
                for (String build : Browser.builds()) {
                    list.add(Arguments.of(name, build));
                }
            }
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no AAC fixtures");
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    @SuppressWarnings("unchecked")
    void samplesMatchFfmpeg(String name, String build) {
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], url = '/testdata/aac/' + arguments[0];"
                + "function s16(x) { var v = x * 32768; if (v >= 32767) return 32767; if (v <= -32768) return -32768; if (v !== v) return 0;"
                + "  var t = Math.trunc(v), f = v - t;"
                + "  if (f > 0.5 || (f === 0.5 && (t & 1))) t++; else if (f < -0.5 || (f === -0.5 && (t & 1))) t--; return t; }"
                + "var blocks = [], channels = 0;"
                + "var refP = fetch(url.replace(/\\.aac$/, '.s16.gz')).then(function (res) {"
                + "  return new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(); });"
                + "var decP = Kinora.decode(url, {build: arguments[1], onAudio: function (a) { channels = a.channels; blocks.push(a); }});"
                + "Promise.all([refP, decP]).then(function (v) {"
                + "  var ref = new Int16Array(v[0]), i = 0, maxDiff = 0, sq = 0, frames = 0;"
                + "  blocks.forEach(function (b) {"
                + "    for (var s = 0; s < b.frames; s++) for (var c = 0; c < b.channels; c++) {"
                + "      var d = Math.abs(s16(b.planes[c][s]) - ref[i++]); if (d > maxDiff) maxDiff = d; sq += d * d; }"
                + "    frames += b.frames; });"
                + "  done({frames: frames, refFrames: ref.length / channels, maxDiff: maxDiff, rms: Math.sqrt(sq / Math.max(1, i)),"
                + "        reported: v[1].audioSamples});"
                + "}, function (e) { done({error: String(e && e.message || e)}); });", name, build);
        assertEquals(null, r.get("error"), r.toString());
        assertEquals(((Number) r.get("refFrames")).doubleValue(), ((Number) r.get("frames")).doubleValue(), "sample count: " + r);
        assertEquals(((Number) r.get("frames")).doubleValue(), ((Number) r.get("reported")).doubleValue(), r.toString());
        if (!name.contains("pns")) {
            assertTrue(((Number) r.get("maxDiff")).intValue() <= 2, "within 2 LSB: " + r);
            assertTrue(((Number) r.get("rms")).doubleValue() <= 0.5, "RMS within 0.5 LSB: " + r);
        }
    }
}
