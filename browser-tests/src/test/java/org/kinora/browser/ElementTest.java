package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo page's <kinora-player> plays the sample with its controls. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElementTest {
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

    @Test
    void demoElementPlaysWithControls() {
        browser.open("index.html");
        browser.js("window.seen = []; var el = document.getElementById('player');"
                + "['loadedmetadata', 'playing', 'pause', 'timeupdate'].forEach(function (t) { el.addEventListener(t, function () { seen.push(t); }); });");
        assertEquals(true, browser.waitUntil("document.getElementById('player').player.readyState >= 3", 20000));
        // the play button in the shadow root starts playback
        browser.js("document.getElementById('player').shadowRoot.querySelector('.play').click();");
        assertEquals(true, browser.waitUntil("document.getElementById('player').player.currentTime > 0.6", 20000), browser.console());
        String time = (String) browser.js("return document.getElementById('player').shadowRoot.querySelector('.time').textContent;");
        assertTrue(time.endsWith("/ 0:10"), time);
        assertEquals("Pause", browser.js("return document.getElementById('player').shadowRoot.querySelector('.play').getAttribute('aria-label');"));
        browser.js("document.getElementById('player').shadowRoot.querySelector('.play').click();");
        assertEquals(true, browser.js("return document.getElementById('player').player.paused;"));
        String seen = String.valueOf(browser.js("return seen.join(',');"));
        assertTrue(seen.contains("playing") && seen.contains("timeupdate") && seen.endsWith("pause"), seen);
        // mute button toggles the player's muted state and fires volumechange
        browser.js("document.getElementById('player').shadowRoot.querySelector('.mute').click();");
        assertEquals(true, browser.js("return document.getElementById('player').player.muted;"));
        assertEquals(0L, ((Number) browser.js("return document.getElementById('player').player.error ? 1 : 0;")).longValue());
    }
}
