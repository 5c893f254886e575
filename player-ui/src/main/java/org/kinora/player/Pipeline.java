package org.kinora.player;

import org.kinora.core.MediaException;
import org.kinora.worker.pool.WorkerHandle;
import org.kinora.worker.pool.WorkerPool;
import org.kinora.worker.protocol.AudioFormatMessage;
import org.kinora.worker.protocol.AudioHoldMessage;
import org.kinora.worker.protocol.AudioMessage;
import org.kinora.worker.protocol.AudioProgressMessage;
import org.kinora.worker.protocol.EndMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.Message;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.OpenRequest;
import org.kinora.worker.protocol.PictureMessage;
import org.kinora.worker.protocol.PositionMessage;
import org.kinora.worker.protocol.ProgressMessage;
import org.kinora.worker.protocol.RecycleMessage;
import org.kinora.worker.protocol.SeekMessage;
import org.kinora.worker.protocol.TracksMessage;
import org.kinora.worker.protocol.VideoRequest;
import org.kinora.worker.Js;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * One session of the worker protocol, the only main-thread code that speaks it: takes a source and
 * a video worker from the page's pool, connects them with a MessageChannel, opens the URL, and
 * hands the stream's messages to its {@link Listener}, typed. Used by the player (one pipeline per
 * loaded {@code src}) and by {@code Kinora.decode}.
 *
 * <p>Every session has a page-unique number and every seek a new epoch; a message of another
 * session (a pooled worker's previous user, a replaced {@code src}) or of an earlier epoch (a
 * superseded seek) is dropped on arrival, its buffers given back to the worker.
 */
final class Pipeline {
    /** The stream of one session, current messages only. */
    interface Listener {
        /** The sound's format, ahead of the tracks (see {@link AudioFormatMessage}); it may not come. */
        default void onAudioFormat(AudioFormatMessage m) {
        }

        void onTracks(TracksMessage m);

        /** A block of sound (only without an audio port: {@code Kinora.decode}). */
        void onAudio(AudioMessage m);

        /** How far the sound sent to the audio port reaches. */
        default void onAudioProgress(AudioProgressMessage m) {
        }

        void onPicture(PictureMessage m);

        /** The source worker has sent everything (audio included) up to the end. */
        void onSourceEnd(EndMessage m);

        /** The video worker has sent every picture up to the end. */
        void onVideoEnd(EndMessage m);

        /** One packet could not be decoded and was dropped; playback goes on. */
        void onDecodeError(ErrorMessage m);

        /** A live stream's connection was lost; the {@code count}th new one is being made. */
        void onReconnect(int count);

        /** The session cannot go on. */
        void onFatal(int code, String message);

        /** Bytes received, reading started or paused, the time range demuxed (any epoch of the session). */
        default void onProgress(ProgressMessage m) {
        }
    }

    /** Options of a session. */
    static final class Options {
        double readAhead = 3;
        /** Live streams: new connections tried in a row, seconds without bytes; NaN: the defaults. */
        double reconnectAttempts = Double.NaN;
        double stallTimeout = Double.NaN;
        boolean decodeOnly;
        boolean md5;
        /** Sound goes from the source worker to an audio port (see {@link #audioPort}), not here. */
        boolean audioPort;
        /** Workers the video decoding may use (see {@link #decodeThreads(JSObject)}). */
        int decodeThreads = 1;
    }

    /**
     * The {@code decodeThreads} option of a player or of {@code Kinora.decode}: 1, or 2 to run a
     * decoder that can be split (Theora) over the source and the video worker, frame N + 1 parsed
     * while frame N is built. Without the option: 2 when the page has at least two cores
     * ({@code navigator.hardwareConcurrency}).
     */
    static int decodeThreads(JSObject options) {
        if (options != null && Js.has(options, "decodeThreads")) {
            return Js.getNumber(options, "decodeThreads") >= 2 ? 2 : 1;
        }
        return hardwareConcurrency() >= 2 ? 2 : 1;
    }

    @JSBody(script = "return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;")
    private static native int hardwareConcurrency();

