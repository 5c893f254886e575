package org.kinora.player;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.kinora.core.MediaException;
import org.kinora.worker.Js;
import org.kinora.worker.pool.WorkerHandle;
import org.kinora.worker.pool.WorkerPool;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/**
 * One player's logic on the main thread: loading through a source and a video worker from the
 * page's pool, the HTMLMediaElement-like state and events, the clock (the sound output is master;
 * the wall clock where there is no sound) and presenting pictures on animation frames against it,
 * dropping late ones.
 */
final class PlayerCore {
    static final int HAVE_NOTHING = 0;
    static final int HAVE_METADATA = 1;
    static final int HAVE_CURRENT_DATA = 2;
    static final int HAVE_FUTURE_DATA = 3;
    static final int HAVE_ENOUGH_DATA = 4;
    static final int NETWORK_EMPTY = 0;
    static final int NETWORK_IDLE = 1;
    static final int NETWORK_LOADING = 2;
    static final int NETWORK_NO_SOURCE = 3;

    /** Seconds of sound queued before playback may start. */
    private static final double AUDIO_READY = 0.25;
    private static final double READ_AHEAD = 3;

    private final WorkerPool pool;
    private final JSObject target;
    private final JSObject renderer;
    private final String build;
    private String src = "";
    private int generation;

    private WorkerHandle source;
    private WorkerHandle video;
    private JSObject audio;
    private final List<JSObject> pendingAudio = new ArrayList<>();
    private final ArrayDeque<JSObject> pictures = new ArrayDeque<>();
    private JSObject shown;
    private final List<JSConsumer<Object>[]> playPromises = new ArrayList<>();

    private int networkState = NETWORK_EMPTY;
    private int readyState = HAVE_NOTHING;
    private boolean paused = true;
    private boolean ended;
    private boolean waiting;
    private JSObject error;
    private double duration = Double.NaN;
    private int videoWidth;
    private int videoHeight;
    private double volume = 1;
    private boolean muted;

    private boolean hasVideo;
    private boolean hasAudio;
    private boolean sourceEnded;
    private boolean videoEnded;
    private boolean clockRunning;
    private double wallBase;
    private double wallStart;
    private double pausedTime;
    private int rafId = -1;
    private double lastTimeUpdate;
    private double lastPositionReport;

    private int framesDecoded;
    private int pictureBuffersAllocated;
    private int audioPlanesAllocated;
    private int framesPresented;
    private int framesDropped;
    private double decodeMs;
    private double avOffsetMs;
    private double loadStart;
    private double firstFrameMs = Double.NaN;
    private double playCalledAt = Double.NaN;

    PlayerCore(WorkerPool pool, JSObject target, JSObject canvas, JSObject options) {
        this.pool = pool;
        this.target = target;
        this.build = BuildSelector.select(Js.getString(options, "build"));
        this.renderer = Dom.createRenderer(canvas, Js.getString(options, "renderer"));
        this.muted = Js.getBoolean(options, "muted");
        if (Js.has(options, "volume")) {
            this.volume = clampVolume(Js.getNumber(options, "volume"));
        }
    }

    // ---- API -----------------------------------------------------------------------------

    String src() {
        return src;
    }

    void setSrc(String url) {
        src = url == null ? "" : url;
        load();
    }

    double currentTime() {
        double t = clockRunning ? clock() : pausedTime;
        if (!Double.isNaN(duration) && t > duration) {
            t = duration;
        }
        return Math.max(0, t);
    }

    double duration() {
        return duration;
    }

    boolean paused() {
        return paused;
    }

    boolean ended() {
        return ended;
    }

    int readyState() {
        return readyState;
    }

    int networkState() {
        return networkState;
    }

    JSObject error() {
        return error;
    }

    int videoWidth() {
        return videoWidth;
    }

    int videoHeight() {
        return videoHeight;
    }

    double volume() {
        return volume;
    }

    boolean muted() {
        return muted;
    }

    String build() {
        return build;
    }

    void setVolume(double v) {
        if (Double.isNaN(v) || v < 0 || v > 1) {
            throw new IllegalArgumentException("volume must be in [0, 1]");
        }
        if (v != volume) {
            volume = v;
            applyVolume();
            emit("volumechange");
        }
    }

    void setMuted(boolean m) {
        if (m != muted) {
            muted = m;
            applyVolume();
            emit("volumechange");
        }
    }

