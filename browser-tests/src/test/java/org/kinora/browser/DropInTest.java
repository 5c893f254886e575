package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dist/ works wherever it is copied: kinora.js finds its files next to itself or under data-kinora-base. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DropInTest {
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

    @ParameterizedTest
    @CsvSource({"dropin.html,/elsewhere/lib/,wasm", "dropin.html,/elsewhere/lib/,js",
        "base-attribute.html,/dist/,wasm", "base-attribute.html,/dist/,js"})
    @SuppressWarnings("unchecked")
    void findsWorkersRelativeToItself(String page, String expectedBase, String build) {
        browser.open("pages/" + page);
        assertEquals(browser.baseUrl + expectedBase.substring(1), browser.js("return Kinora.base;"));
        Map<String, Object> r = (Map<String, Object>) browser.async("var done = arguments[arguments.length - 1];"
                + "Kinora.decode('/testdata/samples/bars.ogg', {build: arguments[0]}).then(function (r) { done({frames: r.frames, build: r.build}); },"
                + " function (e) { done({error: String(e.message)}); });", build);
        assertEquals(null, r.get("error"), r.toString());
        assertEquals(50L, r.get("frames"));
        assertEquals(build, r.get("build"));
    }
}