    private static int lastSession;

    private final WorkerPool pool;
    private final String build;
    private final String url;
    private final Options options;
    private final Listener listener;
    private final int session = ++lastSession;
    private int epoch;
    private WorkerHandle source;
    private WorkerHandle video;
    private boolean closed;
    /** The sound output's end of the audio channel, until the output takes it. */
    private JSObject audioPort;
    /** Sound blocks that reached the main thread (none when they go to an audio port). */
    private int audioBlocksReceived;
    /** The request for the file's first bytes made here while the workers start (see {@link #start}); null without. */
    private JSObject early;
    /** Whether this browser can transfer a ReadableStream to a worker: -1 not known yet, 0 no, 1 yes. */
    private static int streamTransfer = -1;

    Pipeline(WorkerPool pool, String build, String url, Options options, Listener listener) {
        this.pool = pool;
        this.build = build;
        this.url = url;
        this.options = options;
        this.listener = listener;
    }

    int session() {
        return session;
    }

    int epoch() {
        return epoch;
    }

    int audioBlocksReceived() {
        return audioBlocksReceived;
    }

    /**
     * The end of the audio channel that the sound output takes (once; null before the workers are
     * acquired or without {@link Options#audioPort}). The source worker holds the other end: blocks
     * posted before the output takes it wait in the port and move with it.
     */
    JSObject takeAudioPort() {
        JSObject p = audioPort;
        audioPort = null;
        return p;
    }

    /**
     * Takes the workers (possibly waiting for the pool) and opens the URL. The request for the
     * file's first bytes, which the source worker would make once it runs, is made here at once
     * (an HTTP URL, a browser that can transfer the body stream to a worker): the answer, headers
     * and body stream, goes to the source worker, whose first read takes it. Starting the workers
     * and that request's round trip then overlap. Only when the pool has the workers now: a
     * session waiting for workers would hold a connection open meanwhile, and enough of them
     * would leave none for the sessions that play (a browser opens a few per server).
     */
    void start() {
        if (canReadEarly(url) && pool.pairAvailable()) {
            early = startEarly(url, "bytes=0-" + (OpenRequest.FIRST_READ - 1));
        }
        pool.acquirePair(build, (s, v) -> {
            if (closed) {
                pool.release(s);
                pool.release(v);
                return;
            }
            source = s;
            video = v;
            begin();
        });
    }

    private void begin() {
        source.setStreamListener(this::onSourceMessage);
        video.setStreamListener(this::onVideoMessage);
        source.setDeathListener(m -> fatal(MediaException.MEDIA_ERR_DECODE, "the source worker crashed: " + m));
        video.setDeathListener(m -> fatal(MediaException.MEDIA_ERR_DECODE, "the video worker crashed: " + m));
        JSObject channel = JsUtil.messageChannel();
        JSObject port1 = port(channel, 1);
        JSObject port2 = port(channel, 2);

        VideoRequest v = stamp(Messages.create(Messages.VIDEO));
        v.setPort(port2);
        v.setDecodeOnly(options.decodeOnly);
        v.setMd5(options.md5);
        video.post(v, transfer(port2));

        OpenRequest open = stamp(Messages.create(Messages.OPEN));
        open.setUrl(url);
        open.setPort(port1);
        open.setReadAhead(options.readAhead);
        open.setReconnectAttempts(options.reconnectAttempts);
        open.setStallTimeout(options.stallTimeout);
        open.setDecodeThreads(options.decodeThreads);
        JSArray<JSObject> t = transfer(port1);
        if (options.audioPort) {
            JSObject audio = JsUtil.messageChannel();
            open.setAudioPort(port(audio, 1));
            t.push(port(audio, 1));
            audioPort = port(audio, 2);
        }
        open.setEarly(early != null);
        source.post(open, t);
        if (early != null) {
            forwardEarly(early, session, (message, transfer) -> {
                if (closed || source == null) {
                    cancelBody(message);
                } else {
                    source.post(message, transfer);
                }
            });
        }
    }

