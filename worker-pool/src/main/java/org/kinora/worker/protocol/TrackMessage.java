package org.kinora.worker.protocol;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** A track's description as it crosses between threads (see {@code TrackMessages}). */
public interface TrackMessage extends JSObject {
    @JSProperty int getId();
    @JSProperty void setId(int id);
    @JSProperty String getType();
    @JSProperty void setType(String type);
    @JSProperty String getCodec();
    @JSProperty void setCodec(String codec);
    @JSProperty double getTimescale();
    @JSProperty void setTimescale(double timescale);
    @JSProperty double getDuration();
    @JSProperty void setDuration(double duration);
    @JSProperty int getWidth();
    @JSProperty void setWidth(int width);
    @JSProperty int getHeight();
    @JSProperty void setHeight(int height);
    @JSProperty int getPixelAspectNum();
    @JSProperty void setPixelAspectNum(int v);
    @JSProperty int getPixelAspectDen();
    @JSProperty void setPixelAspectDen(int v);
    @JSProperty int getFrameRateNum();
    @JSProperty void setFrameRateNum(int v);
    @JSProperty int getFrameRateDen();
    @JSProperty void setFrameRateDen(int v);
    @JSProperty int getSampleRate();
    @JSProperty void setSampleRate(int v);
    @JSProperty int getChannels();
    @JSProperty void setChannels(int v);
    @JSProperty JSArray<ArrayBuffer> getHeaders();
    @JSProperty void setHeaders(JSArray<ArrayBuffer> headers);
    /** Codec configuration record, or undefined. */
    @JSProperty ArrayBuffer getConfig();
    @JSProperty void setConfig(ArrayBuffer config);
}
