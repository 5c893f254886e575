package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * canPlayType on Kinora, on a Player and on {@code <kinora-player>}: the same answers as the table
 * of the JVM test (MediaTypesTest in player-ui) for a few types, WebIDL's string conversion, and the
 * TypeError without an argument.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanPlayTypeTest {
    private static final List<String> TYPES = List.of(
            "video/mp4; codecs=\"hvc1.1.6.L93.B0, mp4a.40.2\"", "video/mp4; codecs=\"hvc1.2.4.L120.B0\"",
            "video/mp4; codecs=\"hvc1.4.10.L93.B0\"", "audio/mp4; codecs=\"mp4a.40.5\"", "video/ogg; codecs=\"theora, vorbis\"",
            "audio/ogg; codecs=opus", "video/webm", "video/x-flv", "audio/aac", "video/H265", "text/plain");
    private static final List<String> ANSWERS = List.of(
            "probably", "probably", "", "maybe", "probably", "", "maybe", "maybe", "maybe", "maybe", "");
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        browser.open("pages/player.html");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void answersOnKinoraThePlayerAndTheElement(String build) {
        assertEquals(ANSWERS, browser.js("return arguments[0].map(function (t) { return Kinora.canPlayType(t); });", TYPES));
        assertEquals(ANSWERS, browser.js("var p = makePlayer('c' + arguments[1], null, arguments[1]);"
                + "return arguments[0].map(function (t) { return p.canPlayType(t); });", TYPES, build));
        assertEquals(ANSWERS, browser.js("var el = document.createElement('kinora-player'); el.setAttribute('build', arguments[1]);"
                + "document.body.appendChild(el);"
                + "return arguments[0].map(function (t) { return el.canPlayType(t); });", TYPES, build));
        assertEquals(" maybe TypeError", browser.js("var e = 'none'; try { Kinora.canPlayType(); } catch (x) { e = x.name; }"
                + "return [Kinora.canPlayType(null), Kinora.canPlayType({toString: function () { return 'video/ogg'; }}), e].join(' ');"));
    }
}
