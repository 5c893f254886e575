package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files of every container with HEVC (B pictures) or Theora and AAC or Vorbis play, seek and end
 * in Kinora.Player, in both builds: FLV in both HEVC dialects, MP4 with moov after mdat, Matroska
 * with and without Cues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerPlayerTest {
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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "flv/hevc_aac.flv, wasm, 208, 3.08, 1.5",
        "flv/hevc12_aac.flv, js, 208, 3.08, 1.5",
        "mp4/moov_last.mp4, wasm, 96, 1.0, 0.5",
        "matroska/theora_vorbis.mkv, js, 96, 1.012, 0.5",
        "matroska/hevc_aac_laced.mkv, wasm, 96, 1.067, 0.5",
    })
    void playsSeeksAndEnds(String file, String build, int width, double duration, double seekTo) {
        browser.js("makePlayer('a', '/testdata/' + arguments[0], arguments[1]);", file, build);
        List<Map<String, Object>> log = PlayerTest.waitFor(browser, "aPlayer", "loadeddata", 30000);
        assertTrue(PlayerTest.types(log).contains("loadeddata"), PlayerTest.types(log) + "\n" + browser.console());
        assertEquals(width, ((Number) browser.js("return aPlayer.videoWidth;")).intValue());
        assertEquals(duration, ((Number) browser.js("return aPlayer.duration;")).doubleValue(), 0.07);
        browser.js("aPlayer.currentTime = arguments[0];", seekTo);
        log = PlayerTest.waitFor(browser, "aPlayer", "seeked", 30000);
        assertTrue(PlayerTest.types(log).contains("seeked"), PlayerTest.types(log) + "\n" + browser.console());
        double t = ((Number) browser.js("return aPlayer.currentTime;")).doubleValue();
        assertEquals(seekTo, t, 0.05, "currentTime after the seek");
        browser.js("aPlayer.play();");
        log = PlayerTest.waitFor(browser, "aPlayer", "ended", 60000);
        assertTrue(PlayerTest.types(log).contains("ended"), PlayerTest.types(log) + "\n" + browser.console());
        assertTrue(!PlayerTest.types(log).contains("error"), PlayerTest.types(log).toString());
        Number decodeErrors = (Number) browser.js("return aPlayer.getStats().decodeErrors || 0;");
        assertEquals(0, decodeErrors.intValue(), "no packet failed to decode");
    }
}
