package org.kinora.worker;

import org.kinora.core.MediaException;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * A live stream over a WebSocket ({@code ws://}, {@code wss://}): each binary message carries
 * stream bytes (WebSocket-FLV: one tag or many per message), delivered in order as they arrive.
 * A WebSocket has no flow control, so every message is handed on at once; a live player consumes
 * continuously and drops what is late. The stream cannot seek; its end (the server closing) is
 * the end of the resource.
 */
final class WebSocketReader implements ByteSource {
    @JSFunctor
    interface MessageCallback extends JSObject {
        void call(Int8Array data);
    }

    @JSFunctor
    interface CloseCallback extends JSObject {
        void call(boolean error, int code, String reason);
    }

    private final String url;
    private final Listener listener;
    private JSObject socket;
    private long position;
    private boolean closed;
    private boolean anyBytes;

    WebSocketReader(String url, Listener listener) {
        this.url = url;
        this.listener = listener;
    }

    /** True for the URLs this reader serves. */
    static boolean handles(String url) {
        return startsWithIgnoringCase(url, "ws://") || startsWithIgnoringCase(url, "wss://");
    }

    /**
     * Whether {@code s} starts with {@code prefix} (lower-case ASCII), letters compared without
     * case; not {@code toLowerCase}, which in the Wasm build makes a Unicode case table first.
     */
    private static boolean startsWithIgnoringCase(String s, String prefix) {
        if (s.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void read(long offset, int length) {
        if (socket == null && !closed) {
            socket = open(url, this::onMessage, this::onClose);
        }
    }

    @Override
    public boolean inFlight() {
        return false;
    }

    @Override
    public void liveMode() {
        // always live: a failure or the end is reported at once
    }

    @Override
    public void cancel() {
        closed = true;
        if (socket != null) {
            close(socket);
            socket = null;
        }
    }

    private void onMessage(Int8Array data) {
        if (closed) {
            return;
        }
        int n = data.getLength();
        if (n == 0) {
            return;
        }
        anyBytes = true;
        long at = position;
        position += n;
        listener.onData(at, data.copyToJavaArray(), -1);
    }

    private void onClose(boolean error, int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        socket = null;
        if (error || (code != 1000 && code != 1005)) {
            int kind = anyBytes ? MediaException.MEDIA_ERR_NETWORK : MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED;
            listener.onError(new MediaException(kind, "the WebSocket " + url + " closed"
                    + (code > 0 ? " with code " + code : "") + (reason != null && !reason.isEmpty() ? ": " + reason : "")));
            return;
        }
        listener.onData(position, new byte[0], -1);
        listener.onReady();
    }

    @JSBody(params = {"url", "onMessage", "onClose"}, script = ""
            + "var ws = new WebSocket(url), failed = false;"
            + "ws.binaryType = 'arraybuffer';"
            + "ws.onmessage = function (e) { if (e.data instanceof ArrayBuffer) onMessage(new Int8Array(e.data)); };"
            + "ws.onerror = function () { failed = true; };"
            + "ws.onclose = function (e) { onClose(failed, e.code, e.reason || ''); };"
            + "return ws;")
    private static native JSObject open(String url, MessageCallback onMessage, CloseCallback onClose);

    @JSBody(params = "ws", script = "ws.onmessage = null; ws.onclose = null; ws.onerror = null; try { ws.close(); } catch (e) {}")
    private static native void close(JSObject ws);
}
