package org.kinora.worker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The worker's direct buffers, one per use, kept for the worker's life and shared by the sessions
 * it serves one after the other. In the Wasm GC build a direct buffer lives in a region of linear
 * memory of bounded size (32 MB) and is given back only when the JavaScript garbage collector
 * finalizes it, which a worker busy with Wasm code may not do for a long time: buffers made per
 * session, or grown a little at a time, used that region up after a few hundred sessions
 * ({@code allocateDirect} failed and the worker died). Here a buffer grows at least twofold and
 * only when it must. Each use fills and empties its buffer within one call, so one per use and
 * worker is enough.
 */
final class DirectBuffers {
    /** A video packet on its way into a transferred ArrayBuffer (source worker). */
    static final int PACKET = 0;
    /** A parsed frame on its way out (source worker) and in (video worker). */
    static final int FRAME = 1;
    /** A packed picture (video worker). */
    static final int PICTURE = 2;
    /** One plane of a sound block (source worker). */
    static final int AUDIO = 3;

    private static final ByteBuffer[] BUFFERS = new ByteBuffer[4];

    private DirectBuffers() {
    }

    /** The buffer of {@code use}, at least {@code capacity} bytes, cleared and little-endian; its bytes are not kept. */
    static ByteBuffer get(int use, int capacity) {
        ByteBuffer b = BUFFERS[use];
        if (b == null || b.capacity() < capacity) {
            int size = Math.max(capacity, b == null ? 64 * 1024 : 2 * b.capacity());
            b = ByteBuffer.allocateDirect(size);
            BUFFERS[use] = b;
        }
        b.clear();
        b.order(ByteOrder.LITTLE_ENDIAN);
        return b;
    }
}
