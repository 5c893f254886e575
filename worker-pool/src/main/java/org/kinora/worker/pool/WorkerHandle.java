package org.kinora.worker.pool;

import org.kinora.worker.Js;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;

/**
 * The main thread's end of one worker: requests carry an {@code id} and the worker's answer with
 * that id settles the request's promise. A worker that dies (a trap, a failed start) rejects every
 * pending request and is not reused.
 */
public final class WorkerHandle {
    private final String build;
    private final JSObject worker;
    private final JSObject pending = Js.object();
    private final JSPromise<JSObject> ready;
    private int nextId = 1;
    private boolean dead;
    private String deathReason;
    private MessageListener streamListener;
    private ErrorListener deathListener;
    /** When the pool got it back (performance.now() milliseconds). */
    double idleSince;

    /** Receives messages that answer no request (a player's stream of tracks, audio, pictures). */
    @JSFunctor
    public interface MessageListener extends JSObject {
        void onMessage(JSObject data);
    }

    /** Told once when the worker dies (a trap, an uncaught error, a failed start). */
    @JSFunctor
    public interface ErrorListener extends JSObject {
        void onError(String message);
    }

    @JSFunctor
    interface Settle extends JSObject {
        void settle(JSObject value);
    }

    /**
     * Starts a worker of {@code build}. A Wasm worker is given {@code module} (a promise of the
     * compiled {@code kinora-worker.wasm}, or null): the page compiles it once for all its workers,
     * each of which then only instantiates it; when the promise fails, the worker compiles the file
     * itself.
     */
    WorkerHandle(String base, String build, JSObject module) {
        this.build = build;
        boolean shared = "wasm".equals(build) && module != null;
        this.worker = startWorker(base, "kinora-worker-" + build + ".js", shared);
        if (shared) {
            sendModule(worker, module);
        }
        Settle[] readySettle = new Settle[2];
        this.ready = new JSPromise<>((resolve, reject) -> {
            readySettle[0] = resolve::accept;
            readySettle[1] = v -> reject.accept(v);
        });
        listen(worker, data -> {
            String type = Js.getString(data, "type");
            if ("ready".equals(type)) {
                readySettle[0].settle(data);
                return;
            }
            if ("fatal".equals(type)) {
                die(Js.getString(data, "message"));
                readySettle[1].settle(Js.str(deathReason));
                return;
            }
            if (!Js.has(data, "id")) {
                if (streamListener != null) {
                    streamListener.onMessage(data);
                }
                return;
            }
            String key = String.valueOf((int) Js.getNumber(data, "id"));
            JSObject entry = Js.get(pending, key);
            if (entry == null || isUndefined(entry)) {
                return;
            }
            deleteKey(pending, key);
            if ("error".equals(type)) {
                callSettle(Js.get(entry, "reject"), Js.str(Js.getString(data, "message")));
            } else {
                callSettle(Js.get(entry, "resolve"), data);
            }
        }, message -> {
            die(message);
            readySettle[1].settle(Js.str(deathReason));
        });
    }

    /** Sets who receives the worker's unsolicited messages (null: nobody). */
    public void setStreamListener(MessageListener listener) {
        this.streamListener = listener;
    }

    /** Sets who is told when the worker dies (null: nobody). */
    public void setDeathListener(ErrorListener listener) {
        this.deathListener = listener;
    }

    /**
     * Posts a message that expects no answer, once the worker is ready: a worker whose code is
     * still loading (the Wasm build compiles asynchronously) would drop it.
     */
    public void post(JSObject message, JSArray<JSObject> transfer) {
        if (dead) {
            return;
        }
        ready.then(r -> {
            if (!dead) {
                post(worker, message, transfer);
            }
            return null;
        });
    }

    /** "wasm" or "js". */
    public String build() {
        return build;
    }

    public boolean isDead() {
        return dead;
    }

    /** Resolves with the worker's {@code ready} message once it runs. */
    public JSPromise<JSObject> ready() {
        return ready;
    }

