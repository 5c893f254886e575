package org.kinora.worker;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.kinora.codecs.Codecs;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;
import org.kinora.core.TrackInfo;
import org.kinora.core.VideoDecoder;
import org.kinora.worker.protocol.ConfigMessage;
import org.kinora.worker.protocol.EndMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.FrameMessage;
import org.kinora.worker.protocol.Message;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.PacketMessage;
import org.kinora.worker.protocol.PictureMessage;
import org.kinora.worker.protocol.SeekMessage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The video worker of one session: takes packets from the source worker's port, decodes them and
 * sends pictures to the main thread. Each picture travels as the visible Y, U and V planes packed
 * without padding in one ArrayBuffer, transferred; the main thread sends buffers back
 * ({@code recycle}) and decoding waits while all {@link #MAX_BUFFERS} are out, so a slow page
 * holds the pipeline instead of growing memory.
 *
 * <p>A packet that fails to decode is dropped and reported ({@code decode-error}); the decoder is
 * reset and packets are skipped up to the next keyframe. An unsupported feature
 * ({@code MEDIA_ERR_SRC_NOT_SUPPORTED}) is not a damaged packet and ends the session. Only {@link #MAX_ERRORS_IN_A_ROW} failures
 * without a picture in between end the session with an error.
 *
 * <p>A {@code seek} marker on the port starts a new epoch: queued packets are dropped, the decoder
 * is reset; with an exact seek the pictures before the target are decoded but not sent, except
 * the last one, whose interval contains the target.
 *
 * <p>A {@code config} after the first (the next link of a chained file) waits in line with the
 * packets: the old decoder is flushed, the new one decodes the link's packets.
 *
 * <p>A {@code config} marked {@code split} means the source worker runs the first stage of the
 * track's decoder: {@code frame} messages come instead of packets, and a {@link SplitVideoDecoder}
 * builds their pictures. A packet the first stage could not parse arrives as a
 * {@code decode-error} marker in its place and counts as a failed packet here.
 *
 * <p>In decode-only mode pictures are not sent; each frame's MD5 and timing are.
 */
final class VideoRole {
    static final int MAX_BUFFERS = 6;
    static final int MAX_ERRORS_IN_A_ROW = 64;

    private final JSObject main;
    private final JSObject port;
    private final int session;
    private final boolean decodeOnly;
    private final boolean md5;
    /** Packets, and the configs of chained links in their place between them. */
    private final ArrayDeque<Message> packets = new ArrayDeque<>();
    private final ArrayDeque<ArrayBuffer> freeBuffers = new ArrayDeque<>();
    private final PictureDigest digest = new PictureDigest();
    private final Packet packet = new Packet();
    private int epoch;
    private int buffersOut;
    private int buffersAllocated;
    private TrackInfo track;
    private VideoDecoder decoder;
    private boolean eos;
    /** The end was sent; a seek starts again. */
    private boolean ended;
    /** Stopped, or a fatal error. */
    private boolean closed;
    private boolean needKeyframe;
    private int errorsInARow;
    private int decodeErrors;
    /** Exact seek target (seconds), NaN when none is pending. */
    private double target = Double.NaN;
    /** The latest picture before {@link #target}, packed and not yet sent. */
    private PictureMessage held;
    /**
     * The packed picture. A direct buffer: in the Wasm GC build it lives in linear memory, so the
     * typed-array view on it costs no copy and one {@code set} moves the frame into a recycled
     * ArrayBuffer.
     */
    private ByteBuffer frame = ByteBuffer.allocateDirect(0);
    /** One row of deeper samples narrowed to 8 bits, on its way into {@link #frame}. */
    private byte[] row8 = new byte[0];
    private int frames;
    private double decodeMs;
    /** With a split decoder: the source worker's first stage's time, as its latest frame says. */
    private double parseMs;

    VideoRole(JSObject main, int session, JSObject port, boolean decodeOnly, boolean md5) {
        this.main = main;
        this.session = session;
        this.port = port;
        this.decodeOnly = decodeOnly;
        this.md5 = md5;
        Port.listen(port, this::onPortMessage);
    }

    void stop() {
        closed = true;
        Port.close(port);
    }

    /** A picture buffer back from the main thread. */
    void recycle(ArrayBuffer buffer) {
        buffersOut--;
        if (buffer != null && byteLength(buffer) > 0) {
            freeBuffers.add(buffer);
        }
        run();
    }

    private void onPortMessage(JSObject data) {
        if (closed) {
            return;
        }
        Message m = Messages.of(data);
        String type = m.getType();
        try {
            if (Messages.CONFIG.equals(type)) {
                if (decoder == null) {
                    configure(m.cast());
                } else {
                    packets.add(m); // a chained link: the new decoder takes over after the old packets
                }
            } else if (Messages.PACKET.equals(type) || Messages.FRAME.equals(type) || Messages.DECODE_ERROR.equals(type)) {
                packets.add(m);
            } else if (Messages.SEEK.equals(type)) {
                SeekMessage s = m.cast();
                epoch = s.getEpoch();
                target = s.isExact() ? s.getTime() : Double.NaN;
                dropHeld();
                dropQueued();
                eos = false;
                ended = false;
                needKeyframe = true;
                if (decoder != null) {
                    decoder.reset();
                }
            } else if (Messages.EOS.equals(type)) {
                eos = true;
            }
            run();
        } catch (MediaException e) {
            fail(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            fail(MediaException.MEDIA_ERR_DECODE, "internal error: " + e);
        }
    }

    private boolean canSend() {
        return decodeOnly || buffersOut < MAX_BUFFERS;
    }

    private void run() {
        if (closed || ended) {
            return;
        }
        if (decoder == null) {
            if (eos) {
                end(); // the stream had no video track
            }
            return;
        }
        while (canSend() && !packets.isEmpty()) {
            Message next = packets.poll();
            if (Messages.CONFIG.equals(next.getType())) {
                try {
                    decoder.flush();
                    drain();
                } catch (RuntimeException e) {
                    if (!packetLost(e)) {
                        return;
                    }
                }
                configure(next.cast());
                continue;
            }
            if (Messages.DECODE_ERROR.equals(next.getType())) {
                // the source worker's first stage could not parse this packet
                ErrorMessage e = next.cast();
                if (!packetLost(new MediaException(e.getCode(), e.getMessage()))) {
                    return;
                }
                continue;
            }
            if (Messages.FRAME.equals(next.getType())) {
                if (!decodeFrame(next.cast())) {
                    return;
                }
                continue;
            }
            PacketMessage msg = next.cast();
            boolean key = msg.isKeyframe();
            if (needKeyframe && !key) {
                continue;
            }
            needKeyframe = false;
            byte[] bytes = new Int8Array(msg.getData()).copyToJavaArray();
            packet.set(track.id(), bytes, 0, bytes.length);
            double pts = msg.getPts();
            packet.pts = Double.isNaN(pts) ? Packet.NO_TIMESTAMP : (long) pts;
            packet.keyframe = key;
            double t0 = Port.now();
            try {
                decoder.decode(packet);
                drain();
            } catch (RuntimeException e) {
                if (!packetLost(e)) {
                    return;
                }
            } finally {
                decodeMs += Port.now() - t0;
            }
        }
        if (eos && packets.isEmpty() && canSend()) {
            double t0 = Port.now();
            try {
                decoder.flush();
                drain();
            } catch (RuntimeException e) {
                if (!packetLost(e)) {
                    return;
                }
            }
            decodeMs += Port.now() - t0;
            if (held != null) {
                PictureMessage last = held;
                held = null;
                post(last);
            }
            end();
        }
    }

    /** A frame parsed by the source worker: built by the split decoder; false when that ends the session. */
    private boolean decodeFrame(FrameMessage msg) {
        if (!(decoder instanceof SplitVideoDecoder) || needKeyframe && !msg.isKeyframe()) {
            SplitVideoDecoder.giveBack(port, msg);
            return true;
        }
        needKeyframe = false;
        parseMs = msg.getParseMs();
        double t0 = Port.now();
        try {
            ((SplitVideoDecoder) decoder).decode(msg);
            drain();
        } catch (RuntimeException e) {
            return packetLost(e);
        } finally {
            decodeMs += Port.now() - t0;
        }
        return true;
    }

    /** Drops the queued packets and frames (a seek); the frames' buffers go back to the source worker. */
    private void dropQueued() {
        for (Message m : packets) {
            if (Messages.FRAME.equals(m.getType())) {
                SplitVideoDecoder.giveBack(port, m.cast());
            }
        }
        packets.clear();
    }

    /** A (new) video track: its decoder replaces the previous one. */
    private void configure(ConfigMessage config) {
        track = TrackMessages.fromJs(config.getTrack());
        decoder = config.isSplit() ? new SplitVideoDecoder(track, port) : Codecs.video(track);
        needKeyframe = true;
    }

    /** Counts and reports a packet that failed; false when that ends the session. */
    private boolean packetLost(RuntimeException e) {
        if (e instanceof MediaException && ((MediaException) e).code() == MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED) {
            // A feature the decoder does not have is not a damaged packet: the stream cannot play.
            fail(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED, e.getMessage());
            return false;
        }
        decodeErrors++;
        errorsInARow++;
        if (errorsInARow > MAX_ERRORS_IN_A_ROW) {
            fail(MediaException.MEDIA_ERR_DECODE, "no decodable picture after " + errorsInARow + " packets: " + e.getMessage());
            return false;
        }
        ErrorMessage err = stamp(Messages.create(Messages.DECODE_ERROR));
        err.setCode(MediaException.MEDIA_ERR_DECODE);
        err.setMessage("video: " + e.getMessage());
        err.setCount(decodeErrors);
        Port.post(main, err);
        decoder.reset();
        needKeyframe = true;
        return true;
    }

    private void end() {
        EndMessage done = stamp(Messages.create(Messages.VIDEO_EOS));
        done.setFrames(frames);
        done.setDecodeMs(decodeMs);
        done.setParseMs(parseMs);
        Port.post(main, done);
        ended = true;
    }

    private void drain() {
        for (Picture pic = decoder.receive(); pic != null; pic = decoder.receive()) {
            errorsInARow = 0;
            double time = pic.pts == Packet.NO_TIMESTAMP ? Double.NaN : (double) pic.pts / track.timescale();
            if (!Double.isNaN(target)) {
                if (!Double.isNaN(time) && time <= target + 1e-6) {
                    // Before the target: keep only the latest, its interval may contain the target.
                    dropHeld();
                    held = build(pic, time);
                    continue;
                }
                target = Double.NaN;
                if (held != null) {
                    PictureMessage h = held;
                    held = null;
                    post(h);
                }
            }
            post(build(pic, time));
        }
    }

    private void dropHeld() {
        if (held != null) {
            if (!decodeOnly) {
                buffersOut--;
                freeBuffers.add(held.getBuffer());
            }
            held = null;
        }
    }

    private PictureMessage build(Picture pic, double time) {
        frames++;
        PictureMessage msg = stamp(Messages.create(Messages.PICTURE));
        msg.setTime(time);
        msg.setWidth(pic.cropWidth);
        msg.setHeight(pic.cropHeight);
        msg.setChroma(pic.chromaFormat);
        msg.setChromaWidth(pic.visibleWidth(1));
        msg.setChromaHeight(pic.visibleHeight(1));
        msg.setPixelAspectNum(pic.pixelAspectNum);
        msg.setPixelAspectDen(pic.pixelAspectDen);
        msg.setMatrix(pic.colour.matrixCoefficients);
        msg.setFullRange(pic.colour.fullRange);
        msg.setDecodeMs(decodeMs);
        if (md5) {
            msg.setMd5(digest.md5Hex(pic));
        }
        if (decodeOnly) {
            return msg;
        }
        int size = pack(pic);
        ArrayBuffer buffer = freeBuffers.poll();
        while (buffer != null && byteLength(buffer) < size) {
            buffer = freeBuffers.poll();
        }
        if (buffer == null) {
            buffer = newBuffer(size);
            buffersAllocated++;
        }
        msg.setBuffersAllocated(buffersAllocated);
        // A fresh view each time: growing the Wasm memory detaches views made before.
        copyInto(buffer, Int8Array.fromJavaBuffer(frame), size);
        msg.setBuffer(buffer);
        msg.setSize(size);
        buffersOut++;
        return msg;
    }

    private void post(PictureMessage msg) {
        msg.setEpoch(epoch);
        if (decodeOnly) {
            Port.post(main, msg);
            return;
        }
        JSArray<JSObject> transfer = new JSArray<>();
        transfer.push(msg.getBuffer());
        Port.post(main, msg, transfer);
    }

    /** Packs the visible planes into {@link #frame} as 8-bit samples (deeper ones rounded); returns the byte count. */
    private int pack(Picture pic) {
        int size = 0;
        int planes = pic.planeCount();
        for (int p = 0; p < planes; p++) {
            size += pic.visibleWidth(p) * pic.visibleHeight(p);
        }
        if (frame.capacity() < size) {
            frame = ByteBuffer.allocateDirect(size);
        }
        frame.clear();
        for (int p = 0; p < planes; p++) {
            int w = pic.visibleWidth(p);
            int h = pic.visibleHeight(p);
            int x0 = pic.visibleX(p);
            int y0 = pic.visibleY(p);
            int stride = pic.stride[p];
            int base = pic.planeOffset[p] + y0 * stride + x0;
            if (pic.bitDepth <= 8) {
                byte[] src = pic.planes[p];
                for (int y = 0; y < h; y++) {
                    frame.put(src, base + y * stride, w);
                }
            } else {
                short[] src = pic.planes16[p];
                if (row8.length < w) {
                    row8 = new byte[w];
                }
                for (int y = 0; y < h; y++) {
                    Picture.narrowTo8(src, base + y * stride, w, pic.bitDepth, row8, 0);
                    frame.put(row8, 0, w);
                }
            }
        }
        return size;
    }

    private void fail(int code, String message) {
        if (closed) {
            return;
        }
        closed = true;
        ErrorMessage msg = stamp(Messages.create(Messages.ERROR));
        msg.setCode(code);
        msg.setMessage(message == null ? "error" : message);
        Port.post(main, msg);
    }

    private <T extends Message> T stamp(T m) {
        m.setSession(session);
        m.setEpoch(epoch);
        return m;
    }

    @JSBody(params = "b", script = "return b.byteLength;")
    private static native int byteLength(ArrayBuffer b);

    @JSBody(params = "size", script = "return new ArrayBuffer(size);")
    private static native ArrayBuffer newBuffer(int size);

    @JSBody(params = {"target", "source", "size"}, script = "new Int8Array(target, 0, size).set(source.subarray(0, size));")
    private static native void copyInto(ArrayBuffer target, Int8Array source, int size);
}
