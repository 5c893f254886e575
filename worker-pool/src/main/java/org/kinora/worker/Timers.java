package org.kinora.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The timers of the global scope (a worker's or the page's): the one binding every module uses. */
public final class Timers {
    @JSFunctor
    public interface Callback extends JSObject {
        void call();
    }

    private Timers() {
    }

    @JSBody(params = {"f", "ms"}, script = "return setTimeout(f, ms);")
    public static native int setTimeout(Callback f, double ms);

    @JSBody(params = "id", script = "clearTimeout(id);")
    public static native void clearTimeout(int id);

    @JSBody(params = {"f", "ms"}, script = "return setInterval(f, ms);")
    public static native int setInterval(Callback f, double ms);

    @JSBody(params = "id", script = "clearInterval(id);")
    public static native void clearInterval(int id);
}
