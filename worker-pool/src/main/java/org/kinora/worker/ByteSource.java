package org.kinora.worker;

import org.kinora.core.MediaException;

/**
 * Where the source worker's bytes come from: an HTTP resource ({@link HttpReader}) or a live
 * WebSocket stream ({@link WebSocketReader}). Bytes arrive in order through the {@link Listener},
 * each chunk with the file offset of its first byte.
 */
interface ByteSource {
    interface Listener {
        /**
         * Bytes starting at {@code offset}; an empty chunk marks the end of the resource.
         * {@code totalLength} is -1 when not known (live streams, servers that do not say).
         */
        void onData(long offset, byte[] data, long totalLength);

        /** The last {@link #read} is complete: the source waits for the next one. */
        void onReady();

        void onError(MediaException error);
    }

    /**
     * Asks for about {@code length} bytes from {@code offset}. Chunks arrive through the listener
     * until the request is complete ({@link Listener#onReady}).
     */
    void read(long offset, int length);

    /** True while a {@link #read} is being answered. */
    boolean inFlight();

    /**
     * The resource is a live stream: from now on a failure is reported at once and never retried
     * from an offset (a new connection is a new stream; the listener reconnects).
     */
    void liveMode();

    /** Stops everything; nothing more reaches the listener. */
    void cancel();
}