    JSPromise<Object> play() {
        if (error != null) {
            return JSPromise.reject(JsUtil.mediaError(error == null ? 0 : (int) Js.getNumber(error, "code"), "the media could not be loaded"));
        }
        if (src.isEmpty()) {
            return JSPromise.reject(JsUtil.mediaError(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED, "no src"));
        }
        if (ended) {
            load(); // play() after the end starts again from the beginning
        }
        if (Double.isNaN(playCalledAt)) {
            playCalledAt = JsUtil.now();
        }
        JSPromise<Object> promise = new JSPromise<>((resolve, reject) -> {
            @SuppressWarnings("unchecked")
            JSConsumer<Object>[] pair = new JSConsumer[] {resolve::accept, reject};
            playPromises.add(pair);
        });
        if (paused) {
            paused = false;
            emit("play");
            if (readyState >= HAVE_FUTURE_DATA) {
                startPlayback();
            } else {
                waiting = true;
                emit("waiting");
            }
        } else if (readyState >= HAVE_FUTURE_DATA && !waiting) {
            settlePlayPromises(true, null);
        }
        return promise;
    }

    void pause() {
        if (paused) {
            return;
        }
        paused = true;
        stopClock();
        emit("timeupdate");
        emit("pause");
        settlePlayPromises(false, JsUtil.mediaError(MediaException.MEDIA_ERR_ABORTED, "play() was interrupted by pause()"));
    }

    JSObject stats() {
        JSObject s = Js.object();
        Js.setInt(s, "framesDecoded", framesDecoded);
        Js.setInt(s, "framesPresented", framesPresented);
        Js.setInt(s, "framesDropped", framesDropped);
        Js.setNumber(s, "decodeMsPerFrame", framesDecoded == 0 ? 0 : decodeMs / framesDecoded);
        Js.setNumber(s, "avOffsetMs", avOffsetMs);
        Js.setNumber(s, "firstFrameMs", firstFrameMs);
        Js.setString(s, "build", build);
        Js.setString(s, "renderer", Dom.rendererKind(renderer));
        Js.setString(s, "audioOutput", audio == null ? "none" : Dom.audioKind(audio));
        Js.setNumber(s, "audioBuffered", audio == null ? 0 : Dom.audioBuffered(audio));
        Js.setInt(s, "queuedFrames", pictures.size());
        Js.setInt(s, "pictureBuffersAllocated", pictureBuffersAllocated);
        Js.setInt(s, "audioPlanesAllocated", audioPlanesAllocated);
        return s;
    }

    /** Test hook: makes the source or video worker die as a trapped one does. */
    void simulateCrash(String which) {
        WorkerHandle w = "source".equals(which) ? source : video;
        if (w != null) {
            w.post(message("simulate-crash"), Js.array());
        }
    }

    void destroy() {
        teardown();
        src = "";
        networkState = NETWORK_EMPTY;
    }

    // ---- loading ---------------------------------------------------------------------------

    private void load() {
        teardown();
        int gen = ++generation;
        error = null;
        ended = false;
        paused = true;
        readyState = HAVE_NOTHING;
        duration = Double.NaN;
        sourceEnded = false;
        videoEnded = false;
        hasAudio = false;
        hasVideo = false;
        pausedTime = 0;
        framesDecoded = 0;
        framesPresented = 0;
        framesDropped = 0;
        decodeMs = 0;
        firstFrameMs = Double.NaN;
        if (src.isEmpty()) {
            networkState = NETWORK_EMPTY;
            return;
        }
        networkState = NETWORK_LOADING;
        loadStart = JsUtil.now();
        emit("loadstart");
        String url = JsUtil.absoluteUrl(src);
        pool.acquire(build).then(s -> {
            if (gen != generation) {
                pool.release(s);
                return null;
            }
            source = s;
            pool.acquire(build).then(v -> {
                if (gen != generation) {
                    pool.release(v);
                    return null;
                }
                video = v;
                start(gen, url);
                return null;
            });
            return null;
        });
    }

    private void start(int gen, String url) {
        source.setStreamListener(m -> {
            if (gen == generation) {
                onSource(m);
            }
        });
        video.setStreamListener(m -> {
            if (gen == generation) {
                onVideo(m);
            }
        });
        source.setDeathListener(m -> fail(MediaException.MEDIA_ERR_DECODE, "the source worker crashed: " + m));
        video.setDeathListener(m -> fail(MediaException.MEDIA_ERR_DECODE, "the video worker crashed: " + m));
        JSObject channel = JsUtil.messageChannel();
        JSObject port1 = Js.get(channel, "port1");
        JSObject port2 = Js.get(channel, "port2");
        JSObject v = message("video");
        Js.set(v, "port", port2);
        JSArray<JSObject> t2 = Js.array();
        t2.push(port2);
        video.post(v, t2);
        JSObject open = message("open");
        Js.setString(open, "url", url);
        Js.set(open, "port", port1);
        Js.setNumber(open, "readAhead", READ_AHEAD);
        JSArray<JSObject> t1 = Js.array();
        t1.push(port1);
        source.post(open, t1);
    }

