package org.kinora.worker;

import org.kinora.core.Md5;
import org.kinora.core.Version;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Entry point of the worker bundle (compiled to Wasm GC and to JavaScript). Announces itself with a
 * {@code ready} message and answers requests by {@code type}; every request may carry an {@code id}
 * that the answer repeats.
 *
 * <ul>
 *   <li>{@code hello}: answers {@code {type: 'hello', version, build}}.</li>
 *   <li>{@code echo} with an ArrayBuffer {@code buffer}: answers with the same buffer, transferred
 *       back, its bytes inverted, and {@code md5} of the bytes as received: proves that buffers
 *       cross the boundary both ways without copies on the main thread.</li>
 *   <li>{@code open {url, port, readAhead}}: become the source worker of a player (see
 *       {@link SourceRole}); {@code position {time}} reports the playhead to it.</li>
 *   <li>{@code video {port, decodeOnly, md5}}: become the video worker of a player (see
 *       {@link VideoRole}); {@code recycle {buffer}} returns a picture buffer to it.</li>
 *   <li>{@code close}: end the current roles; the worker can serve another player.</li>
 *   <li>{@code simulate-crash}: dies as a trapped worker does (for tests of recovery).</li>
 * </ul>
 */
public final class WorkerMain {
    private static SourceRole source;
    private static VideoRole video;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerScope.onMessage(WorkerMain::dispatch);
        JSObject ready = reply("ready", null);
        Js.setString(ready, "version", Version.VERSION);
        Js.setString(ready, "build", WorkerScope.buildKind());
        WorkerScope.postMessage(ready);
    }

    @SuppressWarnings("unchecked")
    private static void dispatch(JSObject data) {
        String type = Js.getString(data, "type");
        try {
            if ("hello".equals(type)) {
                JSObject answer = reply("hello", data);
                Js.setString(answer, "version", Version.VERSION);
                Js.setString(answer, "build", WorkerScope.buildKind());
                WorkerScope.postMessage(answer);
            } else if ("echo".equals(type)) {
                echo(data);
            } else if ("open".equals(type)) {
                closeRoles();
                double readAhead = Js.has(data, "readAhead") ? Js.getNumber(data, "readAhead") : 3;
                JSObject port = Js.has(data, "port") ? Js.get(data, "port") : null;
                source = new SourceRole(self(), Js.getString(data, "url"), port, readAhead);
                source.start();
            } else if ("position".equals(type)) {
                if (source != null) {
                    source.position(Js.getNumber(data, "time"));
                }
            } else if ("recycle-audio".equals(type)) {
                if (source != null) {
                    source.recycleAudio((org.teavm.jso.core.JSArray<org.teavm.jso.typedarrays.Float32Array>) Js.get(data, "planes"));
                }
            } else if ("video".equals(type)) {
                closeRoles();
                video = new VideoRole(self(), Js.get(data, "port"), Js.getBoolean(data, "decodeOnly"), Js.getBoolean(data, "md5"));
            } else if ("recycle".equals(type)) {
                if (video != null) {
                    video.recycle(Js.has(data, "buffer") ? (ArrayBuffer) Js.get(data, "buffer") : null);
                }
            } else if ("simulate-crash".equals(type)) {
                crashSoon();
            } else if ("close".equals(type)) {
                closeRoles();
                WorkerScope.postMessage(reply("closed", data));
            } else {
                throw new IllegalArgumentException("unknown request type " + type);
            }
        } catch (RuntimeException e) {
            JSObject error = reply("error", data);
            Js.setString(error, "message", String.valueOf(e.getMessage()));
            WorkerScope.postMessage(error);
        }
    }

    private static void closeRoles() {
        if (source != null) {
            source.stop();
            source = null;
        }
        if (video != null) {
            video.stop();
            video = null;
        }
    }

    /**
     * Fault injection for tests: an uncaught error outside any handler, which the main thread sees
     * exactly as it sees a WebAssembly trap (the worker's error event).
     */
    @org.teavm.jso.JSBody(script = "setTimeout(function () { throw new Error('simulated crash'); }, 0);")
    private static native void crashSoon();

    @org.teavm.jso.JSBody(script = "return self;")
    private static native JSObject self();

    private static void echo(JSObject data) {
        ArrayBuffer buffer = (ArrayBuffer) Js.get(data, "buffer");
        Int8Array view = new Int8Array(buffer);
        byte[] bytes = view.copyToJavaArray();
        Md5 md5 = new Md5();
        md5.update(bytes, 0, bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        view.set(Int8Array.copyFromJavaArray(bytes));
        JSObject answer = reply("echo", data);
        Js.set(answer, "buffer", buffer);
        Js.setString(answer, "md5", md5.digestHex());
        JSArray<JSObject> transfer = Js.array();
        transfer.push(buffer);
        WorkerScope.postMessage(answer, transfer);
    }

    private static JSObject reply(String type, JSObject request) {
        JSObject o = Js.object();
        Js.setString(o, "type", type);
        if (request != null && Js.has(request, "id")) {
            Js.set(o, "id", Js.get(request, "id"));
        }
        return o;
    }
}
