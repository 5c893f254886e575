package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * {@code audio}: a block of decoded sound, source worker to the sound output's port (to the main
 * thread for {@code Kinora.decode}): one Float32Array per channel (transferred; arrays may be
 * longer than {@code frames}).
 */
public interface AudioMessage extends Message {
    /** Presentation time of the first sample, seconds (NaN when the stream gave none). */
    @JSProperty double getTime();
    @JSProperty void setTime(double seconds);
    @JSProperty int getSampleRate();
    @JSProperty void setSampleRate(int rate);
    @JSProperty int getChannels();
    @JSProperty void setChannels(int channels);
    @JSProperty int getFrames();
    @JSProperty void setFrames(int frames);
    @JSProperty JSArray<Float32Array> getPlanes();
    @JSProperty void setPlanes(JSArray<Float32Array> planes);
    /** Plane arrays the source worker has made so far (recycling keeps this flat). */
    @JSProperty int getPlanesAllocated();
    @JSProperty void setPlanesAllocated(int count);
}
