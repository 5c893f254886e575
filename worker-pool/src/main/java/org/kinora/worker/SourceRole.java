package org.kinora.worker;

import java.util.List;
import org.kinora.codecs.Codecs;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;
import org.kinora.worker.protocol.AudioFormatMessage;
import org.kinora.worker.protocol.EndMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.Message;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.OpenRequest;
import org.kinora.worker.protocol.SeekMessage;
import org.kinora.worker.protocol.TracksMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * The source worker of one session: reads the URL ({@link HttpReader}: Range requests or a
 * streamed body; {@link WebSocketReader} for {@code ws://} live streams), demuxes, decodes the
 * audio track ({@link SourceAudio}) and sends video packets to the video worker over a MessageChannel port. It reads
 * ahead of the playback position by a bounded time (unbounded in decode-only mode); a live stream
 * (no length, no duration) is read as it comes, announced with {@code live: true} and an infinite
 * duration. {@code progress} reports bytes received, reading started or paused, and the time range
 * demuxed ({@link ProgressReport}).
 *
 * <p>A live stream's connection is kept up by {@link LiveReconnect}: when it fails or stalls, a
 * new one is made after a backoff and read by a fresh demuxer from its header (a proper end of
 * the body, or a normal WebSocket close, is the end of the media instead); its tracks reconfigure the decoders (a {@code config} to the video worker, which then waits for a
 * keyframe) and its timestamps, which may restart from 0 or jump, are shifted to continue right
 * after the media already sent, so the main thread's clock goes on monotonically; so are the
 * timestamps of a connection that restart or jump within it ({@link LiveTimeline}). Each new
 * connection is announced with {@code reconnect {count}}; when the attempts are used up the
 * session ends with {@code error} MEDIA_ERR_NETWORK.
 *
 * <p>To the main thread: {@code tracks}, {@code audio-progress}, {@code eos}, {@code decode-error},
 * {@code reconnect}, {@code error}; to the video port: {@code config}, {@code seek}, {@code packet}, {@code eos}; to
 * the audio port (the sound output): {@code audio} and {@code eos} ({@link AudioSink}; without an
 * audio port, {@code audio} goes to the main thread). Every message carries the session and the
 * current seek epoch.
 *
 * <p>Seeking goes through {@link Demuxer#seekTo}, so it works for any container whose demuxer
 * can seek: the demuxer positions at the random-access point before the target, the audio decoder
 * is reset, and with an exact seek the audio samples before the target are cut off here.
 */
final class SourceRole implements ByteSource.Listener, LiveReconnect.Host {
    private static final int CHUNK = OpenRequest.FIRST_READ;
    /**
     * A request's size when everything is read ({@code Kinora.decode}, infinite read-ahead): the
     * body streams in as it arrives either way, and each request costs the worker about as much as
     * demuxing a frame, so fewer of them.
     */
    private static final int WHOLE_FILE_CHUNK = 8 << 20;
    /**
     * How far a live stream is read ahead of the playhead at most. A real live stream arrives in
     * real time and never gets this far ahead; a file served without a length (read as live) can,
     * and is then read no faster than it plays, so memory stays bounded.
     */
    private static final double LIVE_READ_AHEAD = 30;

    private final JSObject main;
    /** The video port's sender; null without video decoding. */
    private final VideoOut video;
    private final String url;
    private ByteSource reader;
    private final ProgressReport progress;
    private final int session;
    private double readAhead;
    private int epoch;
    /** The first bytes, kept until there are enough to recognise the format. */
    private byte[] head = new byte[0];
    /** No length and no duration: a live stream, read as it comes (up to {@link #LIVE_READ_AHEAD}). */
    private boolean live;
    private Demuxer demuxer;
    private long offset;
    private long length = -1;
    private boolean inputEnded;
    private boolean tracksSent;
    /** The sound's format went to the main thread ahead of the tracks. */
    private boolean formatSent;
    private TrackInfo videoTrack;
    private TrackInfo audioTrack;
    private double playhead;
    private double sentUntil;
    /** Stopped by the main thread or by a fatal error: nothing more is sent. */
    private boolean closed;
    /** The end of the stream was sent (a seek starts reading again). */
    private boolean atEnd;
    private final AudioSink sink;
    private final SourceAudio audio;
    private final double reconnectAttempts;
    private final double stallSeconds;
    /** A live stream's connection keeper; null until the stream is known to be live. */
    private LiveReconnect liveConnection;
    /** A live stream's timestamps on one timeline, across connections and jumps. */
    private final LiveTimeline timeline = new LiveTimeline();

    /**
     * {@code readAhead}: seconds of media to keep sent ahead of the playhead; infinite to decode all.
     * {@code reconnectAttempts} and {@code stallSeconds}: for a live stream, see {@link LiveReconnect}
     * (NaN for the defaults).
     */
    SourceRole(JSObject main, int session, String url, JSObject videoPort, JSObject audioPort,
            double readAhead, double reconnectAttempts, double stallSeconds, int decodeThreads) {
        this.main = main;
        this.sink = new AudioSink(main, audioPort, session);
        this.audio = new SourceAudio(this, sink);
        this.session = session;
        this.url = url;
        this.video = videoPort == null ? null : new VideoOut(this, videoPort, decodeThreads);
        this.readAhead = readAhead;
        this.reconnectAttempts = reconnectAttempts;
        this.stallSeconds = stallSeconds;
        this.reader = openReader();
        this.progress = new ProgressReport(main);
    }

    private ByteSource openReader() {
        return WebSocketReader.handles(url) ? new WebSocketReader(url, this) : new HttpReader(url, this);
    }

    /** The main thread asked for the first {@link #CHUNK} bytes: its answer follows ({@link #early}). */
    void expectEarly() {
        if (reader instanceof HttpReader) {
            ((HttpReader) reader).expectEarly(CHUNK);
        }
    }

    /** The main thread's answer for the first bytes (an {@code early} message). */
    void early(JSObject data) {
        if (reader instanceof HttpReader) {
            ((HttpReader) reader).early(data);
        } else {
            HttpReader.dropEarly(data);
        }
    }

    void start() {
        reader.read(0, CHUNK);
    }

    /** The main thread's playback position and wanted read-ahead, in seconds. */
    void position(double seconds, double ahead) {
        playhead = seconds;
        if (!Double.isNaN(ahead) && ahead > 0) {
            readAhead = ahead;
        }
        sink.playhead(seconds);
        pump();
    }

    /** Starts {@code newEpoch} at {@code seconds}: the demuxer repositions, decoders restart. */
    void seek(int newEpoch, double seconds, boolean exact) {
        if (closed) {
            return;
        }
        epoch = newEpoch;
        sink.seek(newEpoch, seconds);
        SeekMessage marker = stamp(Messages.create(Messages.SEEK));
        marker.setTime(seconds);
        marker.setExact(exact);
        if (video != null) {
            video.seek(marker);
        }
        if (demuxer == null || !demuxer.canSeek()) {
            fail(MediaException.MEDIA_ERR_DECODE, "this source cannot seek");
            return;
        }
        reader.cancel();
        try {
            demuxer.seekTo(seconds);
            audio.seek(seconds, exact);
        } catch (MediaException e) {
            fail(e.code(), e.getMessage());
            return;
        }
        atEnd = false;
        inputEnded = false;
        progress.seek();
        playhead = seconds;
        sentUntil = seconds;
        pump();
    }

    /** Held: sound stays in this worker (see {@link AudioSink}); released: it goes on to the output. */
    void holdAudio(boolean hold) {
        sink.setHold(hold);
    }

    void stop() {
        closed = true;
        if (video != null) {
            video.stop();
        }
        reader.cancel();
        if (liveConnection != null) {
            liveConnection.stop();
        }
        sink.close();
    }

    @Override
    public void onData(long at, byte[] data, long totalLength) {
        if (closed) {
            return;
        }
        progress.received(data.length, totalLength);
        if (liveConnection != null) {
            if (data.length == 0) {
                // a proper end of the body (or a normal WebSocket close) is the end of the media; only
                // a failure or a stall is a lost connection to make again
                liveConnection.stop();
            } else {
                liveConnection.bytes();
            }
        }
        try {
            if (demuxer == null) {
                // chunks of a streamed body or WebSocket messages can be tiny: gather enough to sniff
                byte[] h = new byte[head.length + data.length];
                System.arraycopy(head, 0, h, 0, head.length);
                System.arraycopy(data, 0, h, head.length, data.length);
                head = h;
                if (head.length < org.kinora.demux.ContainerFormat.SNIFF_BYTES && data.length > 0) {
                    return;
                }
                demuxer = Demuxers.create(Demuxers.detect(head, head.length));
                if (totalLength >= 0) {
                    length = totalLength;
                    demuxer.setInputLength(totalLength);
                }
                data = head;
                at = 0;
                head = null;
            }
            offset = at + data.length;
            if (data.length > 0) {
                demuxer.feed(data, 0, data.length);
            }
            if (data.length == 0 || (length >= 0 && offset >= length)) {
                inputEnded = true;
                demuxer.endOfInput();
            }
            pump();
        } catch (MediaException e) {
            fail(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            fail(MediaException.MEDIA_ERR_DECODE, "internal error: " + e);
        }
    }

    @Override
    public void onReady() {
        pump();
    }

    @Override
    public void onError(MediaException error) {
        if (liveConnection != null) {
            connectionLost(error.getMessage());
        } else {
            fail(error.code(), error.getMessage());
        }
    }

    // ---- a live stream's connection --------------------------------------------------------

    private void connectionLost(String reason) {
        if (closed) {
            return;
        }
        reader.cancel();
        liveConnection.lost(reason);
    }

    @Override
    public void stalled(double seconds) {
        connectionLost("no bytes for " + seconds + " s");
    }

    /**
     * A new connection: a fresh demuxer reads it from its header; its tracks reconfigure the
     * decoders, and its timestamps are shifted to continue the timeline (they may restart from 0
     * or jump).
     */
    @Override
    public void reconnect(int count) {
        if (closed) {
            return;
        }
        reader = openReader();
        reader.liveMode();
        demuxer = null;
        head = new byte[0];
        offset = 0;
        inputEnded = false;
        timeline.newConnection();
        ErrorMessage msg = stamp(Messages.create(Messages.RECONNECT));
        msg.setCount(count);
        msg.setMessage("reconnecting to " + url);
        Port.post(main, msg);
        reader.read(0, CHUNK);
    }

    @Override
    public void giveUp(String reason, int attempts) {
        fail(MediaException.MEDIA_ERR_NETWORK, "the live stream is lost (" + reason + ") after "
                + attempts + " reconnect attempts");
    }

    /** The tracks of a new connection: the decoders start again, the main thread's tracks stay. */
    private void onReconnectTracks(List<TrackInfo> tracks) {
        TrackInfo video = null;
        TrackInfo audio = null;
        for (TrackInfo t : tracks) {
            if (t.type() == TrackType.VIDEO && video == null && Codecs.canDecode(t)) {
                video = t;
            } else if (t.type() == TrackType.AUDIO && audio == null && Codecs.canDecode(t)) {
                audio = t;
            }
        }
        videoTrack = video;
        audioTrack = audio;
        this.audio.open(audio, false);
        if (video != null && this.video != null) {
            this.video.config(video);
        }
    }

    /** Seconds on the continued timeline of {@code ticks} of {@code track}, NaN for none. */
    double time(long ticks, TrackInfo track) {
        return seconds(ticks, track) + timeline.shift();
    }

    /** Media up to {@code end} seconds (on the continued timeline) has been sent. */
    void reached(double end) {
        if (!Double.isNaN(end)) {
            sentUntil = Math.max(sentUntil, end);
            timeline.reached(end);
            progress.demuxed(end);
        }
    }

    private void pump() {
        demux();
        if (!closed) {
            // a WebSocket is read continuously; HTTP while a request is being answered
            boolean loading = !atEnd && (reader.inFlight() || reader instanceof WebSocketReader);
            progress.send(session, epoch, loading);
        }
    }

    private void demux() {
        if (closed || atEnd || demuxer == null) {
            return;
        }
        try {
            while (!closed && !atEnd) {
                int r = demuxer.poll();
                if (r == Demuxer.NEED_MORE_DATA) {
                    if (inputEnded) {
                        throw new MediaException("the demuxer wants data after the end of the file");
                    }
                    double ahead = sentUntil - playhead;
                    double limit = live && !Double.isInfinite(readAhead) ? Math.max(readAhead, LIVE_READ_AHEAD) : readAhead;
                    if (!reader.inFlight() && (ahead < limit || !tracksSent)) {
                        reader.read(offset, Double.isInfinite(readAhead) && tracksSent ? WHOLE_FILE_CHUNK : CHUNK);
                    }
                    return;
                } else if (r == Demuxer.SEEK) {
                    if (!tracksSent) {
                        sendAudioFormat();
                    }
                    // the demuxer may hold bytes to parse before those asked for arrive
                    offset = demuxer.seekPosition();
                    inputEnded = false;
                    reader.read(offset, CHUNK);
                } else if (r == Demuxer.TRACKS_CHANGED) {
                    onTracks(demuxer.tracks());
                } else if (r == Demuxer.PACKET) {
                    onPacket(demuxer.packet());
                } else if (r == Demuxer.END) {
                    endOfStream();
                    return;
                }
            }
        } catch (MediaException e) {
            fail(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            fail(MediaException.MEDIA_ERR_DECODE, "internal error: " + e);
        }
    }

    /**
     * A demuxer that reads on before it announces its tracks (Ogg: the file's tail, for the
     * duration) knows them already: the format of the sound track that will play goes to the main
     * thread, whose sound output takes a while to start, ahead of the tracks.
     */
    private void sendAudioFormat() {
        if (formatSent || !sink.toOutput()) {
            return; // once; and a session without a sound output (Kinora.decode) has no use for it
        }
        for (TrackInfo t : demuxer.tracks()) {
            if (t.type() == TrackType.AUDIO && Codecs.canDecode(t)) {
                if (t.sampleRate() > 0) {
                    formatSent = true;
                    AudioFormatMessage m = stamp(Messages.create(Messages.AUDIO_FORMAT));
                    m.setSampleRate(t.sampleRate());
                    Port.post(main, m);
                }
                return; // the first decodable one is the one onTracks takes
            }
        }
    }

    private void onTracks(List<TrackInfo> tracks) {
        if (tracksSent && timeline.awaitingConnection()) {
            onReconnectTracks(tracks);
            return;
        }
        if (tracksSent) {
            onNextLink(tracks);
            return;
        }
        // the first track of each kind that Kinora can decode; the others are left out and the rest plays
        String undecodable = null;
        for (TrackInfo t : tracks) {
            if (t.type() != TrackType.VIDEO && t.type() != TrackType.AUDIO) {
                continue;
            }
            if (!Codecs.canDecode(t)) {
                undecodable = undecodable == null ? t.codec() : undecodable;
                continue;
            }
            if (t.type() == TrackType.VIDEO && videoTrack == null) {
                videoTrack = t;
            } else if (t.type() == TrackType.AUDIO && audioTrack == null) {
                audioTrack = t;
            }
        }
        if (videoTrack == null && audioTrack == null) {
            throw new MediaException(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED,
                    undecodable != null ? "no decoder for codec " + undecodable : "no audio or video track");
        }
        live = length < 0 && Double.isNaN(demuxer.durationSeconds());
        if (live) {
            reader.liveMode();
            liveConnection = new LiveReconnect(this, reconnectAttempts, stallSeconds);
            liveConnection.watch();
        }
        TracksMessage msg = stamp(Messages.create(Messages.TRACKS));
        msg.setDuration(live ? Double.POSITIVE_INFINITY : demuxer.durationSeconds());
        msg.setSeekable(demuxer.canSeek() && !live);
        msg.setLive(live);
        if (videoTrack != null) {
            msg.setVideo(TrackMessages.toJs(videoTrack));
        }
        if (audioTrack != null) {
            msg.setAudio(TrackMessages.toJs(audioTrack));
        }
        Port.post(main, msg);
        if (videoTrack != null && video != null) {
            video.config(videoTrack);
        }
        audio.open(audioTrack, false);
        tracksSent = true;
    }

    /**
     * The next link of a chained stream (its own tracks, time going on): the audio decoder is
     * replaced after the old link's last samples, the video worker gets the new track in line with
     * the packets, and the main thread the new track list.
     */
    private void onNextLink(List<TrackInfo> tracks) {
        TrackInfo video = null;
        TrackInfo audio = null;
        for (TrackInfo t : tracks) {
            if (t.type() == TrackType.VIDEO && video == null) {
                video = t;
            } else if (t.type() == TrackType.AUDIO && audio == null) {
                audio = t;
            }
        }
        audioTrack = audio;
        this.audio.open(audio, true);
        videoTrack = video;
        TracksMessage msg = stamp(Messages.create(Messages.TRACKS));
        msg.setDuration(demuxer.durationSeconds());
        msg.setSeekable(demuxer.canSeek());
        if (video != null) {
            msg.setVideo(TrackMessages.toJs(video));
            if (this.video != null) {
                this.video.config(video);
            }
        }
        if (audio != null) {
            msg.setAudio(TrackMessages.toJs(audio));
        }
        Port.post(main, msg);
    }

    private void onPacket(Packet p) {
        if (live) {
            TrackInfo track = videoTrack != null && p.trackId == videoTrack.id() ? videoTrack
                    : audioTrack != null && p.trackId == audioTrack.id() ? audioTrack : null;
            if (track == null) {
                return;
            }
            boolean connecting = timeline.awaitingConnection();
            double start = seconds(p.dts != Packet.NO_TIMESTAMP ? p.dts : p.pts, track);
            if (timeline.place(track == videoTrack ? 0 : 1, start) && connecting) {
                liveConnection.connected();
            }
        }
        if (videoTrack != null && p.trackId == videoTrack.id()) {
            if (video == null) {
                return;
            }
            video.packet(p, p.pts == Packet.NO_TIMESTAMP ? Double.NaN
                    : (double) p.pts + Math.rint(timeline.shift() * videoTrack.timescale()));
            reached(time(p.pts, videoTrack) + (p.duration > 0 ? seconds(p.duration, videoTrack) : 0));
        } else if (audio.carries(p)) {
            audio.decode(p);
        }
    }

    /** Plane arrays the sound output has played, back for reuse. */
    void recycleAudio(JSArray<Float32Array> planes) {
        sink.recycle(planes);
    }

    private void endOfStream() {
        if (!tracksSent) {
            throw new MediaException(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED,
                    demuxer.tracks().isEmpty() ? "the file ends before its stream headers are complete" : "no audio or video track");
        }
        audio.finish();
        sink.end(stamp(Messages.create(Messages.EOS)));
        if (video != null) {
            video.end(stamp(Messages.create(Messages.EOS)));
        }
        progress.demuxedUntil(demuxer.durationSeconds());
        progress.send(session, epoch, false);
        EndMessage msg = stamp(Messages.create(Messages.EOS));
        msg.setAudioSamples(audio.samples());
        msg.setDecodeMs(audio.decodeMs());
        Port.post(main, msg);
        atEnd = true;
    }

    /** The video port's first stage cannot go on (a track it cannot parse the headers of). */
    void videoFailed(MediaException e) {
        fail(e.code(), e.getMessage());
    }

    private void fail(int code, String message) {
        if (closed) {
            return;
        }
        closed = true;
        if (video != null) {
            video.stop();
        }
        reader.cancel();
        if (liveConnection != null) {
            liveConnection.stop();
        }
        ErrorMessage msg = stamp(Messages.create(Messages.ERROR));
        msg.setCode(code);
        msg.setMessage(message == null ? "error" : message);
        Port.post(main, msg);
    }

    /** The main thread's port. */
    JSObject main() {
        return main;
    }

    /** {@code m} marked with this session and the current seek epoch. */
    <T extends Message> T stamp(T m) {
        m.setSession(session);
        m.setEpoch(epoch);
        return m;
    }

    private static double seconds(long ticks, TrackInfo track) {
        return ticks == Packet.NO_TIMESTAMP ? Double.NaN : (double) ticks / track.timescale();
    }
}
