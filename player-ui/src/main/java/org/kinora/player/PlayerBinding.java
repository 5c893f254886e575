package org.kinora.player;

import org.kinora.worker.Js;
import org.kinora.worker.pool.WorkerPool;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSBoolean;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSString;

/**
 * Connects a {@link PlayerCore} to the {@code Kinora.Player} class of kinora.js: the class calls
 * one function, {@code core(name, argument)}, for every property and method.
 */
final class PlayerBinding {
    private PlayerBinding() {
    }

    @JSFunctor
    interface CoreFn extends JSObject {
        JSObject call(String name, JSObject arg);
    }

    @JSFunctor
    interface CreateCoreFn extends JSObject {
        CoreFn create(JSObject target, JSObject canvas, JSObject options);
    }

    static CreateCoreFn factory(WorkerPool pool) {
        return (target, canvas, options) -> {
            PlayerCore core = new PlayerCore(pool, target, canvas, JsUtil.isNullish(options) ? Js.object() : options);
            return (name, arg) -> invoke(core, name, arg);
        };
    }

    private static JSObject invoke(PlayerCore c, String name, JSObject arg) {
        switch (name) {
            case "src": return JSString.valueOf(c.src());
            case "setSrc": c.setSrc(JsUtil.asString(arg)); return null;
            case "play": return c.play();
            case "pause": c.pause(); return null;
            case "currentTime": return JSNumber.valueOf(c.currentTime());
            case "setCurrentTime": c.seek(JsUtil.asNumber(arg), true); return null;
            case "fastSeek": c.seek(JsUtil.asNumber(arg), false); return null;
            case "seeking": return JSBoolean.valueOf(c.seeking);
            case "seekableEnd": return JSNumber.valueOf(c.seekableEnd());
            case "buffered": return c.network.buffered.toJs(c.info.duration);
            case "played": c.markPlayed(c.clock.now()); return c.played.toJs(c.info.duration);
            case "load": c.load(); return null;
            case "preload": return JSString.valueOf(c.preload());
            case "setPreload": c.setPreload(JsUtil.asString(arg)); return null;
            case "duration": return JSNumber.valueOf(c.info().duration);
            case "paused": return JSBoolean.valueOf(c.paused());
            case "ended": return JSBoolean.valueOf(c.ended());
            case "readyState": return JSNumber.valueOf(c.ready.get());
            case "networkState": return JSNumber.valueOf(c.networkState);
            case "error": return c.error;
            case "videoWidth": return JSNumber.valueOf(c.info().videoWidth);
            case "videoHeight": return JSNumber.valueOf(c.info().videoHeight);
            case "volume": return JSNumber.valueOf(c.volume);
            case "setVolume": c.setVolume(JsUtil.asNumber(arg)); return null;
            case "muted": return JSBoolean.valueOf(c.muted);
            case "setMuted": c.setMuted(JsUtil.truthy(arg)); return null;
            case "playbackRate": return JSNumber.valueOf(c.rate.get());
            case "setPlaybackRate": c.rate.set(JsUtil.asNumber(arg)); return null;
            case "defaultPlaybackRate": return JSNumber.valueOf(c.rate.getDefault());
            case "setDefaultPlaybackRate": c.rate.setDefault(JsUtil.asNumber(arg)); return null;
            case "preservesPitch": return JSBoolean.valueOf(c.rate.preservesPitch());
            case "setPreservesPitch": c.rate.setPreservesPitch(JsUtil.truthy(arg)); return null;
            case "loop": return JSBoolean.valueOf(c.loop);
            case "setLoop": c.loop = JsUtil.truthy(arg); return null;
            case "build": return JSString.valueOf(c.build());
            case "stats": return c.stats();
            case "destroy": c.destroy(); return null;
            case "simulateCrash": c.simulateCrash(JsUtil.asString(arg)); return null;
            default: throw new IllegalArgumentException("unknown player operation " + name);
        }
    }
}
