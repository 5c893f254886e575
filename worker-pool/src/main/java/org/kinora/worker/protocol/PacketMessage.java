package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** {@code packet}: one video packet, source worker to the video worker's port. */
public interface PacketMessage extends Message {
    @JSProperty ArrayBuffer getData();
    @JSProperty void setData(ArrayBuffer data);
    /** Timestamp in track ticks; NaN when unknown. */
    @JSProperty double getPts();
    @JSProperty void setPts(double pts);
    @JSProperty boolean isKeyframe();
    @JSProperty void setKeyframe(boolean keyframe);
}
