package org.kinora.worker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which sources are read over a WebSocket: ws: and wss: URLs, their scheme in any case. */
class WebSocketReaderTest {
    @Test
    void webSocketSchemesInAnyCase() {
        assertTrue(WebSocketReader.handles("ws://127.0.0.1:8000/live/a.flv"));
        assertTrue(WebSocketReader.handles("wss://example.org/live/a.flv"));
        assertTrue(WebSocketReader.handles("WS://example.org/a.flv"));
        assertTrue(WebSocketReader.handles("Wss://example.org/a.flv"));
    }

    @Test
    void otherUrlsAreNot() {
        assertFalse(WebSocketReader.handles("http://example.org/ws://a.flv"));
        assertFalse(WebSocketReader.handles("https://example.org/a.flv"));
        assertFalse(WebSocketReader.handles("ws:/a.flv"));
        assertFalse(WebSocketReader.handles("ws"));
        assertFalse(WebSocketReader.handles(""));
        assertFalse(WebSocketReader.handles("blob:http://example.org/1"));
    }
}
