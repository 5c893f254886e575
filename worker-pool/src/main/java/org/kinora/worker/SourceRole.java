package org.kinora.worker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.List;
import org.kinora.codecs.Codecs;
import org.kinora.core.AudioBlock;
import org.kinora.core.AudioDecoder;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The source worker of one player: reads the URL ({@link HttpReader}: Range requests or a
 * streamed body; {@link WebSocketReader} for {@code ws://} live streams), demuxes, decodes the
 * audio track and sends video packets to the video worker over a MessageChannel port. It reads
 * ahead of the playback position by a bounded time (unbounded in decode-only mode); a live stream
 * (no length, no duration) is read continuously and announced with {@code live: true} and an
 * infinite duration.
 *
 * <p>To the main thread: {@code tracks}, {@code audio} (planar Float32Arrays, transferred),
 * {@code eos}, {@code error {code, message}}. To the video port: {@code config}, {@code packet},
 * {@code eos}.
 */
final class SourceRole implements ByteSource.Listener {
    private static final int CHUNK = 256 * 1024;
    /** Smallest plane array made: the largest Vorbis block's output (8192 / 2). */
    private static final int MIN_PLANE = 4096;
    private static final int MAX_FREE_PLANES = 256;

    private final JSObject main;
    private final JSObject videoPort;
    private final ByteSource reader;
    /** The first bytes, kept until there are enough to recognise the format. */
    private byte[] head = new byte[0];
    /** No length and no duration: a live stream, read continuously whatever the read-ahead. */
    private boolean live;
    private final double readAhead;
    private Demuxer demuxer;
    private long offset;
    private long length = -1;
    private boolean inputEnded;
    private boolean tracksSent;
    private TrackInfo videoTrack;
    private TrackInfo audioTrack;
    private AudioDecoder audioDecoder;
    private double playhead;
    private double sentUntil;
    private boolean finished;
    private int audioSamples;
    private double audioDecodeMs;
    private final ArrayDeque<Float32Array> freePlanes = new ArrayDeque<>();
    private int planesAllocated;
    private FloatBuffer scratch = FloatBuffer.allocate(0);
    private ByteBuffer packetScratch = ByteBuffer.allocateDirect(64 * 1024);

    /** {@code readAhead}: seconds of media to keep sent ahead of the playhead; infinite to decode all. */
    SourceRole(JSObject main, String url, JSObject videoPort, double readAhead) {
        this.main = main;
        this.videoPort = videoPort;
        this.readAhead = readAhead;
        this.reader = WebSocketReader.handles(url) ? new WebSocketReader(url, this) : new HttpReader(url, this);
    }

    void start() {
        reader.read(0, CHUNK);
    }

    /** The main thread's playback position, in seconds. */
    void position(double seconds) {
        playhead = seconds;
        pump();
    }

    void stop() {
        finished = true;
        reader.cancel();
    }

    @Override
    public void onData(long at, byte[] data, long totalLength) {
        if (finished) {
            return;
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
        fail(error.code(), error.getMessage());
    }

    private void pump() {
        if (finished || demuxer == null) {
            return;
        }
        try {
            while (!finished) {
                int r = demuxer.poll();
                if (r == Demuxer.NEED_MORE_DATA) {
                    if (inputEnded) {
                        throw new MediaException("the demuxer wants data after the end of the file");
                    }
                    if (!reader.inFlight() && (live || sentUntil - playhead < readAhead || !tracksSent)) {
                        reader.read(offset, CHUNK);
                    }
                    return;
                } else if (r == Demuxer.SEEK) {
                    offset = demuxer.seekPosition();
                    inputEnded = false;
                    reader.read(offset, CHUNK);
                    return;
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

    private void onTracks(List<TrackInfo> tracks) {
        if (tracksSent) {
            return; // a chained stream with new tracks: kept on the first ones
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
        if (audioTrack != null) {
            audioDecoder = Codecs.audio(audioTrack);
        }
        live = length < 0 && Double.isNaN(demuxer.durationSeconds());
        JSObject msg = message("tracks");
        Js.setNumber(msg, "duration", live ? Double.POSITIVE_INFINITY : demuxer.durationSeconds());
        Js.setBoolean(msg, "live", live);
        if (videoTrack != null) {
            Js.set(msg, "video", TrackMessages.toJs(videoTrack));
        }
        if (audioTrack != null) {
            Js.set(msg, "audio", TrackMessages.toJs(audioTrack));
        }
        Port.post(main, msg);
        if (videoTrack != null && videoPort != null) {
            JSObject config = message("config");
            Js.set(config, "track", TrackMessages.toJs(videoTrack));
            Port.post(videoPort, config);
        }
        tracksSent = true;
    }

    private void onPacket(Packet p) {
        if (videoTrack != null && p.trackId == videoTrack.id()) {
            if (videoPort == null) {
                return;
            }
            // Staged in a direct buffer (Wasm linear memory): one copy into the transferred
            // ArrayBuffer, no Java array made per packet.
            if (packetScratch.capacity() < p.length) {
                packetScratch = ByteBuffer.allocateDirect(Math.max(p.length, packetScratch.capacity() * 2));
            }
            packetScratch.clear();
            packetScratch.put(p.data, p.offset, p.length);
            ArrayBuffer data = copyOut(Int8Array.fromJavaBuffer(packetScratch), p.length);
            JSObject msg = message("packet");
            Js.set(msg, "data", data);
            double t = seconds(p.pts, videoTrack);
            Js.setNumber(msg, "pts", p.pts == Packet.NO_TIMESTAMP ? Double.NaN : (double) p.pts);
            Js.setBoolean(msg, "keyframe", p.keyframe);
            JSArray<JSObject> transfer = Js.array();
            transfer.push(data);
            Port.post(videoPort, msg, transfer);
            if (!Double.isNaN(t)) {
                sentUntil = Math.max(sentUntil, t);
            }
        } else if (audioTrack != null && p.trackId == audioTrack.id()) {
            double t0 = Port.now();
            audioDecoder.decode(p);
            audioDecodeMs += Port.now() - t0;
            drainAudio();
            double t = seconds(p.pts, audioTrack);
            if (!Double.isNaN(t)) {
                sentUntil = Math.max(sentUntil, t);
            }
        }
    }

    private void drainAudio() {
        for (AudioBlock b = audioDecoder.receive(); b != null; b = audioDecoder.receive()) {
            if (b.frames == 0) {
                continue;
            }
            JSObject msg = message("audio");
            Js.setNumber(msg, "time", seconds(b.pts, audioTrack));
            Js.setInt(msg, "sampleRate", b.sampleRate);
            Js.setInt(msg, "channels", b.channels);
            Js.setInt(msg, "frames", b.frames);
            JSArray<JSObject> planes = Js.array();
            JSArray<JSObject> transfer = Js.array();
            for (int c = 0; c < b.channels; c++) {
                Float32Array plane = planeFor(b.frames);
                if (scratch.capacity() < b.frames) {
                    scratch = ByteBuffer.allocateDirect(4 * b.frames).order(ByteOrder.nativeOrder()).asFloatBuffer();
                }
                scratch.clear();
                scratch.put(b.samples[c], 0, b.frames);
                // A fresh view each time: growing the Wasm memory detaches views made before.
                copyInto(plane, Float32Array.fromJavaBuffer(scratch), b.frames);
                planes.push(plane);
                transfer.push(plane.getBuffer());
            }
            Js.set(msg, "planes", planes);
            Js.setInt(msg, "planesAllocated", planesAllocated);
            audioSamples += b.frames;
            Port.post(main, msg, transfer);
        }
    }

    /** A plane array of at least {@code frames} samples: a returned one, or a new one. */
    private Float32Array planeFor(int frames) {
        while (!freePlanes.isEmpty()) {
            Float32Array p = freePlanes.poll();
            if (p.getLength() >= frames) {
                return p;
            }
        }
        planesAllocated++;
        return Float32Array.create(Math.max(frames, MIN_PLANE));
    }

    /** Plane arrays the sound output has played, back for reuse. */
    void recycleAudio(JSArray<Float32Array> planes) {
        for (int i = 0; i < planes.getLength() && freePlanes.size() < MAX_FREE_PLANES; i++) {
            Float32Array p = planes.get(i);
            if (p.getLength() > 0) {
                freePlanes.add(p);
            }
        }
    }

    /** A new ArrayBuffer holding the first {@code length} bytes of {@code view}. */
    @JSBody(params = {"view", "length"}, script = "return view.slice(0, length).buffer;")
    private static native ArrayBuffer copyOut(Int8Array view, int length);

    @JSBody(params = {"target", "source", "frames"}, script = "target.set(source.subarray(0, frames));")
    private static native void copyInto(Float32Array target, Float32Array source, int frames);

    private void endOfStream() {
        if (!tracksSent) {
            throw new MediaException(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED,
                    demuxer.tracks().isEmpty() ? "the file ends before its stream headers are complete" : "no audio or video track");
        }
        if (audioDecoder != null) {
            audioDecoder.flush();
            drainAudio();
        }
        if (videoPort != null) {
            Port.post(videoPort, message("eos"));
        }
        JSObject msg = message("eos");
        Js.setInt(msg, "audioSamples", audioSamples);
        Js.setNumber(msg, "audioDecodeMs", audioDecodeMs);
        Port.post(main, msg);
        finished = true;
    }

    private void fail(int code, String message) {
        if (finished) {
            return;
        }
        finished = true;
        reader.cancel();
        JSObject msg = message("error");
        Js.setInt(msg, "code", code);
        Js.setString(msg, "message", message == null ? "error" : message);
        Port.post(main, msg);
    }

    private static double seconds(long ticks, TrackInfo track) {
        return ticks == Packet.NO_TIMESTAMP ? Double.NaN : (double) ticks / track.timescale();
    }

    private static JSObject message(String type) {
        JSObject o = Js.object();
        Js.setString(o, "type", type);
        return o;
    }
}
