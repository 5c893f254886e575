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

/** An FLV file (HEVC with B pictures and AAC, both dialects) plays, seeks and ends in Kinora.Player, in both builds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlvPlayerTest {
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
    @CsvSource({"hevc_aac.flv, wasm", "hevc12_aac.flv, js"})
    void playsSeeksAndEnds(String file, String build) {
        browser.js("makePlayer('a', '/testdata/flv/' + arguments[0], arguments[1]);", file, build);
        List<Map<String, Object>> log = PlayerTest.waitFor(browser, "aPlayer", "loadeddata", 30000);
        assertTrue(PlayerTest.types(log).contains("loadeddata"), PlayerTest.types(log) + "\n" + browser.console());
        assertEquals(208L, browser.js("return aPlayer.videoWidth;"));
        assertEquals(3.08, ((Number) browser.js("return aPlayer.duration;")).doubleValue(), 0.01);
        browser.js("aPlayer.currentTime = 1.5;");
        log = PlayerTest.waitFor(browser, "aPlayer", "seeked", 30000);
        assertTrue(PlayerTest.types(log).contains("seeked"), PlayerTest.types(log) + "\n" + browser.console());
        double t = ((Number) browser.js("return aPlayer.currentTime;")).doubleValue();
        assertEquals(1.5, t, 0.05, "currentTime after the seek");
        browser.js("aPlayer.play();");
        log = PlayerTest.waitFor(browser, "aPlayer", "ended", 60000);
        assertTrue(PlayerTest.types(log).contains("ended"), PlayerTest.types(log) + "\n" + browser.console());
        assertTrue(!PlayerTest.types(log).contains("error"), PlayerTest.types(log).toString());
        Number decodeErrors = (Number) browser.js("return aPlayer.getStats().decodeErrors || 0;");
        assertEquals(0, decodeErrors.intValue(), "no packet failed to decode");
    }
}
