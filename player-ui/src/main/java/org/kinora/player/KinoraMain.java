package org.kinora.player;

import org.kinora.core.Version;
import org.kinora.worker.Js;
import org.kinora.worker.pool.WorkerHandle;
import org.kinora.worker.pool.WorkerPool;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * Entry point of {@code kinora.js}: fills the page's {@code Kinora} object (made by the script's
 * prelude, which also knows the script's base URL) with the public API.
 */
public final class KinoraMain {
    private static WorkerPool pool;

    private KinoraMain() {
    }

    @JSFunctor
    interface BooleanFn extends JSObject {
        boolean call();
    }

    @JSFunctor
    interface StringFn extends JSObject {
        String call(JSObject arg);
    }

    @JSFunctor
    interface PromiseFn extends JSObject {
        JSPromise<JSObject> call(JSObject options);
    }

    @JSFunctor
    interface PromiseFn2 extends JSObject {
        JSPromise<JSObject> call(JSObject first, JSObject options);
    }

    @JSFunctor
    interface StatsFn extends JSObject {
        JSObject call();
    }

    @JSFunctor
    interface NumberFn extends JSObject {
        void call(double value);
    }

    @JSFunctor
    interface DecodeFn extends JSObject {
        JSPromise<JSObject> call(String url, JSObject options);
    }

    public static void main(String[] args) {
        JSObject kinora = kinora();
        pool = new WorkerPool(Js.getString(kinora, "base"), WorkerPool.DEFAULT_MAX_WORKERS);
        Js.setString(kinora, "version", Version.VERSION);
        setFn(kinora, "supportsWasmGC", BuildSelector::supportsWasmGc);
        setFn(kinora, "selectBuild", (StringFn) requested -> BuildSelector.select(JsUtil.asString(requested)));
        setFn(kinora, "hello", (PromiseFn) KinoraMain::hello);
        setFn(kinora, "echo", (PromiseFn2) KinoraMain::echo);
        setFn(kinora, "decode", (DecodeFn) KinoraMain::decode);
        setFactory(kinora, "_createCore", PlayerBinding.factory(pool));
        setFn(kinora, "_canPlayType", (StringFn) type -> MediaTypes.canPlayType(JsUtil.asString(type)));
        setStats(kinora, "poolStats", () -> {
            JSObject s = Js.object();
            Js.setInt(s, "maxWorkers", pool.maxWorkers());
            Js.setInt(s, "busy", pool.busy());
            Js.setInt(s, "idle", pool.idle());
            Js.setInt(s, "waiting", pool.waiting());
            return s;
        });
        setNumberFn(kinora, "_setPoolIdleTimeout", ms -> pool.setIdleTimeout((int) ms));
    }

    /** {@code Kinora.hello({build})}: resolves with the worker's {@code {version, build}}. */
    private static JSPromise<JSObject> hello(JSObject options) {
        try {
            WorkerHandle worker = pool.control(BuildSelector.select(Js.getString(orEmpty(options), "build")));
            JSObject request = Js.object();
            Js.setString(request, "type", "hello");
            return worker.request(request, Js.array());
        } catch (RuntimeException e) {
            return JSPromise.reject(error(e.getMessage()));
        }
    }

    /**
     * {@code Kinora.echo(arrayBuffer, {build})}: transfers the buffer to a worker, which answers with
     * the same buffer transferred back, bytes inverted, and the MD5 of what it received.
     */
    private static JSPromise<JSObject> echo(JSObject buffer, JSObject options) {
        try {
            if (!isArrayBuffer(buffer)) {
                throw new IllegalArgumentException("echo needs an ArrayBuffer");
            }
            WorkerHandle worker = pool.control(BuildSelector.select(Js.getString(orEmpty(options), "build")));
            JSObject request = Js.object();
            Js.setString(request, "type", "echo");
            Js.set(request, "buffer", buffer);
            JSArray<JSObject> transfer = Js.array();
            transfer.push((ArrayBuffer) buffer);
            return worker.request(request, transfer);
        } catch (RuntimeException e) {
            return JSPromise.reject(error(e.getMessage()));
        }
    }

    private static JSPromise<JSObject> decode(String url, JSObject options) {
        try {
            return DecodeSession.run(pool, url, orEmpty(options));
        } catch (RuntimeException e) {
            return JSPromise.reject(error(e.getMessage()));
        }
    }

    private static JSObject orEmpty(JSObject o) {
        return o == null || JsUtil.isNullish(o) ? Js.object() : o;
    }

    /** The {@code Kinora} object of the prelude that encloses this code (kinora.js or kinora.mjs). */
    @JSBody(script = "return Kinora;")
    private static native JSObject kinora();

    @JSBody(params = "o", script = "return o instanceof ArrayBuffer;")
    private static native boolean isArrayBuffer(JSObject o);

    @JSBody(params = "message", script = "return new Error(message);")
    private static native JSObject error(String message);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setFn(JSObject o, String key, BooleanFn fn);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setFn(JSObject o, String key, StringFn fn);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setFn(JSObject o, String key, PromiseFn fn);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setFn(JSObject o, String key, PromiseFn2 fn);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setFn(JSObject o, String key, DecodeFn fn);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setStats(JSObject o, String key, StatsFn fn);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setNumberFn(JSObject o, String key, NumberFn fn);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setFactory(JSObject o, String key, PlayerBinding.CreateCoreFn fn);
}
