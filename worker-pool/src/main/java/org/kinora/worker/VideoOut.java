package org.kinora.worker;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayDeque;
import org.kinora.codecs.Codecs;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.theora.TheoraFrameParser;
import org.kinora.theora.TheoraParseStage;
import org.kinora.worker.protocol.ConfigMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.FrameMessage;
import org.kinora.worker.protocol.Message;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.PacketMessage;
import org.kinora.worker.protocol.RecycleMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * The source worker's side of the video port: {@code config}, {@code packet}, {@code seek} and
 * {@code eos} to the video worker, in stream order.
 *
 * <p>With two decode threads and a track whose decoder splits ({@link Codecs#canSplit}), this
 * worker runs the decoder's first stage ({@link TheoraParseStage}: parsing and the chroma planes)
 * and sends {@code frame} messages instead of packets; the video worker builds the rest. Then
 * frame N + 1 is parsed here while the video worker builds frame N. Each frame travels in a
 * transferred ArrayBuffer that comes back ({@code recycle}) once the video worker has read it; at
 * most {@link #FRAMES_AHEAD} are out, and packets wait here (with the markers behind them, so the
 * order holds) until one comes back. A packet that fails to parse is sent on as a
 * {@code decode-error} marker in its place, and this stage starts again at the next intra frame.
 */
final class VideoOut {
    /** Parsed frames sent and not yet read by the video worker. */
    static final int FRAMES_AHEAD = 3;

    private final SourceRole source;
    private final JSObject port;
    private final boolean mayUseTwoThreads;
    /** The first stage of the current track's split decoder; null when packets go as they are. */
    private TheoraParseStage stage;
    /** Packets (as {@link Packet}s) and markers (as messages) waiting for a frame buffer, in order. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private final TransferBuffers buffers = new TransferBuffers();
    private int buffersOut;
    private double parseMs;
    /** The session is over: nothing more is parsed or sent. */
    private boolean stopped;

    VideoOut(SourceRole source, JSObject port, int decodeThreads) {
        this.source = source;
        this.port = port;
        this.mayUseTwoThreads = decodeThreads >= 2;
        Port.listen(port, this::onPortMessage);
    }

    /** A (new) video track, in line with the packets. */
    void config(TrackInfo track) {
        ConfigMessage config = source.stamp(Messages.create(Messages.CONFIG));
        config.setTrack(TrackMessages.toJs(track));
        boolean split = mayUseTwoThreads && Codecs.canSplit(track);
        config.setSplit(split);
        if (stage == null && waiting.isEmpty() && !split) {
            Port.post(port, config);
            return;
        }
        // the stage that parses the new track's packets takes over where its config is in line
        waiting.add(new TrackSwitch(track, split, config));
        pump();
    }

    /** A video packet with its timestamp on the continued timeline (track ticks, NaN for none). */
    void packet(Packet p, double pts) {
        if (waiting.isEmpty()) {
            if (stage == null) {
                post(p, pts);
                return;
            }
            if (buffersOut < FRAMES_AHEAD) {
                // parsed at once from the demuxer's bytes, before they change
                parse(p, Double.isNaN(pts) ? Packet.NO_TIMESTAMP : (long) pts);
                return;
            }
        }
        Packet copy = new Packet();
        byte[] data = new byte[p.length];
        System.arraycopy(p.data, p.offset, data, 0, p.length);
        copy.set(p.trackId, data, 0, p.length);
        copy.pts = Double.isNaN(pts) ? Packet.NO_TIMESTAMP : (long) pts;
        copy.keyframe = p.keyframe;
        waiting.add(copy);
        pump();
    }

    /** A seek: what waits here belongs to the old epoch; the marker goes at once. */
    void seek(Message marker) {
        waiting.removeIf(o -> !(o instanceof TrackSwitch));
        if (stage != null) {
            stage.reset();
        }
        Port.post(port, marker);
        pumpSafely();
    }

    /**
     * The session is over: what waits is dropped and the port closed (its listener would keep this
     * object, and the port, alive as long as the other end is).
     */
    void stop() {
        if (!stopped) {
            stopped = true;
            waiting.clear();
            Port.close(port);
        }
    }

    /** The end of the stream, behind the packets that wait. */
    void end(Message marker) {
        if (waiting.isEmpty()) {
            Port.post(port, marker);
        } else {
            waiting.add(marker);
        }
    }

    private void onPortMessage(JSObject data) {
        Message m = Messages.of(data);
        if (Messages.RECYCLE.equals(m.getType())) {
            RecycleMessage r = m.cast();
            buffersOut--;
            buffers.giveBack(r.getBuffer());
            pumpSafely();
        }
    }

    /** {@link #pump} outside the demuxer's loop: a track whose stage cannot start ends the session. */
    private void pumpSafely() {
        try {
            pump();
        } catch (MediaException e) {
            source.videoFailed(e);
        } catch (RuntimeException e) {
            source.videoFailed(new MediaException(MediaException.MEDIA_ERR_DECODE, "internal error: " + e));
        }
    }

    private void pump() {
        while (!stopped && !waiting.isEmpty()) {
            Object next = waiting.peek();
            if (next instanceof Packet) {
                if (buffersOut >= FRAMES_AHEAD) {
                    return;
                }
                waiting.poll();
                Packet p = (Packet) next;
                if (stage == null) {
                    post(p, p.pts == Packet.NO_TIMESTAMP ? Double.NaN : (double) p.pts);
                } else {
                    parse(p, p.pts);
                }
            } else if (next instanceof TrackSwitch) {
                waiting.poll();
                TrackSwitch t = (TrackSwitch) next;
                // the video worker sets up its half while this one sets up its own
                stage = null;
                Port.post(port, t.config);
                if (t.split) {
                    stage = new TheoraParseStage(t.track);
                }
            } else {
                waiting.poll();
                Port.post(port, (Message) next);
            }
        }
    }

    /** Parses {@code p} (whose timestamp on the continued timeline is {@code pts}) and sends its frame. */
    private void parse(Packet p, long pts) {
        double t0 = Port.now();
        int kind;
        try {
            kind = stage.parse(p);
        } catch (MediaException e) {
            parseMs += Port.now() - t0;
            stage.reset();
            ErrorMessage err = source.stamp(Messages.create(Messages.DECODE_ERROR));
            err.setCode(e.code());
            err.setMessage(e.getMessage());
            Port.post(port, err);
            return;
        }
        if (kind == TheoraFrameParser.NONE) {
            parseMs += Port.now() - t0;
            return;
        }
        int length = stage.handOverLength();
        int planeBytes = kind == TheoraFrameParser.FRAME ? stage.chromaPlaneSize() : 0;
        int size = 4 * length + 2 * planeBytes;
        // little-endian, as the video worker reads the ints back
        ByteBuffer staging = DirectBuffers.get(DirectBuffers.FRAME, size);
        IntBuffer ints = staging.asIntBuffer();
        ints.put(stage.handOver(), 0, length);
        if (planeBytes > 0) {
            staging.position(4 * length);
            staging.put(stage.chromaPlane(1), 0, planeBytes);
            staging.put(stage.chromaPlane(2), 0, planeBytes);
        }
        ArrayBuffer buffer = buffers.fill(staging, size, size >> 3);
        parseMs += Port.now() - t0;
        FrameMessage msg = source.stamp(Messages.create(Messages.FRAME));
        msg.setData(buffer);
        msg.setLength(length);
        msg.setPlaneBytes(planeBytes);
        msg.setPts(pts == Packet.NO_TIMESTAMP ? Double.NaN : (double) pts);
        msg.setKeyframe(p.keyframe);
        msg.setParseMs(parseMs);
        JSArray<JSObject> transfer = new JSArray<>();
        transfer.push(buffer);
        buffersOut++;
        Port.post(port, msg, transfer);
    }

    /** A packet as it is, staged in a direct buffer (Wasm linear memory): one copy into the transferred ArrayBuffer. */
    private void post(Packet p, double pts) {
        ByteBuffer packetScratch = DirectBuffers.get(DirectBuffers.PACKET, p.length);
        packetScratch.put(p.data, p.offset, p.length);
        ArrayBuffer data = TransferBuffers.copyOut(packetScratch, p.length);
        PacketMessage msg = source.stamp(Messages.create(Messages.PACKET));
        msg.setData(data);
        msg.setPts(pts);
        msg.setKeyframe(p.keyframe);
        JSArray<JSObject> transfer = new JSArray<>();
        transfer.push(data);
        Port.post(port, msg, transfer);
    }

    /** A track's config waiting in line, and whether its frames are parsed here. */
    private static final class TrackSwitch {
        final TrackInfo track;
        final boolean split;
        final ConfigMessage config;

        TrackSwitch(TrackInfo track, boolean split, ConfigMessage config) {
            this.track = track;
            this.split = split;
            this.config = config;
        }
    }
}
