package org.kinora.worker.protocol;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** {@code open}: main thread to a worker that becomes a source worker for {@code session}. */
public interface OpenRequest extends Message {
    /** Bytes of the source's first request, from byte 0. */
    int FIRST_READ = 256 * 1024;

    @JSProperty
    String getUrl();

    @JSProperty
    void setUrl(String url);

    /** The MessagePort to the video worker (absent: no video decoding). */
    @JSProperty
    JSObject getPort();

    @JSProperty
    void setPort(JSObject port);

    /**
     * The MessagePort to the sound output (absent: sound goes to the main thread, as
     * {@code Kinora.decode} wants it). Blocks and the end go there; their arrays come back on it.
     */
    @JSProperty
    JSObject getAudioPort();

    @JSProperty
    void setAudioPort(JSObject port);

    /** Seconds of media kept decoded ahead of the playhead; infinite to decode everything. */
    @JSProperty
    double getReadAhead();

    @JSProperty
    void setReadAhead(double seconds);

    /** A live stream: new connections tried in a row before giving up (absent: the default). */
    @JSProperty
    double getReconnectAttempts();

    @JSProperty
    void setReconnectAttempts(double attempts);

    /** A live stream: seconds without a byte after which the connection counts as lost. */
    @JSProperty
    double getStallTimeout();

    @JSProperty
    void setStallTimeout(double seconds);

    /**
     * Workers the video decoding may use: with 2, a decoder that can be split (Theora) runs its
     * first stage in the source worker and its second in the video worker.
     */
    @JSProperty
    int getDecodeThreads();

    @JSProperty
    void setDecodeThreads(int threads);

    /**
     * The main thread has asked for the first {@link #FIRST_READ} bytes itself, while the workers
     * started; the answer follows in an {@link Messages#EARLY} message, and the source's first
     * request takes it instead of asking again.
     */
    @JSProperty
    boolean isEarly();

    @JSProperty
    void setEarly(boolean early);
}