    private void teardown() {
        generation++;
        stopClock();
        if (rafId >= 0) {
            Dom.cancelAnimationFrame(rafId);
            rafId = -1;
        }
        if (source != null) {
            pool.release(source);
            source = null;
        }
        if (video != null) {
            pool.release(video);
            video = null;
        }
        if (audio != null) {
            Dom.closeAudio(audio);
            audio = null;
        }
        pendingAudio.clear();
        pictures.clear();
        shown = null;
        waiting = false;
        clockRunning = false;
    }

    private void onSource(JSObject m) {
        String type = Js.getString(m, "type");
        if ("tracks".equals(type)) {
            onTracks(m);
        } else if ("audio".equals(type)) {
            audioPlanesAllocated = (int) Js.getNumber(m, "planesAllocated");
            if (audio != null) {
                Dom.enqueueAudio(audio, Js.get(m, "planes"), (int) Js.getNumber(m, "frames"));
            } else {
                pendingAudio.add(m);
            }
            updateReadiness();
        } else if ("eos".equals(type)) {
            sourceEnded = true;
            networkState = NETWORK_IDLE;
            if (audio != null) {
                Dom.endAudio(audio);
            }
            updateReadiness();
        } else if ("error".equals(type)) {
            fail((int) Js.getNumber(m, "code"), Js.getString(m, "message"));
        }
    }

    private void onTracks(JSObject m) {
        duration = Js.getNumber(m, "duration");
        JSObject v = Js.get(m, "video");
        JSObject a = Js.get(m, "audio");
        hasVideo = !JsUtil.isNullish(v);
        hasAudio = !JsUtil.isNullish(a);
        videoEnded = !hasVideo;
        if (hasVideo) {
            videoWidth = (int) Js.getNumber(v, "width");
            videoHeight = (int) Js.getNumber(v, "height");
        }
        if (!hasAudio) {
            metadataReady();
            return;
        }
        int gen = generation;
        Dom.createAudioOutput(pool.base(), (int) Js.getNumber(a, "sampleRate"), (int) Js.getNumber(a, "channels"), out -> {
            if (gen != generation) {
                Dom.closeAudio(out);
                return;
            }
            audio = out;
            applyVolume();
            for (JSObject block : pendingAudio) {
                Dom.enqueueAudio(audio, Js.get(block, "planes"), (int) Js.getNumber(block, "frames"));
            }
            pendingAudio.clear();
            if (sourceEnded) {
                Dom.endAudio(audio);
            }
            metadataReady();
        }, e -> fail(MediaException.MEDIA_ERR_DECODE, "no sound output: " + Js.getString(e, "message")), planes -> {
            if (gen == generation && source != null) {
                JSObject back = message("recycle-audio");
                Js.set(back, "planes", planes);
                source.post(back, buffersOf(planes));
            }
        });
    }

    private void metadataReady() {
        readyState = HAVE_METADATA;
        emit("durationchange");
        emit("loadedmetadata");
        updateReadiness();
    }

    private void onVideo(JSObject m) {
        String type = Js.getString(m, "type");
        if ("picture".equals(type)) {
            framesDecoded++;
            decodeMs = Js.getNumber(m, "decodeMs");
            pictureBuffersAllocated = (int) Js.getNumber(m, "buffersAllocated");
            pictures.add(m);
            if (shown == null && framesPresented == 0) {
                present(pictures.poll());
            }
            updateReadiness();
        } else if ("video-eos".equals(type)) {
            videoEnded = true;
            updateReadiness();
        } else if ("error".equals(type)) {
            fail((int) Js.getNumber(m, "code"), Js.getString(m, "message"));
        }
    }

    private void updateReadiness() {
        if (readyState < HAVE_METADATA || error != null) {
            return;
        }
        boolean current = !hasVideo || shown != null || framesPresented > 0;
        if (current && readyState < HAVE_CURRENT_DATA) {
            readyState = HAVE_CURRENT_DATA;
            emit("loadeddata");
        }
        boolean videoEnough = videoEnded || pictures.size() >= 2;
        boolean audioEnough = !hasAudio || (audio != null && (Dom.audioBuffered(audio) >= AUDIO_READY || sourceEnded));
        if (current && videoEnough && audioEnough && readyState < HAVE_FUTURE_DATA) {
            readyState = HAVE_ENOUGH_DATA;
            emit("canplay");
            emit("canplaythrough");
        }
        if (readyState >= HAVE_FUTURE_DATA && !paused && (waiting || !clockRunning)) {
            startPlayback();
        }
    }

    // ---- playback --------------------------------------------------------------------------

    private void startPlayback() {
        waiting = false;
        startClock();
        emit("playing");
        settlePlayPromises(true, null);
        if (rafId < 0) {
            rafId = Dom.requestAnimationFrame(this::tick);
        }
    }

