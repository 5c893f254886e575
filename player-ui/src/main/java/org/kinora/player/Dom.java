package org.kinora.player;

import org.kinora.worker.Timers;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The browser calls the player core makes: events, animation frames, the renderer and the sound output. */
final class Dom {
    private Dom() {
    }

    @JSFunctor
    interface FrameCallback extends JSObject {
        void onFrame(double time);
    }

    @JSFunctor
    interface Callback extends JSObject {
        void call(JSObject value);
    }

    @JSBody(params = {"target", "type"}, script = "target.dispatchEvent(new Event(type));")
    static native void dispatch(JSObject target, String type);

    @JSBody(params = "cb", script = "return requestAnimationFrame(cb);")
    static native int requestAnimationFrame(FrameCallback cb);

    @JSBody(params = "id", script = "cancelAnimationFrame(id);")
    static native void cancelAnimationFrame(int id);

    /** Fetches the audio worklet's script now, for the sound outputs made later (once per page and base). */
    @JSBody(params = "base", script = "prefetchWorklet(base);")
    static native void prefetchWorklet(String base);

    /** A renderer whose context is made on first use or by {@link #prepareRenderer}. */
    @JSBody(params = {"canvas", "kind"}, script = "return deferredRenderer(canvas, kind);")
    static native JSObject createRenderer(JSObject canvas, String kind);

    /** Calls {@code f} when this thread is next idle (within 500 ms), or in a task of its own where idle callbacks are missing. */
    @JSBody(params = "f", script = "if (typeof requestIdleCallback === 'function') requestIdleCallback(function () { f(); }, {timeout: 500});"
            + " else setTimeout(f, 0);")
    static native void whenIdle(Timers.Callback f);

    @JSBody(params = "renderer", script = "renderer.prepare();")
    static native void prepareRenderer(JSObject renderer);

    @JSBody(params = "renderer", script = "return renderer.kind;")
    static native String rendererKind(JSObject renderer);

    @JSBody(params = {"renderer", "picture"}, script = "renderer.draw(picture);")
    static native void draw(JSObject renderer, JSObject picture);

    @JSBody(params = "renderer", script = "renderer.destroy();")
    static native void destroyRenderer(JSObject renderer);

    @JSBody(params = "renderer", script = "renderer.clear();")
    static native void clear(JSObject renderer);

    @JSFunctor
    interface Tick extends JSObject {
        void run();
    }

    @JSFunctor
    interface Done extends JSObject {
        void done(boolean ok);
    }

    /** {@code prepared}: the start made by {@link #prepareAudioOutput}, or null. */
    @JSBody(params = {"base", "rate", "channels", "port", "onReady", "onError", "onReport", "prepared"}, script = ""
            + "createAudioOutput(base, rate, channels, port, onReport, prepared).then(function (o) { onReady(o); },"
            + " function (e) { onError(new Error(String(e && e.message || e))); });")
    static native void createAudioOutput(String base, int rate, int channels, JSObject port, Callback onReady, Callback onError,
            Tick onReport, JSObject prepared);

    /** The start of a sound output at {@code rate} (its context, its worklet loading), or null without WebAudio. */
    @JSBody(params = {"base", "rate"}, script = "return prepareAudioOutput(base, rate);")
    static native JSObject prepareAudioOutput(String base, int rate);

    @JSBody(params = "prepared", script = "prepared.close();")
    static native void closePreparedAudio(JSObject prepared);

    @JSBody(params = {"audio", "time"}, script = "audio.skip(time);")
    static native void skipAudio(JSObject audio, double time);

    /** Playback speed of the sound, pitch kept (1: normal; above: a live stream catching up). */
    @JSBody(params = {"audio", "speed", "keepPitch"}, script = "audio.setSpeed(speed, keepPitch);")
    static native void setAudioSpeed(JSObject audio, double speed, boolean keepPitch);

    @JSBody(params = {"audio", "epoch"}, script = "audio.flush(epoch);")
    static native void flushAudio(JSObject audio, int epoch);

    @JSBody(params = {"audio", "time"}, script = "audio.from(time);")
    static native void audioFrom(JSObject audio, double time);

    @JSBody(params = "audio", script = "return audio.received();")
    static native int audioReceived(JSObject audio);

    @JSBody(params = "audio", script = "return audio.first();")
    static native JSObject audioFirstBlock(JSObject audio);

    @JSBody(params = "audio", script = "return audio.fromTime();")
    static native double audioFromTime(JSObject audio);

    @JSBody(params = "audio", script = "return audio.drained();")
    static native boolean audioDrained(JSObject audio);

    @JSBody(params = "audio", script = "return audio.running();")
    static native boolean audioRunning(JSObject audio);

    @JSBody(params = {"audio", "timeoutMs", "done"}, script = "audio.resume(timeoutMs, done);")
    static native void resumeAudio(JSObject audio, int timeoutMs, Done done);

    @JSBody(params = "fn", script = "queueMicrotask(function () { fn(); });")
    static native void microtask(Tick fn);

    /** The rejection reason of play() when sound may not start: a DOMException named NotAllowedError. */
    @JSBody(params = "message", script = "return new DOMException(message, 'NotAllowedError');")
    static native JSObject notAllowed(String message);

    /** The rejection reason of play() interrupted by pause() or a new load: an AbortError. */
    @JSBody(params = "message", script = "return new DOMException(message, 'AbortError');")
    static native JSObject aborted(String message);

    @JSBody(params = "audio", script = "audio.play();")
    static native void playAudio(JSObject audio);

    @JSBody(params = "audio", script = "audio.pause();")
    static native void pauseAudio(JSObject audio);

    @JSBody(params = "audio", script = "return audio.time();")
    static native double audioTime(JSObject audio);

    @JSBody(params = "audio", script = "return audio.buffered();")
    static native double audioBuffered(JSObject audio);

    @JSBody(params = "audio", script = "return audio.starved();")
    static native boolean audioStarved(JSObject audio);

    @JSBody(params = {"audio", "volume", "muted"}, script = "audio.setVolume(volume, muted);")
    static native void setVolume(JSObject audio, double volume, boolean muted);

    @JSBody(params = "audio", script = "audio.close();")
    static native void closeAudio(JSObject audio);

    @JSBody(params = "audio", script = "return audio.kind;")
    static native String audioKind(JSObject audio);
}
