package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/** {@code config}: the video track, source worker to the video worker's port. */
public interface ConfigMessage extends Message {
    @JSProperty TrackMessage getTrack();
    @JSProperty void setTrack(TrackMessage track);
}
