package org.kinora.player;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Browser helpers for the main thread. */
final class JsUtil {
    private JsUtil() {
    }

    @JSBody(params = "o", script = "return o === undefined || o === null;")
    static native boolean isNullish(JSObject o);

    @JSBody(params = "o", script = "return o === undefined || o === null ? null : String(o);")
    static native String asString(JSObject o);

    @JSBody(params = "o", script = "return Number(o);")
    static native double asNumber(JSObject o);

    @JSBody(params = "o", script = "return !!o;")
    static native boolean truthy(JSObject o);

    @JSBody(params = "o", script = "return typeof o === 'function';")
    static native boolean isFunction(JSObject o);

    @JSBody(params = {"fn", "arg"}, script = "try { fn(arg); } catch (e) { setTimeout(function () { throw e; }); }")
    static native void callSafely(JSObject fn, JSObject arg);

    /** An Error carrying a MediaError-style {@code code}. */
    @JSBody(params = {"code", "message"}, script = "var e = new Error(message); e.code = code; return e;")
    static native JSObject mediaError(int code, String message);

    @JSBody(params = "url", script = "return new URL(url, location.href).href;")
    static native String absoluteUrl(String url);

    @JSBody(script = "return new MessageChannel();")
    static native JSObject messageChannel();

    @JSBody(params = {"o", "key"}, script = "return o != null && o[key] !== undefined && o[key] !== null;")
    static native boolean has(JSObject o, String key);

    @JSBody(script = "return performance.now();")
    static native double now();
}
