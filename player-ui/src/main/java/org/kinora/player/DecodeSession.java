package org.kinora.player;

import org.kinora.core.MediaException;
import org.kinora.worker.Js;
import org.kinora.worker.pool.WorkerHandle;
import org.kinora.worker.pool.WorkerPool;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/**
 * {@code Kinora.decode(url, {build, md5, onFrame, onAudio})}: decodes a whole file as fast as the
 * workers go, with the same source and video workers a player uses, and resolves with
 * {@code {frames, audioSamples, decodeMs, wallMs, build}}. With {@code md5: true} each
 * {@code onFrame} call gets the frame's MD5, the digest {@code kinora-cli framemd5} prints.
 */
final class DecodeSession {
    private final WorkerPool pool;
    private final String url;
    private final JSObject onFrame;
    private final JSObject onAudio;
    private final boolean md5;
    private final String build;
    private WorkerHandle source;
    private WorkerHandle video;
    private JSConsumer<JSObject> resolve;
    private JSConsumer<Object> reject;
    private boolean done;
    private boolean sourceDone;
    private boolean videoDone;
    private int frames;
    private double audioSamples;
    private double audioDecodeMs;
    private double videoDecodeMs;
    private double start;

    private DecodeSession(WorkerPool pool, String url, JSObject options) {
        this.pool = pool;
        this.url = JsUtil.absoluteUrl(url);
        this.build = BuildSelector.select(Js.getString(options, "build"));
        this.md5 = Js.getBoolean(options, "md5");
        JSObject f = Js.get(options, "onFrame");
        JSObject a = Js.get(options, "onAudio");
        this.onFrame = JsUtil.isFunction(f) ? f : null;
        this.onAudio = JsUtil.isFunction(a) ? a : null;
    }

    static JSPromise<JSObject> run(WorkerPool pool, String url, JSObject options) {
        DecodeSession s = new DecodeSession(pool, url, options);
        return new JSPromise<>((resolve, reject) -> {
            s.resolve = resolve;
            s.reject = reject;
            s.start = JsUtil.now();
            pool.acquire(s.build).then(src -> {
                s.source = src;
                pool.acquire(s.build).then(vid -> {
                    s.video = vid;
                    s.begin();
                    return null;
                });
                return null;
            });
        });
    }

    private void begin() {
        if (done) {
            release();
            return;
        }
        source.setStreamListener(this::onSource);
        video.setStreamListener(this::onVideo);
        source.setDeathListener(m -> fail(MediaException.MEDIA_ERR_DECODE, "the source worker crashed: " + m));
        video.setDeathListener(m -> fail(MediaException.MEDIA_ERR_DECODE, "the video worker crashed: " + m));
        JSObject channel = JsUtil.messageChannel();
        JSObject port1 = Js.get(channel, "port1");
        JSObject port2 = Js.get(channel, "port2");

        JSObject v = Js.object();
        Js.setString(v, "type", "video");
        Js.set(v, "port", port2);
        Js.setBoolean(v, "decodeOnly", true);
        Js.setBoolean(v, "md5", md5);
        JSArray<JSObject> t2 = Js.array();
        t2.push(port2);
        video.post(v, t2);

        JSObject open = Js.object();
        Js.setString(open, "type", "open");
        Js.setString(open, "url", url);
        Js.set(open, "port", port1);
        Js.setNumber(open, "readAhead", Double.POSITIVE_INFINITY);
        JSArray<JSObject> t1 = Js.array();
        t1.push(port1);
        source.post(open, t1);
    }

    private void onSource(JSObject m) {
        String type = Js.getString(m, "type");
        if ("audio".equals(type)) {
            audioSamples += Js.getNumber(m, "frames");
            if (onAudio != null) {
                JSObject info = Js.object();
                Js.setNumber(info, "time", Js.getNumber(m, "time"));
                Js.setNumber(info, "frames", Js.getNumber(m, "frames"));
                Js.setNumber(info, "channels", Js.getNumber(m, "channels"));
                Js.setNumber(info, "sampleRate", Js.getNumber(m, "sampleRate"));
                Js.set(info, "planes", Js.get(m, "planes"));
                JsUtil.callSafely(onAudio, info);
            }
        } else if ("eos".equals(type)) {
            sourceDone = true;
            audioDecodeMs = Js.getNumber(m, "audioDecodeMs");
            finishIfDone();
        } else if ("error".equals(type)) {
            fail((int) Js.getNumber(m, "code"), Js.getString(m, "message"));
        }
    }

    private void onVideo(JSObject m) {
        String type = Js.getString(m, "type");
        if ("picture".equals(type)) {
            frames++;
            if (onFrame != null) {
                JSObject info = Js.object();
                Js.setNumber(info, "pts", Js.getNumber(m, "time"));
                Js.setNumber(info, "width", Js.getNumber(m, "width"));
                Js.setNumber(info, "height", Js.getNumber(m, "height"));
                if (md5) {
                    Js.setString(info, "md5", Js.getString(m, "md5"));
                }
                JsUtil.callSafely(onFrame, info);
            }
        } else if ("video-eos".equals(type)) {
            videoDone = true;
            videoDecodeMs = Js.getNumber(m, "decodeMs");
            finishIfDone();
        } else if ("error".equals(type)) {
            fail((int) Js.getNumber(m, "code"), Js.getString(m, "message"));
        }
    }

    private void finishIfDone() {
        if (done || !sourceDone || !videoDone) {
            return;
        }
        done = true;
        JSObject r = Js.object();
        Js.setInt(r, "frames", frames);
        Js.setNumber(r, "audioSamples", audioSamples);
        Js.setNumber(r, "decodeMs", videoDecodeMs + audioDecodeMs);
        Js.setNumber(r, "videoDecodeMs", videoDecodeMs);
        Js.setNumber(r, "audioDecodeMs", audioDecodeMs);
        Js.setNumber(r, "wallMs", JsUtil.now() - start);
        Js.setString(r, "build", build);
        release();
        resolve.accept(r);
    }

    private void fail(int code, String message) {
        if (done) {
            return;
        }
        done = true;
        release();
        reject.accept(JsUtil.mediaError(code, message));
    }

    private void release() {
        if (source != null) {
            pool.release(source);
            source = null;
        }
        if (video != null) {
            pool.release(video);
            video = null;
        }
    }
}
