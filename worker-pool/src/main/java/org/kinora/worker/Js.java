package org.kinora.worker;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/** Small JavaScript object helpers for messages (plain objects, properties, arrays). */
public final class Js {
    private Js() {
    }

    @JSBody(script = "return {};")
    public static native JSObject object();

    @JSBody(params = {"o", "key", "value"}, script = "o[key] = value;")
    public static native void set(JSObject o, String key, JSObject value);

    @JSBody(params = {"o", "key", "value"}, script = "o[key] = value;")
    public static native void setString(JSObject o, String key, String value);

    @JSBody(params = {"o", "key", "value"}, script = "o[key] = value;")
    public static native void setNumber(JSObject o, String key, double value);

    @JSBody(params = {"o", "key", "value"}, script = "o[key] = value;")
    public static native void setInt(JSObject o, String key, int value);

    @JSBody(params = {"o", "key", "value"}, script = "o[key] = value;")
    public static native void setBoolean(JSObject o, String key, boolean value);

    @JSBody(params = {"o", "key"}, script = "return o[key];")
    public static native JSObject get(JSObject o, String key);

    @JSBody(params = {"o", "key"}, script = "var v = o[key]; return typeof v === 'string' ? v : null;")
    public static native String getString(JSObject o, String key);

    @JSBody(params = {"o", "key"}, script = "var v = o[key]; return typeof v === 'number' ? v : NaN;")
    public static native double getNumber(JSObject o, String key);

    @JSBody(params = {"o", "key"}, script = "return !!o[key];")
    public static native boolean getBoolean(JSObject o, String key);

    @JSBody(params = {"o", "key"}, script = "return o != null && o[key] !== undefined && o[key] !== null;")
    public static native boolean has(JSObject o, String key);

    public static JSString str(String s) {
        return JSString.valueOf(s);
    }

    public static <T extends JSObject> JSArray<T> array() {
        return new JSArray<>();
    }
}
