package org.kinora.player;

import org.kinora.core.MediaException;
import org.kinora.worker.Js;
import org.kinora.worker.Timers;
import org.kinora.worker.pool.WorkerPool;
import org.kinora.worker.protocol.AudioMessage;
import org.kinora.worker.protocol.EndMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.PictureMessage;
import org.kinora.worker.protocol.TracksMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * One player's state machine on the main thread, after HTMLMediaElement: the loading state
 * ({@link Load}), the playback state ({@link Play}), seeking, and the ready state. The stream comes
 * from a {@link Pipeline} (one per loaded {@code src}), time from the {@link MediaClock}, pictures
 * go through the {@link FrameQueue}, sound through the {@link SoundOutput}.
 *
 * <p>This class holds the state and makes the transitions the page asks for (load, play, pause,
 * seek); {@link PlayerStream} makes those that the stream and time cause.
 */
final class PlayerCore {
    enum Load { EMPTY, IDLE, LOADING, READY, FAILED }

    enum Play { PAUSED, WAITING, STARTING, PLAYING, ENDED }

    static final int NETWORK_EMPTY = 0;
    static final int NETWORK_IDLE = 1;
    static final int NETWORK_LOADING = 2;
    static final int NETWORK_NO_SOURCE = 3;

    /** Seconds decoded ahead while playing (or with preload auto), and with preload metadata. */
    private static final double READ_AHEAD = 3;
    private static final double READ_AHEAD_METADATA = 0.5;
    private static final int TICK_MS = 50;
    /** How long play() waits for the AudioContext to run before it rejects. */
    private static final int AUDIO_START_MS = 1000;

    private final WorkerPool pool;
    final Events events;
    private final String build;
    /** See {@link Pipeline#decodeThreads}. */
    private final int decodeThreads;
    final FrameQueue frames;
    final SoundOutput sound;
    final MediaClock clock = new MediaClock();
    final ReadyState ready = new ReadyState();
    final PlayPromises playPromises = new PlayPromises();
    final MediaInfo info = new MediaInfo();
    final PlayerStats stats = new PlayerStats();
    final LiveLatency latency = new LiveLatency();
    final PlaybackRate rate;
    final NetworkActivity network = new NetworkActivity(this);
    /** What has been played, and where the range being played now began (NaN when none is). */
    final Ranges played = new Ranges();
    double playedFrom = Double.NaN;
    private final JSObject renderer;

    /** Live streams: new connections tried in a row, seconds without bytes (NaN: the defaults). */
    private final double reconnectAttempts;
    private final double stallTimeout;
    private String src = "";
    private String preload = "metadata";
    double volume = 1;
    boolean muted;
    boolean loop;
    int generation;
    Pipeline pipeline;
    Load load = Load.EMPTY;
    Play play = Play.PAUSED;
    int networkState = NETWORK_EMPTY;
    boolean seeking;
    boolean seekExact;
    /** A position asked for before the metadata was known. */
    double startAt;
    JSObject error;
    boolean videoEnded;
    boolean sourceEnded;

    int timerId = -1;
    int rafId = -1;
    private final PlayerStream stream;

