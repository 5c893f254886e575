package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * {@code frame}: one video frame parsed by the first stage of a split decoder, source worker to
 * the video worker's port. {@code data} holds the hand-over ({@code length} 32-bit integers,
 * little-endian) followed by {@code planeBytes} bytes of each plane the first stage built (none
 * for a repeated frame). The video worker sends the buffer back ({@code recycle} on the same
 * port) once it has read it.
 */
public interface FrameMessage extends Message {
    @JSProperty ArrayBuffer getData();
    @JSProperty void setData(ArrayBuffer data);
    @JSProperty int getLength();
    @JSProperty void setLength(int length);
    @JSProperty int getPlaneBytes();
    @JSProperty void setPlaneBytes(int bytes);
    /** Timestamp in track ticks; NaN when unknown. */
    @JSProperty double getPts();
    @JSProperty void setPts(double pts);
    @JSProperty boolean isKeyframe();
    @JSProperty void setKeyframe(boolean keyframe);
    /** The first stage's time so far, this frame included, milliseconds. */
    @JSProperty double getParseMs();
    @JSProperty void setParseMs(double ms);
}