    private static boolean canReadEarly(String url) {
        if (streamTransfer < 0) {
            streamTransfer = streamsTransfer() ? 1 : 0;
        }
        return streamTransfer == 1 && (url.startsWith("http:") || url.startsWith("https:"));
    }

    @JSBody(script = ""
            + "if (typeof fetch !== 'function' || typeof ReadableStream !== 'function' || typeof MessageChannel !== 'function') return false;"
            + "try { var s = new ReadableStream(), c = new MessageChannel(); c.port1.postMessage(s, [s]); c.port1.close(); c.port2.close(); return true; }"
            + "catch (e) { return false; }")
    private static native boolean streamsTransfer();

    @JSBody(params = {"url", "range"}, script = ""
            + "var e = {ctrl: new AbortController(), done: false};"
            + "e.promise = fetch(url, {headers: {Range: range}, signal: e.ctrl.signal}).then(function (r) { return r; }, function () { return null; });"
            + "return e;")
    private static native JSObject startEarly(String url, String range);

    @JSFunctor
    interface Poster extends JSObject {
        void post(JSObject message, JSArray<JSObject> transfer);
    }

    /** Sends the first request's answer (status, headers, body stream) or its failure to the source worker, once. */
    @JSBody(params = {"e", "session", "post"}, script = ""
            + "e.promise.then(function (r) {"
            + "  if (e.done) { if (r && r.body) r.body.cancel()['catch'](function () {}); return; }"
            + "  e.done = true;"
            + "  var m = {type: 'early', session: session, epoch: 0}, t = [];"
            + "  if (r) {"
            + "    var h = []; r.headers.forEach(function (v, k) { h.push([k, v]); });"
            + "    m.status = r.status; m.statusText = r.statusText; m.headers = h;"
            + "    if (r.body) { m.body = r.body; t.push(r.body); }"
            + "  } else { m.failed = true; }"
            + "  post(m, t);"
            + "});")
    private static native void forwardEarly(JSObject e, int session, Poster post);

    /** Stops the first request where it stands, whoever reads its body now. */
    @JSBody(params = "e", script = "e.done = true; try { e.ctrl.abort(); } catch (x) {}")
    private static native void abortEarly(JSObject e);

    @JSBody(params = "m", script = "if (m.body) { try { m.body.cancel()['catch'](function () {}); } catch (x) {} }")
    private static native void cancelBody(JSObject m);

    /** The playhead, and how far ahead of it the source should decode. */
    void position(double seconds, double readAhead) {
        if (source == null || closed) {
            return;
        }
        PositionMessage m = stamp(Messages.create(Messages.POSITION));
        m.setTime(seconds);
        m.setReadAhead(readAhead);
        source.post(m, new JSArray<>());
    }

    /** Starts a new epoch at {@code seconds}; whatever the old epochs still send is dropped. */
    void seek(double seconds, boolean exact) {
        epoch++;
        if (source == null || closed) {
            return;
        }
        SeekMessage m = stamp(Messages.create(Messages.SEEK));
        m.setTime(seconds);
        m.setExact(exact);
        source.post(m, new JSArray<>());
    }

    /** Keeps sound in the source worker (dropped as the playhead passes it) or lets it go on to the output. */
    void holdAudio(boolean hold) {
        if (source == null || closed) {
            return;
        }
        AudioHoldMessage m = stamp(Messages.create(Messages.AUDIO_HOLD));
        m.setHold(hold);
        source.post(m, new JSArray<>());
    }

    /** Gives a picture's buffer back to the video worker (only if it is this session's). */
    void recyclePicture(PictureMessage p) {
        if (closed || video == null || p.getSession() != session || !JsUtil.has(p, "buffer")) {
            return;
        }
        RecycleMessage m = stamp(Messages.create(Messages.RECYCLE));
        m.setBuffer(p.getBuffer());
        JSArray<JSObject> t = new JSArray<>();
        t.push(p.getBuffer());
        video.post(m, t);
    }

