package org.kinora.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;

/** A MessagePort (or a worker scope) to post to, with an optional transfer list. */
final class Port {
    private Port() {
    }

    @JSBody(params = {"port", "message", "transfer"}, script = "port.postMessage(message, transfer);")
    static native void post(JSObject port, JSObject message, JSArray<? extends JSObject> transfer);

    @JSBody(params = {"port", "message"}, script = "port.postMessage(message);")
    static native void post(JSObject port, JSObject message);

    @JSBody(params = {"port", "handler"}, script = "port.onmessage = function (e) { handler(e.data); };")
    static native void listen(JSObject port, WorkerScope.MessageHandler handler);

    @JSBody(params = "port", script = "port.onmessage = null; port.close();")
    static native void close(JSObject port);

    @JSBody(script = "return performance.now();")
    static native double now();
}