    PlayerCore(WorkerPool pool, JSObject target, JSObject canvas, JSObject options) {
        this.pool = pool;
        this.events = new Events(target);
        this.build = BuildSelector.select(Js.getString(options, "build"));
        this.decodeThreads = Pipeline.decodeThreads(options);
        this.renderer = Dom.createRenderer(canvas, Js.getString(options, "renderer"));
        this.frames = new FrameQueue(renderer);
        this.stream = new PlayerStream(this);
        this.sound = new SoundOutput(pool.base());
        Dom.prefetchWorklet(pool.base());
        this.muted = Js.getBoolean(options, "muted");
        if (Js.has(options, "volume")) {
            double v = Js.getNumber(options, "volume");
            this.volume = Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v));
        }
        latency.configure(Js.has(options, "liveLatency") ? Js.getNumber(options, "liveLatency") : LiveLatency.DEFAULT_TARGET,
                Js.has(options, "maxLiveLatency") ? Js.getNumber(options, "maxLiveLatency") : LiveLatency.DEFAULT_MAX);
        reconnectAttempts = Js.has(options, "liveReconnectAttempts") ? Js.getNumber(options, "liveReconnectAttempts") : Double.NaN;
        stallTimeout = Js.has(options, "liveStallTimeout") ? Js.getNumber(options, "liveStallTimeout") : Double.NaN;
        this.rate = new PlaybackRate(events, clock, sound, latency, options);
        loop = Js.getBoolean(options, "loop");
        String p = Js.getString(options, "preload");
        if (p != null) {
            setPreload(p);
        }
    }

    void prepareRenderer() {
        Dom.prepareRenderer(renderer);
    }

    // ---- attributes ------------------------------------------------------------------------

    String src() {
        return src;
    }

    void setSrc(String url) {
        src = url == null ? "" : url;
        load();
    }

    String preload() {
        return preload;
    }

    void setPreload(String p) {
        preload = "none".equals(p) || "auto".equals(p) ? p : "metadata";
        if (load == Load.IDLE && !"none".equals(preload)) {
            startPipeline();
        }
    }

    double currentTime() {
        return info.clamp(clock.now());
    }

    MediaInfo info() {
        return info;
    }

    /** End of the one seekable range, NaN when the source cannot seek. */
    double seekableEnd() {
        return info.seekable ? info.duration : Double.NaN;
    }

    boolean paused() {
        return play == Play.PAUSED || play == Play.ENDED;
    }

    boolean ended() {
        return play == Play.ENDED;
    }

    /** The current seek epoch of the stream, -1 without one. */
    int pipelineEpoch() {
        return pipeline == null ? -1 : pipeline.epoch();
    }

    /** The range being played reaches {@code t}. */
    void markPlayed(double t) {
        if (!Double.isNaN(playedFrom) && (play == Play.PLAYING || play == Play.WAITING)) {
            played.add(playedFrom, t);
        }
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
            sound.setVolume(volume, muted);
            events.emit("volumechange");
        }
    }

    void setMuted(boolean m) {
        if (m != muted) {
            muted = m;
            sound.setVolume(volume, muted);
            events.emit("volumechange");
            if (!muted && sound.route() == SoundOutput.Route.DISCARD && sound.hasOutput()) {
                // sound was discarded: once the AudioContext runs, it takes over at the playhead
                int gen = generation;
                sound.resume(AUDIO_START_MS, ok -> {
                    if (ok && gen == generation && !muted) {
                        sound.restore(clock, play == Play.PLAYING);
                    }
                });
            }
        }
    }

    JSObject stats() {
        JSObject s = stats.toJs(frames, sound, clock, clock.now(), info.hasAudio);
        Js.setNumber(s, "liveLatency", info.live ? LiveLatency.latency(frames, sound, clock.now()) : Double.NaN);
        Js.setInt(s, "latencyJumps", latency.jumps());
        Js.setInt(s, "framesDroppedForLatency", frames.droppedForLatency());
        Js.setString(s, "build", build);
        Js.setString(s, "renderer", Dom.rendererKind(renderer));
        Js.setInt(s, "session", pipeline == null ? 0 : pipeline.session());
        Js.setInt(s, "audioBlocksOnMainThread", pipeline == null ? 0 : pipeline.audioBlocksReceived());
        Js.setInt(s, "audioBlocksToOutput", sound.blocksReceived());
        Js.setNumber(s, "audioRestoredAt", sound.restoredAt());
        Js.set(s, "audioFirstBlock", sound.firstBlock());
        return s;
    }

    /** Test hook: makes the source or video worker die as a trapped one does. */
    void simulateCrash(String which) {
        if (pipeline != null) {
            pipeline.simulateCrash(which);
        }
    }

    void destroy() {
        teardown();
        Dom.destroyRenderer(renderer);
        src = "";
        load = Load.EMPTY;
        networkState = NETWORK_EMPTY;
    }

    // ---- play, pause, seek -------------------------------------------------------------------

    JSPromise<Object> play() {
        if (error != null) {
            return JSPromise.reject(JsUtil.mediaError((int) Js.getNumber(error, "code"), "the media could not be loaded"));
        }
        if (src.isEmpty()) {
            return JSPromise.reject(JsUtil.mediaError(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED, "no src"));
        }
        JSPromise<Object> promise = playPromises.add();
        if (load == Load.IDLE) {
            startPipeline();
        }
        if (play == Play.ENDED) {
            seek(0, true);
        }
        if (paused()) {
            stats.playCalled();
            play = Play.WAITING;
            events.emit("play");
            if (ready.get() < ReadyState.HAVE_FUTURE_DATA) {
                events.emit("waiting");
            }
            tryStart();
        } else if (play == Play.PLAYING) {
            playPromises.resolveAll();
        }
        return promise;
    }

    void pause() {
        if (load == Load.IDLE) {
            startPipeline();
        }
        if (paused()) {
            return;
        }
        markPlayed(clock.now());
        clock.stop();
        play = Play.PAUSED;
        events.emit("timeupdate");
        events.emit("pause");
        playPromises.rejectAll(Dom.aborted("play() was interrupted by pause()"));
    }

    /** {@code currentTime = t} (exact) and {@code fastSeek(t)} (to the random-access point before t). */
    void seek(double t, boolean exact) {
        if (Double.isNaN(t) || Double.isInfinite(t)) {
            return;
        }
        if (load == Load.IDLE || ready.get() == ReadyState.HAVE_NOTHING) {
            startAt = Math.max(0, t);
            if (load == Load.IDLE) {
                startPipeline();
            }
            return;
        }
        if (!info.seekable || load != Load.READY) {
            return;
        }
        t = info.clamp(t);
        markPlayed(clock.now());
        playedFrom = Double.NaN;
        if (play == Play.ENDED) {
            play = Play.PAUSED;
        } else if (play == Play.PLAYING || play == Play.STARTING) {
            play = Play.WAITING;
        }
        clock.set(t);
        seeking = true;
        seekExact = exact;
        pipeline.seek(t, exact);
        frames.clear();
        frames.markStale();
        sound.flush(pipeline.epoch());
        sourceEnded = false;
        videoEnded = !info.hasVideo;
        ready.drop(ReadyState.HAVE_METADATA);
        network.startLoading();
        events.emit("seeking");
    }

    /** Starts the clock once data and the sound output allow it. */
    void tryStart() {
        if (play != Play.WAITING || seeking || ready.get() < ReadyState.HAVE_FUTURE_DATA) {
            return;
        }
        if (info.hasAudio && sound.route() == SoundOutput.Route.OUTPUT && !sound.running()) {
            if (muted) {
                sound.discard(); // muted playback never waits for the AudioContext
            } else {
                play = Play.STARTING;
                int gen = generation;
                sound.resume(AUDIO_START_MS, ok -> {
                    if (gen != generation || play != Play.STARTING) {
                        return;
                    }
                    play = Play.WAITING;
                    if (ok) {
                        tryStart();
                    } else {
                        play = Play.PAUSED;
                        events.emit("pause");
                        playPromises.rejectAll(Dom.notAllowed("the AudioContext may not start without a user gesture"));
                    }
                });
                return;
            }
        }
        play = Play.PLAYING;
        if (info.live) {
            latency.anchor(frames, sound, clock);
        }
        if (Double.isNaN(playedFrom)) {
            playedFrom = clock.now();
        }
        clock.setAudio(sound.clockSource());
        clock.start(info.hasAudio && sound.clockSource() != null);
        if (!info.hasVideo || frames.hasCurrent()) {
            stats.pictureShownPlaying();
        }
        events.emit("playing");
        playPromises.resolveAll();
        stream.tick();
    }

    // ---- loading -----------------------------------------------------------------------------

    void load() {
        // HTML's media element load algorithm: abort what was being fetched, empty the element
        if (networkState == NETWORK_LOADING || networkState == NETWORK_IDLE) {
            events.emit("abort");
        }
        boolean emptied = networkState != NETWORK_EMPTY;
        boolean moved = clock.now() != 0;
        teardown();
        error = null;
        play = Play.PAUSED;
        seeking = false;
        startAt = 0;
        ready.reset();
        info.clear();
        stats.clear();
        latency.clear();
        rate.reset();
        videoEnded = false;
        sourceEnded = false;
        clock.set(0);
        network.clear();
        played.clear();
        playedFrom = Double.NaN;
        networkState = NETWORK_EMPTY;
        if (emptied) {
            events.emit("emptied");
            if (moved) {
                events.emit("timeupdate");
            }
        }
        playPromises.rejectAll(Dom.aborted("the source changed"));
        if (src.isEmpty()) {
            load = Load.EMPTY;
            return;
        }
        events.emit("loadstart");
        if ("none".equals(preload)) {
            load = Load.IDLE;
            networkState = NETWORK_IDLE;
            events.emit("suspend");
            return;
        }
        startPipeline();
    }

    private void startPipeline() {
        load = Load.LOADING;
        network.startLoading();
        Pipeline.Options o = new Pipeline.Options();
        o.readAhead = readAhead();
        o.reconnectAttempts = reconnectAttempts;
        o.stallTimeout = stallTimeout;
        o.audioPort = true;
        o.decodeThreads = decodeThreads;
        pipeline = new Pipeline(pool, build, JsUtil.absoluteUrl(src), o, stream);
        frames.setRecycler(pipeline::recyclePicture);
        pipeline.start();
        // The picture's drawing context is made in the first idle moment while the workers start:
        // WebGL's set-up waits on the GPU process several times, and made with the tracks (or the
        // first picture) it held this thread for tens of milliseconds just when the sound output's
        // set-up needs it. An audio-only source keeps an unused context.
        int gen = generation;
        Dom.whenIdle(() -> {
            if (gen == generation) {
                prepareRenderer();
            }
        });
        if (timerId < 0) {
            timerId = Timers.setInterval(stream::tick, TICK_MS);
        }
    }

    double readAhead() {
        // the same time ahead, in wall time, at a higher rate
        return (!paused() || "auto".equals(preload) ? READ_AHEAD : READ_AHEAD_METADATA) * Math.max(1, rate.get());
    }

    void teardown() {
        generation++;
        if (timerId >= 0) {
            Timers.clearInterval(timerId);
            timerId = -1;
        }
        if (rafId >= 0) {
            Dom.cancelAnimationFrame(rafId);
            rafId = -1;
        }
        clock.set(clock.now());
        clock.setAudio(null);
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
        frames.setRecycler(null);
        frames.reset();
        sound.close();
    }

}