    /** Gives sound arrays back to the source worker. */
    void recycleAudio(JSArray<Float32Array> planes) {
        if (closed || source == null || planes == null) {
            return;
        }
        RecycleMessage m = stamp(Messages.create(Messages.RECYCLE_AUDIO));
        m.setPlanes(planes);
        source.post(m, buffersOf(planes));
    }

    /** Test hook: makes the source or video worker die as a trapped one does. */
    void simulateCrash(String which) {
        WorkerHandle w = "source".equals(which) ? source : video;
        if (w != null && !closed) {
            w.post(Messages.create(Messages.SIMULATE_CRASH), new JSArray<>());
        }
    }

    /** Ends the session: the workers go back to the pool; nothing more reaches the listener. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (early != null) {
            abortEarly(early);
            early = null;
        }
        if (audioPort != null) {
            closePort(audioPort);
            audioPort = null;
        }
        if (source != null) {
            pool.release(source);
            source = null;
        }
        if (video != null) {
            pool.release(video);
            video = null;
        }
    }

    private void onSourceMessage(JSObject data) {
        Message m = Messages.of(data);
        if (closed || m.getSession() != session) {
            return;
        }
        String type = m.getType();
        if (Messages.AUDIO.equals(type)) {
            audioBlocksReceived++;
        }
        if (Messages.ERROR.equals(type)) {
            ErrorMessage e = m.cast();
            fatal(e.getCode(), e.getMessage());
        } else if (Messages.DECODE_ERROR.equals(type)) {
            listener.onDecodeError(m.cast());
        } else if (Messages.TRACKS.equals(type)) {
            listener.onTracks(m.cast());
        } else if (Messages.AUDIO_FORMAT.equals(type)) {
            listener.onAudioFormat(m.cast());
        } else if (Messages.RECONNECT.equals(type)) {
            listener.onReconnect(m.<ErrorMessage>cast().getCount());
        } else if (Messages.PROGRESS.equals(type)) {
            listener.onProgress(m.cast());
        } else if (m.getEpoch() != epoch) {
            if (Messages.AUDIO.equals(type)) {
                recycleAudio(m.<AudioMessage>cast().getPlanes());
            }
        } else if (Messages.AUDIO.equals(type)) {
            listener.onAudio(m.cast());
        } else if (Messages.AUDIO_PROGRESS.equals(type)) {
            listener.onAudioProgress(m.cast());
        } else if (Messages.EOS.equals(type)) {
            listener.onSourceEnd(m.cast());
        }
    }

    private void onVideoMessage(JSObject data) {
        Message m = Messages.of(data);
        if (closed || m.getSession() != session) {
            return;
        }
        String type = m.getType();
        if (Messages.ERROR.equals(type)) {
            ErrorMessage e = m.cast();
            fatal(e.getCode(), e.getMessage());
        } else if (Messages.DECODE_ERROR.equals(type)) {
            listener.onDecodeError(m.cast());
        } else if (m.getEpoch() != epoch) {
            if (Messages.PICTURE.equals(type)) {
                recyclePicture(m.cast());
            }
        } else if (Messages.PICTURE.equals(type)) {
            listener.onPicture(m.cast());
        } else if (Messages.VIDEO_EOS.equals(type)) {
            listener.onVideoEnd(m.cast());
        }
    }

    private void fatal(int code, String message) {
        if (closed) {
            return;
        }
        listener.onFatal(code, message);
    }

    private <T extends Message> T stamp(T m) {
        m.setSession(session);
        m.setEpoch(epoch);
        return m;
    }

    private static JSArray<JSObject> transfer(JSObject o) {
        JSArray<JSObject> t = new JSArray<>();
        t.push(o);
        return t;
    }

    @JSBody(params = {"channel", "n"}, script = "return n === 1 ? channel.port1 : channel.port2;")
    private static native JSObject port(JSObject channel, int n);

    @JSBody(params = "port", script = "port.close();")
    private static native void closePort(JSObject port);

    @JSBody(params = "planes", script = "return planes.map(function (p) { return p.buffer; });")
    private static native JSArray<JSObject> buffersOf(JSArray<Float32Array> planes);
}
