package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/** {@code tracks}: source worker to main thread, once the stream headers are read. */
public interface TracksMessage extends Message {
    /** Seconds, NaN when unknown, infinite for a live stream. */
    @JSProperty
    double getDuration();

    @JSProperty
    void setDuration(double seconds);

    /** Whether {@code seek} works for this source. */
    @JSProperty
    boolean isSeekable();

    @JSProperty
    void setSeekable(boolean seekable);

    /** A live stream: no length, no duration; read continuously, never seekable. */
    @JSProperty
    boolean isLive();

    @JSProperty
    void setLive(boolean live);

    /** The video track, or null. */
    @JSProperty
    TrackMessage getVideo();

    @JSProperty
    void setVideo(TrackMessage track);

    /** The audio track, or null. */
    @JSProperty
    TrackMessage getAudio();

    @JSProperty
    void setAudio(TrackMessage track);
}
