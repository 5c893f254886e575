package org.kinora.worker;

import java.nio.ByteBuffer;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.TrackInfo;
import org.kinora.core.VideoDecoder;
import org.kinora.theora.TheoraBuildStage;
import org.kinora.worker.protocol.FrameMessage;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.RecycleMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * The video worker's half of a decoder split across two workers (see {@link VideoOut}): takes
 * the {@code frame} messages of the source worker's first stage, reads each one's buffer into
 * Java arrays, sends the buffer back at once, and builds the picture
 * ({@link TheoraBuildStage}). To the video worker it is a decoder like the others, fed frames
 * instead of packets.
 */
final class SplitVideoDecoder implements VideoDecoder {
    private final TheoraBuildStage stage;
    private final JSObject port;
    private int[] handOver = new int[0];
    private Picture pending;

    SplitVideoDecoder(TrackInfo track, JSObject port) {
        this.stage = new TheoraBuildStage(track);
        this.port = port;
    }

    /** Builds the frame of {@code m}; its buffer goes back to the source worker first. */
    void decode(FrameMessage m) {
        pending = null;
        int length = m.getLength();
        int planeBytes = m.getPlaneBytes();
        int size = 4 * length + 2 * planeBytes;
        ArrayBuffer data = m.getData();
        int bytes = TransferBuffers.byteLength(data);
        if (length < 1 || planeBytes < 0 || size > bytes) {
            giveBack(port, m);
            throw new IllegalStateException("a parsed frame of " + bytes + " bytes for " + size);
        }
        ByteBuffer staging = DirectBuffers.get(DirectBuffers.FRAME, size);
        TransferBuffers.copyIn(staging, data, size);
        giveBack(port, m);
        if (handOver.length < length) {
            handOver = new int[length + (length >> 3)];
        }
        staging.clear();
        staging.asIntBuffer().get(handOver, 0, length);
        if (planeBytes > 0) {
            byte[] cb = stage.chromaPlane(1);
            byte[] cr = stage.chromaPlane(2);
            if (cb.length != planeBytes) {
                throw new IllegalStateException("chroma planes of " + planeBytes + " bytes, the stream's have " + cb.length);
            }
            staging.position(4 * length);
            staging.get(cb, 0, planeBytes);
            staging.get(cr, 0, planeBytes);
        }
        double pts = m.getPts();
        pending = stage.build(handOver, length, Double.isNaN(pts) ? Packet.NO_TIMESTAMP : (long) pts);
    }

    /** Sends the buffer of a frame message back to the source worker (read, or dropped unread). */
    static void giveBack(JSObject port, FrameMessage m) {
        RecycleMessage r = Messages.create(Messages.RECYCLE);
        r.setSession(m.getSession());
        r.setEpoch(m.getEpoch());
        r.setBuffer(m.getData());
        JSArray<JSObject> transfer = new JSArray<>();
        transfer.push(m.getData());
        Port.post(port, r, transfer);
    }

    @Override
    public void decode(Packet packet) {
        throw new IllegalStateException("a split decoder takes parsed frames, not packets");
    }

    @Override
    public Picture receive() {
        Picture p = pending;
        pending = null;
        return p;
    }

    @Override
    public void flush() {
    }

    @Override
    public void reset() {
        stage.reset();
        pending = null;
    }
}
