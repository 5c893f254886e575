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
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The video worker of one player: takes packets from the source worker's port, decodes them and
 * sends pictures to the main thread. Each picture travels as the visible Y, U and V planes packed
 * without padding in one ArrayBuffer, transferred; the main thread sends buffers back
 * ({@code recycle}) and decoding waits while all {@link #MAX_BUFFERS} are out, so a slow page
 * holds the pipeline instead of growing memory.
 *
 * <p>In decode-only mode pictures are not sent; each frame's MD5 and timing are.
 */
final class VideoRole {
    static final int MAX_BUFFERS = 6;

    private final JSObject main;
    private final JSObject port;
    private final boolean decodeOnly;
    private final boolean md5;
    private final ArrayDeque<JSObject> packets = new ArrayDeque<>();
    private final ArrayDeque<ArrayBuffer> freeBuffers = new ArrayDeque<>();
    private final PictureDigest digest = new PictureDigest();
    private final Packet packet = new Packet();
    private int buffersOut;
    private int buffersAllocated;
    private TrackInfo track;
    private VideoDecoder decoder;
    private boolean eos;
    private boolean finished;
    /**
     * The packed picture. A direct buffer: in the Wasm GC build it lives in linear memory, so the
     * typed-array view on it costs no copy and one {@code set} moves the frame into a recycled
     * ArrayBuffer.
     */
    private ByteBuffer frame = ByteBuffer.allocateDirect(0);
    private int frames;
    private double decodeMs;

    VideoRole(JSObject main, JSObject port, boolean decodeOnly, boolean md5) {
        this.main = main;
        this.port = port;
        this.decodeOnly = decodeOnly;
        this.md5 = md5;
        Port.listen(port, this::onPortMessage);
    }

    void stop() {
        finished = true;
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
        if (finished) {
            return;
        }
        String type = Js.getString(data, "type");
        try {
            if ("config".equals(type)) {
                track = TrackMessages.fromJs(Js.get(data, "track"));
                decoder = Codecs.video(track);
            } else if ("packet".equals(type)) {
                packets.add(data);
            } else if ("eos".equals(type)) {
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
        if (finished) {
            return;
        }
        if (decoder == null) {
            if (eos) {
                // the stream had no video track
                JSObject done = Js.object();
                Js.setString(done, "type", "video-eos");
                Js.setInt(done, "frames", 0);
                Js.setNumber(done, "decodeMs", 0);
                Port.post(main, done);
                finished = true;
            }
            return;
        }
        try {
            while (canSend() && !packets.isEmpty()) {
                JSObject msg = packets.poll();
                byte[] bytes = new Int8Array((ArrayBuffer) Js.get(msg, "data")).copyToJavaArray();
                packet.set(track.id(), bytes, 0, bytes.length);
                double pts = Js.getNumber(msg, "pts");
                packet.pts = Double.isNaN(pts) ? Packet.NO_TIMESTAMP : (long) pts;
                packet.keyframe = Js.getBoolean(msg, "keyframe");
                double t0 = Port.now();
                decoder.decode(packet);
                decodeMs += Port.now() - t0;
                drain();
            }
            if (eos && packets.isEmpty() && canSend()) {
                double t0 = Port.now();
                decoder.flush();
                decodeMs += Port.now() - t0;
                drain();
                JSObject done = Js.object();
                Js.setString(done, "type", "video-eos");
                Js.setInt(done, "frames", frames);
                Js.setNumber(done, "decodeMs", decodeMs);
                Port.post(main, done);
                finished = true;
            }
        } catch (MediaException e) {
            fail(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            fail(MediaException.MEDIA_ERR_DECODE, "internal error: " + e);
        }
    }

    private void drain() {
        for (Picture pic = decoder.receive(); pic != null; pic = decoder.receive()) {
            send(pic);
        }
    }

    private void send(Picture pic) {
        frames++;
        JSObject msg = Js.object();
        Js.setString(msg, "type", "picture");
        Js.setNumber(msg, "time", pic.pts == Packet.NO_TIMESTAMP ? Double.NaN : (double) pic.pts / track.timescale());
        Js.setInt(msg, "width", pic.cropWidth);
        Js.setInt(msg, "height", pic.cropHeight);
        Js.setInt(msg, "chroma", pic.chromaFormat);
        Js.setInt(msg, "chromaWidth", pic.visibleWidth(1));
        Js.setInt(msg, "chromaHeight", pic.visibleHeight(1));
        Js.setInt(msg, "pixelAspectNum", pic.pixelAspectNum);
        Js.setInt(msg, "pixelAspectDen", pic.pixelAspectDen);
        Js.setInt(msg, "matrix", pic.colour.matrixCoefficients);
        Js.setBoolean(msg, "fullRange", pic.colour.fullRange);
        Js.setNumber(msg, "decodeMs", decodeMs);
        if (md5) {
            Js.setString(msg, "md5", digest.md5Hex(pic));
        }
        if (decodeOnly) {
            Port.post(main, msg);
            return;
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
        Js.setInt(msg, "buffersAllocated", buffersAllocated);
        // A fresh view each time: growing the Wasm memory detaches views made before.
        copyInto(buffer, Int8Array.fromJavaBuffer(frame), size);
        Js.set(msg, "buffer", buffer);
        Js.setInt(msg, "size", size);
        JSArray<JSObject> transfer = Js.array();
        transfer.push(buffer);
        buffersOut++;
        Port.post(main, msg, transfer);
    }

    /** Packs the visible planes of 8-bit samples into {@link #frame}; returns the byte count. */
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
                int shift = pic.bitDepth - 8;
                for (int y = 0; y < h; y++) {
                    int row = base + y * stride;
                    for (int x = 0; x < w; x++) {
                        frame.put((byte) (src[row + x] >> shift));
                    }
                }
            }
        }
        return size;
    }

    private void fail(int code, String message) {
        if (finished) {
            return;
        }
        finished = true;
        JSObject msg = Js.object();
        Js.setString(msg, "type", "error");
        Js.setInt(msg, "code", code);
        Js.setString(msg, "message", message == null ? "error" : message);
        Port.post(main, msg);
    }

    @JSBody(params = "b", script = "return b.byteLength;")
    private static native int byteLength(ArrayBuffer b);

    @JSBody(params = "size", script = "return new ArrayBuffer(size);")
    private static native ArrayBuffer newBuffer(int size);

    @JSBody(params = {"target", "source", "size"}, script = "new Int8Array(target, 0, size).set(source.subarray(0, size));")
    private static native void copyInto(ArrayBuffer target, Int8Array source, int size);
}
