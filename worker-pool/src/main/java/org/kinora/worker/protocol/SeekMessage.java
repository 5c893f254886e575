package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/**
 * {@code seek}: main thread to the source worker, and the source worker to the video worker's
 * port. Starts {@code epoch}: every later stream message carries it. With {@code exact}, output
 * starts at {@code time} (the picture whose interval contains it, audio from that sample);
 * otherwise at the random-access point before it.
 */
public interface SeekMessage extends Message {
    @JSProperty
    double getTime();

    @JSProperty
    void setTime(double seconds);

    @JSProperty
    boolean isExact();

    @JSProperty
    void setExact(boolean exact);
}
