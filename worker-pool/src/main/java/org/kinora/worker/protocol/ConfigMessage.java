package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/** {@code config}: the video track, source worker to the video worker's port. */
public interface ConfigMessage extends Message {
    @JSProperty TrackMessage getTrack();
    @JSProperty void setTrack(TrackMessage track);
    /**
     * The track's frames come parsed ({@code frame} messages, not {@code packet}s): the source
     * worker runs the first stage of a decoder split across the two workers.
     */
    @JSProperty boolean isSplit();
    @JSProperty void setSplit(boolean split);
}