    /**
     * Sends {@code message} (its {@code id} is set here) once the worker is ready; the objects in
     * {@code transfer} move to the worker. Resolves with the worker's answer.
     */
    public JSPromise<JSObject> request(JSObject message, JSArray<JSObject> transfer) {
        if (dead) {
            return JSPromise.reject(Js.str("worker stopped: " + deathReason));
        }
        int id = nextId++;
        Js.setInt(message, "id", id);
        return ready.flatThen(r -> new JSPromise<JSObject>((resolve, reject) -> {
            JSObject entry = Js.object();
            Settle res = resolve::accept;
            Settle rej = v -> reject.accept(v);
            setSettle(entry, "resolve", res);
            setSettle(entry, "reject", rej);
            Js.set(pending, String.valueOf(id), entry);
            post(worker, message, transfer);
        }));
    }

    /** Stops the worker; pending requests are rejected. */
    public void terminate() {
        die("terminated");
        terminate(worker);
    }

    private void die(String reason) {
        if (dead) {
            return;
        }
        dead = true;
        deathReason = reason == null ? "unknown error" : reason;
        rejectAll(pending, Js.str(deathReason));
        if (deathListener != null) {
            ErrorListener l = deathListener;
            deathListener = null;
            l.onError(deathReason);
        }
    }

    /**
     * Starts a worker from a same-origin blob script, so that {@code dist/} works when served from
     * another origin (a CDN) too. The Wasm worker's script is in kinora.js itself (the function
     * {@code kinoraWasmWorker} of its scope; see player-ui's build), and the blob holds its text: the
     * worker starts without fetching anything, where {@code importScripts} would cost it a request
     * after its thread has started. Otherwise the blob imports the script. With
     * {@code moduleFollows} the Wasm bootstrap waits for its compiled module ({@link #sendModule})
     * as its first message.
     */
    @JSBody(params = {"base", "file", "moduleFollows"}, script = ""
            + "var src = 'self.kinoraBase = ' + JSON.stringify(base) + ';\\n'"
            + " + (moduleFollows ? 'self.kinoraModuleFollows = true;\\n' : '')"
            + " + (file === 'kinora-worker-wasm.js' && typeof kinoraWasmWorker === 'function'"
            + "   ? '(' + kinoraWasmWorker + ')();\\n' : 'importScripts(' + JSON.stringify(base + file) + ');\\n');"
            + "var url = URL.createObjectURL(new Blob([src], {type: 'text/javascript'}));"
            + "var w = new Worker(url);"
            + "setTimeout(function () { URL.revokeObjectURL(url); }, 10000);"
            + "return w;")
    private static native JSObject startWorker(String base, String file, boolean moduleFollows);

    /** The first message of a Wasm worker: the compiled module, or null (it then compiles the file). */
    @JSBody(params = {"worker", "module"}, script = ""
            + "module.then(function (m) { worker.postMessage({type: 'kinora-module', module: m}); },"
            + " function () { worker.postMessage({type: 'kinora-module', module: null}); });")
    private static native void sendModule(JSObject worker, JSObject module);

    @JSBody(params = {"worker", "onMessage", "onError"}, script = ""
            + "worker.onmessage = function (e) { onMessage(e.data); };"
            + "worker.onerror = function (e) { e.preventDefault(); onError(e.message || 'worker error'); };"
            + "worker.onmessageerror = function () { onError('message could not be deserialised'); };")
    private static native void listen(JSObject worker, MessageListener onMessage, ErrorListener onError);

    @JSBody(params = {"worker", "message", "transfer"}, script = "worker.postMessage(message, transfer);")
    private static native void post(JSObject worker, JSObject message, JSArray<JSObject> transfer);

    @JSBody(params = "worker", script = "worker.terminate();")
    private static native void terminate(JSObject worker);

    @JSBody(params = {"o", "key", "fn"}, script = "o[key] = fn;")
    private static native void setSettle(JSObject o, String key, Settle fn);

    @JSBody(params = {"settle", "value"}, script = "settle(value);")
    private static native void callSettle(JSObject settle, JSObject value);

    @JSBody(params = {"o", "key"}, script = "delete o[key];")
    private static native void deleteKey(JSObject o, String key);

    @JSBody(params = "o", script = "return o === undefined;")
    private static native boolean isUndefined(JSObject o);

    @JSBody(params = {"pending", "reason"}, script = ""
            + "for (var k in pending) { var e = pending[k]; delete pending[k]; e.reject(reason); }")
    private static native void rejectAll(JSObject pending, JSObject reason);
}
