package org.kinora.player;

import org.kinora.worker.Js;
import org.kinora.worker.pool.WorkerPool;
import org.kinora.worker.protocol.AudioMessage;
import org.kinora.worker.protocol.EndMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.PictureMessage;
import org.kinora.worker.protocol.TracksMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/**
 * {@code Kinora.decode(url, {build, md5, onFrame, onAudio})}: decodes a whole file as fast as the
 * workers go, through the same {@link Pipeline} a player uses, and resolves with
 * {@code {frames, audioSamples, decodeErrors, decodeMs, videoDecodeMs, videoParseMs, audioDecodeMs, wallMs, build}}.
 * With a decoder split over two workers ({@code decodeThreads}, see {@link Pipeline#decodeThreads}),
 * {@code videoDecodeMs} is the video worker's part and {@code videoParseMs} the source worker's
 * (0 when not split); {@code decodeMs} adds up all three.
 * With {@code md5: true} each {@code onFrame} call gets the frame's MD5, the digest
 * {@code kinora-cli framemd5} prints.
 */
final class DecodeSession implements Pipeline.Listener {
    private final JSObject onFrame;
    private final JSObject onAudio;
    private final boolean md5;
    private final String build;
    private final Pipeline pipeline;
    private JSConsumer<JSObject> resolve;
    private JSConsumer<Object> reject;
    private boolean done;
    private boolean sourceDone;
    private boolean videoDone;
    private int frames;
    private int decodeErrors;
    private double audioSamples;
    private double audioDecodeMs;
    private double videoDecodeMs;
    private double videoParseMs;
    private double start;

    private DecodeSession(WorkerPool pool, String url, JSObject options) {
        this.build = BuildSelector.select(Js.getString(options, "build"));
        this.md5 = Js.getBoolean(options, "md5");
        JSObject f = Js.get(options, "onFrame");
        JSObject a = Js.get(options, "onAudio");
        this.onFrame = JsUtil.isFunction(f) ? f : null;
        this.onAudio = JsUtil.isFunction(a) ? a : null;
        Pipeline.Options o = new Pipeline.Options();
        o.readAhead = Double.POSITIVE_INFINITY;
        o.decodeOnly = true;
        o.md5 = md5;
        o.decodeThreads = Pipeline.decodeThreads(options);
        this.pipeline = new Pipeline(pool, build, JsUtil.absoluteUrl(url), o, this);
    }

    static JSPromise<JSObject> run(WorkerPool pool, String url, JSObject options) {
        DecodeSession s = new DecodeSession(pool, url, options);
        return new JSPromise<>((resolve, reject) -> {
            s.resolve = resolve;
            s.reject = reject;
            s.start = JsUtil.now();
            s.pipeline.start();
        });
    }

    @Override
    public void onTracks(TracksMessage m) {
    }

    @Override
    public void onAudio(AudioMessage m) {
        audioSamples += m.getFrames();
        if (onAudio != null) {
            JSObject info = Js.object();
            Js.setNumber(info, "time", m.getTime());
            Js.setNumber(info, "frames", m.getFrames());
            Js.setNumber(info, "channels", m.getChannels());
            Js.setNumber(info, "sampleRate", m.getSampleRate());
            Js.set(info, "planes", m.getPlanes());
            JsUtil.callSafely(onAudio, info);
        }
    }

    @Override
    public void onPicture(PictureMessage m) {
        frames++;
        if (onFrame != null) {
            JSObject info = Js.object();
            Js.setNumber(info, "pts", m.getTime());
            Js.setNumber(info, "width", m.getWidth());
            Js.setNumber(info, "height", m.getHeight());
            if (md5) {
                Js.setString(info, "md5", m.getMd5());
            }
            JsUtil.callSafely(onFrame, info);
        }
    }

    @Override
    public void onSourceEnd(EndMessage m) {
        sourceDone = true;
        audioDecodeMs = m.getDecodeMs();
        finishIfDone();
    }

    @Override
    public void onVideoEnd(EndMessage m) {
        videoDone = true;
        videoDecodeMs = m.getDecodeMs();
        videoParseMs = m.getParseMs();
        finishIfDone();
    }

    @Override
    public void onDecodeError(ErrorMessage m) {
        decodeErrors++;
    }

    @Override
    public void onReconnect(int count) {
    }

    @Override
    public void onFatal(int code, String message) {
        if (done) {
            return;
        }
        done = true;
        pipeline.close();
        reject.accept(JsUtil.mediaError(code, message));
    }

    private void finishIfDone() {
        if (done || !sourceDone || !videoDone) {
            return;
        }
        done = true;
        JSObject r = Js.object();
        Js.setInt(r, "frames", frames);
        Js.setNumber(r, "audioSamples", audioSamples);
        Js.setInt(r, "decodeErrors", decodeErrors);
        Js.setNumber(r, "decodeMs", videoDecodeMs + videoParseMs + audioDecodeMs);
        Js.setNumber(r, "videoDecodeMs", videoDecodeMs);
        Js.setNumber(r, "videoParseMs", videoParseMs);
        Js.setNumber(r, "audioDecodeMs", audioDecodeMs);
        Js.setNumber(r, "wallMs", JsUtil.now() - start);
        Js.setString(r, "build", build);
        pipeline.close();
        resolve.accept(r);
    }
}
