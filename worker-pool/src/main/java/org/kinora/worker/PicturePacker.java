package org.kinora.worker;

import java.nio.ByteBuffer;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;
import org.kinora.worker.protocol.PictureMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * The pixels of the video worker's picture messages: each picture travels as the visible Y, U and
 * V planes packed without padding in one ArrayBuffer, transferred; the main thread sends buffers
 * back ({@code recycle}) and at most {@link #MAX_BUFFERS} are out, so a slow page holds the
 * pipeline instead of growing memory. In decode-only mode a picture message carries no pixels,
 * only the frame's MD5 when asked for.
 */
final class PicturePacker {
    static final int MAX_BUFFERS = 6;

    private final boolean decodeOnly;
    private final boolean md5;
    private final PictureDigest digest = new PictureDigest();
    private final TransferBuffers buffers = new TransferBuffers();
    private int buffersOut;
    /** One row of deeper samples narrowed to 8 bits, on its way into the packed picture. */
    private byte[] row8 = new byte[0];

    PicturePacker(boolean decodeOnly, boolean md5) {
        this.decodeOnly = decodeOnly;
        this.md5 = md5;
    }

    /** Whether another picture may go out now. */
    boolean canSend() {
        return decodeOnly || buffersOut < MAX_BUFFERS;
    }

    /** A buffer back from the main thread (null or empty: gone, not reusable). */
    void recycle(ArrayBuffer buffer) {
        buffersOut--;
        buffers.giveBack(buffer);
    }

    /** A picture message made by {@link #fill} that will not be sent: its buffer is free again. */
    void release(PictureMessage msg) {
        if (!decodeOnly) {
            buffersOut--;
            buffers.giveBack(msg.getBuffer());
        }
    }

    /** Puts {@code pic}'s MD5 (when asked for) and, unless decode-only, its packed planes into {@code msg}. */
    void fill(PictureMessage msg, Picture pic) {
        if (md5) {
            msg.setMd5(digest.md5Hex(pic));
        }
        if (decodeOnly) {
            return;
        }
        ByteBuffer frame = pack(pic);
        int size = frame.position();
        msg.setBuffer(buffers.fill(frame, size, 0));
        msg.setBuffersAllocated(buffers.allocated());
        msg.setSize(size);
        buffersOut++;
    }

    /** Sends a filled message to the main thread, its buffer transferred. */
    void post(JSObject main, PictureMessage msg) {
        if (decodeOnly) {
            Port.post(main, msg);
            return;
        }
        JSArray<JSObject> transfer = new JSArray<>();
        transfer.push(msg.getBuffer());
        Port.post(main, msg, transfer);
    }

    /**
     * Packs the visible planes as 8-bit samples (deeper ones rounded) into the worker's picture
     * buffer ({@link DirectBuffers#PICTURE}), whose position is then the byte count.
     */
    private ByteBuffer pack(Picture pic) {
        int size = 0;
        int planes = pic.planeCount();
        for (int p = 0; p < planes; p++) {
            size += pic.visibleWidth(p) * pic.visibleHeight(p);
        }
        // A direct buffer: in the Wasm GC build it lives in linear memory, so the typed-array view
        // on it costs no copy and one set moves the frame into a recycled ArrayBuffer.
        ByteBuffer frame = DirectBuffers.get(DirectBuffers.PICTURE, size);
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
        return frame;
    }
}
