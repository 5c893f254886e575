package org.kinora.core;

/**
 * Turns an audio track's packets into planar float samples. Not thread-safe.
 *
 * <p>Same protocol as {@link VideoDecoder}: {@link #decode}, then {@link #receive} until null.
 */
public interface AudioDecoder {
    /** Decodes one data packet; stream headers come from the decoder's {@link TrackInfo}. */
    void decode(Packet packet);

    /** The next block of samples, or null. Valid until the next call to the decoder. */
    AudioBlock receive();

    /** End of stream. */
    void flush();

    /** Forgets overlap and pending output but keeps stream headers (after a seek). */
    void reset();
}
