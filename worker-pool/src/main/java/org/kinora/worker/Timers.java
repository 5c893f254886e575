package org.kinora.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The worker scope's timers. */
final class Timers {
    @JSFunctor
    interface Callback extends JSObject {
        void call();
    }

    private Timers() {
    }

    @JSBody(params = {"f", "ms"}, script = "return setTimeout(f, ms);")
    static native int setTimeout(Callback f, double ms);

    @JSBody(params = "id", script = "clearTimeout(id);")
    static native void clearTimeout(int id);

    @JSBody(params = {"f", "ms"}, script = "return setInterval(f, ms);")
    static native int setInterval(Callback f, double ms);

    @JSBody(params = "id", script = "clearInterval(id);")
    static native void clearInterval(int id);
}
