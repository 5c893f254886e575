package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/**
 * {@code audio-hold}: main thread to the source worker. Held, blocks are kept in the worker instead
 * of going to the audio port, and the ones the playhead has passed are dropped there (muted
 * playback without a running AudioContext); released, the kept ones go to the port in order.
 */
public interface AudioHoldMessage extends Message {
    @JSProperty boolean isHold();
    @JSProperty void setHold(boolean hold);
}
