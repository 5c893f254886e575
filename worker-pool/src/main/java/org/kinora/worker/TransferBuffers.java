package org.kinora.worker;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * ArrayBuffers that travel to another thread, transferred, and come back for reuse (pictures to
 * the main thread, parsed frames to the video worker), and the moves of their bytes to and from a
 * worker's {@link DirectBuffers}: in the Wasm GC build a direct buffer lives in linear memory, so a
 * typed-array view on it costs no copy and each move is one {@code set}.
 */
final class TransferBuffers {
    private final ArrayDeque<ArrayBuffer> free = new ArrayDeque<>();
    private int allocated;

    /** A buffer back from the other side (null or empty: transferred away for good, not reusable). */
    void giveBack(ArrayBuffer buffer) {
        if (buffer != null && byteLength(buffer) > 0) {
            free.add(buffer);
        }
    }

    /**
     * A buffer holding the first {@code size} bytes of {@code source}: a free one that is large
     * enough, or a new one with {@code slack} bytes more (buffers too small for it are dropped).
     */
    ArrayBuffer fill(ByteBuffer source, int size, int slack) {
        ArrayBuffer buffer = free.poll();
        while (buffer != null && byteLength(buffer) < size) {
            buffer = free.poll();
        }
        if (buffer == null) {
            buffer = newBuffer(size + slack);
            allocated++;
        }
        // A fresh view each time: growing the Wasm memory detaches views made before.
        copyInto(buffer, Int8Array.fromJavaBuffer(source), size);
        return buffer;
    }

    /** Buffers made so far. */
    int allocated() {
        return allocated;
    }

    /** A new ArrayBuffer holding the first {@code size} bytes of {@code source} (one that does not come back). */
    static ArrayBuffer copyOut(ByteBuffer source, int size) {
        return sliceOut(Int8Array.fromJavaBuffer(source), size);
    }

    /** Moves the first {@code size} bytes of {@code source} to the start of {@code target}. */
    static void copyIn(ByteBuffer target, ArrayBuffer source, int size) {
        copyFrom(Int8Array.fromJavaBuffer(target), source, size);
    }

    @JSBody(params = "b", script = "return b.byteLength;")
    static native int byteLength(ArrayBuffer b);

    @JSBody(params = "size", script = "return new ArrayBuffer(size);")
    private static native ArrayBuffer newBuffer(int size);

    @JSBody(params = {"target", "source", "size"}, script = "new Int8Array(target, 0, size).set(source.subarray(0, size));")
    private static native void copyInto(ArrayBuffer target, Int8Array source, int size);

    @JSBody(params = {"view", "size"}, script = "return view.slice(0, size).buffer;")
    private static native ArrayBuffer sliceOut(Int8Array view, int size);

    @JSBody(params = {"target", "source", "size"}, script = "target.set(new Int8Array(source, 0, size));")
    private static native void copyFrom(Int8Array target, ArrayBuffer source, int size);
}
