package org.kinora.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;

/**
 * The dedicated worker's global scope: receiving messages and posting them back with a transfer
 * list (teavm-jso-apis has no binding for {@code postMessage(message, transfer)}).
 */
public final class WorkerScope {
    private WorkerScope() {
    }

    /** Receives the {@code data} of each message event. */
    @JSFunctor
    public interface MessageHandler extends JSObject {
        void onMessage(JSObject data);
    }

    @JSBody(params = "handler", script = "self.onmessage = function(e) { handler(e.data); };")
    public static native void onMessage(MessageHandler handler);

    /** Posts {@code message}; the objects in {@code transfer} (ArrayBuffers, ports) move to the receiver. */
    @JSBody(params = {"message", "transfer"}, script = "self.postMessage(message, transfer);")
    public static native void postMessage(JSObject message, JSArray<? extends JSObject> transfer);

    @JSBody(params = "message", script = "self.postMessage(message);")
    public static native void postMessage(JSObject message);

    /** The build the bootstrap script started: "wasm" or "js". */
    @JSBody(script = "return typeof self.kinoraBuild === 'string' ? self.kinoraBuild : 'unknown';")
    public static native String buildKind();
}
