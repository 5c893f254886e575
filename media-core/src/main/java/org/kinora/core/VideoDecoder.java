package org.kinora.core;

/**
 * Turns a video track's packets into pictures in presentation order. Not thread-safe.
 *
 * <p>Use: {@link #decode} a packet, then call {@link #receive} until it returns null; at the end
 * of the stream {@link #flush} and drain {@link #receive} again. After a seek, {@link #reset} and
 * feed packets from a random-access point.
 */
public interface VideoDecoder {
    /**
     * Decodes one data packet. Stream headers come from the {@link TrackInfo} the decoder was
     * made with ({@link TrackInfo#codecHeaders()}, {@link TrackInfo#codecConfig()}).
     *
     * @throws MediaException when the packet cannot be decoded; the decoder stays usable and
     *     conceals what it can on later packets where the codec allows.
     */
    void decode(Packet packet);

    /** The next picture in presentation order, or null when none is ready. Valid until the next call. */
    Picture receive();

    /** End of stream: pictures held for reordering become available to {@link #receive}. */
    void flush();

    /** Forgets decoding state (reference pictures, pending output) but keeps stream headers. */
    void reset();
}
