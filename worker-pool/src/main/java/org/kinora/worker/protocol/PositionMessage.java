package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/** {@code position}: the playhead, main thread to the source worker; drives its read-ahead. */
public interface PositionMessage extends Message {
    @JSProperty
    double getTime();

    @JSProperty
    void setTime(double seconds);

    @JSProperty
    double getReadAhead();

    @JSProperty
    void setReadAhead(double seconds);
}
