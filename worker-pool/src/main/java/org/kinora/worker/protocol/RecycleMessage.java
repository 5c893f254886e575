package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Float32Array;

/** {@code recycle} (a picture buffer) and {@code recycle-audio} (plane arrays) going back for reuse. */
public interface RecycleMessage extends Message {
    @JSProperty
    ArrayBuffer getBuffer();

    @JSProperty
    void setBuffer(ArrayBuffer buffer);

    @JSProperty
    JSArray<Float32Array> getPlanes();

    @JSProperty
    void setPlanes(JSArray<Float32Array> planes);
}
