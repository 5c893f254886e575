package org.kinora.worker;

import org.kinora.core.Md5;
import org.kinora.core.Version;
import org.kinora.worker.protocol.AudioHoldMessage;
import org.kinora.worker.protocol.Message;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.OpenRequest;
import org.kinora.worker.protocol.PositionMessage;
import org.kinora.worker.protocol.RecycleMessage;
import org.kinora.worker.protocol.SeekMessage;
import org.kinora.worker.protocol.VideoRequest;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Entry point of the worker bundle (compiled to Wasm GC and to JavaScript). Announces itself with a
 * {@code ready} message and answers requests by {@code type}; every request may carry an {@code id}
 * that the answer repeats. The messages are typed in {@link org.kinora.worker.protocol}.
 *
 * <ul>
 *   <li>{@code hello}: answers {@code {type: 'hello', version, build}}.</li>
 *   <li>{@code echo} with an ArrayBuffer {@code buffer}: answers with the same buffer, transferred
 *       back, its bytes inverted, and {@code md5} of the bytes as received: proves that buffers
 *       cross the boundary both ways without copies on the main thread.</li>
 *   <li>{@code open {session, url, port, audioPort, readAhead, reconnectAttempts,
 *       stallTimeout, decodeThreads}}: become the source worker of a
 *       session (see {@link SourceRole}); {@code position {time, readAhead}} reports the playhead
 *       to it, {@code seek {epoch, time, exact}} repositions it, {@code audio-hold {hold}} keeps
 *       sound in it or lets it go on to the audio port, {@code recycle-audio {planes}} returns
 *       sound arrays (those the output plays come back over the audio port).</li>
 *   <li>{@code video {session, port, decodeOnly, md5}}: become the video worker of a session (see
 *       {@link VideoRole}); {@code recycle {buffer}} returns a picture buffer to it.</li>
 *   <li>{@code close}: end the current roles; the worker can serve another session.</li>
 *   <li>{@code simulate-crash}: dies as a trapped worker does (for tests of recovery).</li>
 * </ul>
 * Requests naming a session other than the current role's are ignored.
 */
public final class WorkerMain {
    private static SourceRole source;
    private static int sourceSession;
    private static VideoRole video;
    private static int videoSession;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerScope.onMessage(WorkerMain::dispatch);
        JSObject ready = reply("ready", null);
        Js.setString(ready, "version", Version.VERSION);
        Js.setString(ready, "build", WorkerScope.buildKind());
        WorkerScope.postMessage(ready);
    }

    private static void dispatch(JSObject data) {
        Message m = Messages.of(data);
        String type = m.getType();
        try {
            if ("hello".equals(type)) {
                JSObject answer = reply("hello", data);
                Js.setString(answer, "version", Version.VERSION);
                Js.setString(answer, "build", WorkerScope.buildKind());
                WorkerScope.postMessage(answer);
            } else if ("echo".equals(type)) {
                echo(data);
            } else if (Messages.OPEN.equals(type)) {
                closeRoles();
                OpenRequest open = m.cast();
                double readAhead = Js.has(open, "readAhead") ? open.getReadAhead() : 3;
                JSObject port = Js.has(open, "port") ? open.getPort() : null;
                JSObject audioPort = Js.has(open, "audioPort") ? open.getAudioPort() : null;
                sourceSession = open.getSession();
                source = new SourceRole(self(), sourceSession, open.getUrl(), port, audioPort, readAhead,
                        Js.has(open, "reconnectAttempts") ? open.getReconnectAttempts() : Double.NaN,
                        Js.has(open, "stallTimeout") ? open.getStallTimeout() : Double.NaN,
                        Js.has(open, "decodeThreads") ? open.getDecodeThreads() : 1);
                if (Js.has(open, "early") && open.isEarly()) {
                    source.expectEarly();
                }
                source.start();
            } else if (Messages.EARLY.equals(type)) {
                if (source != null && m.getSession() == sourceSession) {
                    source.early(data);
                } else {
                    HttpReader.dropEarly(data);
                }
            } else if (Messages.POSITION.equals(type)) {
                if (source != null && m.getSession() == sourceSession) {
                    PositionMessage p = m.cast();
                    source.position(p.getTime(), p.getReadAhead());
                }
            } else if (Messages.SEEK.equals(type)) {
                if (source != null && m.getSession() == sourceSession) {
                    SeekMessage s = m.cast();
                    source.seek(s.getEpoch(), s.getTime(), s.isExact());
                }
            } else if (Messages.RECYCLE_AUDIO.equals(type)) {
                if (source != null && m.getSession() == sourceSession) {
                    source.recycleAudio(m.<RecycleMessage>cast().getPlanes());
                }
            } else if (Messages.AUDIO_HOLD.equals(type)) {
                if (source != null && m.getSession() == sourceSession) {
                    source.holdAudio(m.<AudioHoldMessage>cast().isHold());
                }
            } else if (Messages.VIDEO.equals(type)) {
                closeRoles();
                VideoRequest v = m.cast();
                videoSession = v.getSession();
                video = new VideoRole(self(), videoSession, v.getPort(), v.isDecodeOnly(), v.isMd5());
            } else if (Messages.RECYCLE.equals(type)) {
                if (video != null && m.getSession() == videoSession) {
                    RecycleMessage r = m.cast();
                    video.recycle(Js.has(r, "buffer") ? r.getBuffer() : null);
                }
            } else if (Messages.SIMULATE_CRASH.equals(type)) {
                crashSoon();
            } else if (Messages.CLOSE.equals(type)) {
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
        JSArray<JSObject> transfer = new JSArray<>();
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