    private void startClock() {
        if (clockRunning) {
            return;
        }
        clockRunning = true;
        wallBase = pausedTime;
        wallStart = JsUtil.now();
        if (audio != null) {
            Dom.playAudio(audio);
        }
    }

    private void stopClock() {
        if (!clockRunning) {
            return;
        }
        pausedTime = clock();
        clockRunning = false;
        if (audio != null) {
            Dom.pauseAudio(audio);
        }
    }

    /** Media time now: the sound output's position when there is sound, the wall clock otherwise. */
    private double clock() {
        if (audio != null) {
            return Dom.audioTime(audio);
        }
        if (!clockRunning) {
            return pausedTime;
        }
        return wallBase + (JsUtil.now() - wallStart) / 1000;
    }

    private void tick(double rafTime) {
        rafId = -1;
        if (paused || error != null) {
            return;
        }
        double now = JsUtil.now();
        double t = clock();
        // Present the newest picture that is due; older due pictures are late: drop them.
        while (!pictures.isEmpty() && Js.getNumber(pictures.peek(), "time") <= t + 0.004) {
            JSObject p = pictures.poll();
            if (!pictures.isEmpty() && Js.getNumber(pictures.peek(), "time") <= t + 0.004) {
                framesDropped++;
                recycle(p);
            } else {
                present(p);
                avOffsetMs = (Js.getNumber(p, "time") - t) * 1000;
            }
        }
        if (source != null && now - lastPositionReport > 200) {
            lastPositionReport = now;
            JSObject pos = message("position");
            Js.setNumber(pos, "time", t);
            source.post(pos, Js.array());
        }
        if (now - lastTimeUpdate > 250) {
            lastTimeUpdate = now;
            emit("timeupdate");
        }
        boolean videoDone = videoEnded && pictures.isEmpty();
        boolean audioDone = !hasAudio || (sourceEnded && audio != null && Dom.audioBuffered(audio) <= 0);
        if (videoDone && audioDone && sourceEnded) {
            reachEnd();
            return;
        }
        boolean starved = hasAudio
                ? audio != null && Dom.audioStarved(audio) && !sourceEnded
                : pictures.isEmpty() && !videoEnded;
        if (starved && !waiting) {
            waiting = true;
            readyState = HAVE_CURRENT_DATA;
            if (!hasAudio) {
                stopClock();
            }
            emit("waiting");
        } else if (waiting && !starved) {
            readyState = HAVE_ENOUGH_DATA;
            waiting = false;
            startClock();
            emit("playing");
        }
        rafId = Dom.requestAnimationFrame(this::tick);
    }

    private void reachEnd() {
        pausedTime = Double.isNaN(duration) ? clock() : duration;
        stopClock();
        ended = true;
        paused = true;
        emit("timeupdate");
        emit("pause");
        emit("ended");
    }

    private void present(JSObject picture) {
        Dom.draw(renderer, picture);
        framesPresented++;
        if (Double.isNaN(firstFrameMs) && !Double.isNaN(playCalledAt)) {
            firstFrameMs = JsUtil.now() - playCalledAt;
        }
        if (shown != null) {
            recycle(shown);
        }
        shown = picture;
    }

    private void recycle(JSObject picture) {
        if (video == null || !Js.has(picture, "buffer")) {
            return;
        }
        JSObject m = message("recycle");
        JSObject buffer = Js.get(picture, "buffer");
        Js.set(m, "buffer", buffer);
        JSArray<JSObject> transfer = Js.array();
        transfer.push(buffer);
        video.post(m, transfer);
    }

    @org.teavm.jso.JSBody(params = "planes", script = "return planes.map(function (p) { return p.buffer; });")
    private static native JSArray<JSObject> buffersOf(JSObject planes);

    private void fail(int code, String message) {
        if (error != null) {
            return;
        }
        JSObject e = Js.object();
        Js.setInt(e, "code", code);
        Js.setString(e, "message", message == null ? "" : message);
        error = e;
        networkState = readyState == HAVE_NOTHING ? NETWORK_NO_SOURCE : NETWORK_IDLE;
        teardown();
        settlePlayPromises(false, JsUtil.mediaError(code, message));
        emit("error");
    }

    private void settlePlayPromises(boolean ok, JSObject reason) {
        List<JSConsumer<Object>[]> list = new ArrayList<>(playPromises);
        playPromises.clear();
        for (JSConsumer<Object>[] pair : list) {
            if (ok) {
                pair[0].accept(null);
            } else {
                pair[1].accept(reason);
            }
        }
    }

    private void applyVolume() {
        if (audio != null) {
            Dom.setVolume(audio, volume, muted);
        }
    }

    private static double clampVolume(double v) {
        return Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v));
    }

    private void emit(String type) {
        Dom.dispatch(target, type);
    }

    private static JSObject message(String type) {
        JSObject o = Js.object();
        Js.setString(o, "type", type);
        return o;
    }
}
