package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * {@code picture}: video worker to main thread. The visible Y, U and V planes packed without
 * padding in {@code buffer} (transferred; absent in decode-only mode). The renderer reads these
 * fields by name.
 */
public interface PictureMessage extends Message {
    /** Presentation time, seconds (NaN when unknown). */
    @JSProperty double getTime();
    @JSProperty void setTime(double seconds);
    @JSProperty int getWidth();
    @JSProperty void setWidth(int width);
    @JSProperty int getHeight();
    @JSProperty void setHeight(int height);
    /** Chroma format: 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4. */
    @JSProperty int getChroma();
    @JSProperty void setChroma(int chroma);
    @JSProperty int getChromaWidth();
    @JSProperty void setChromaWidth(int w);
    @JSProperty int getChromaHeight();
    @JSProperty void setChromaHeight(int h);
    @JSProperty int getPixelAspectNum();
    @JSProperty void setPixelAspectNum(int v);
    @JSProperty int getPixelAspectDen();
    @JSProperty void setPixelAspectDen(int v);
    @JSProperty int getMatrix();
    @JSProperty void setMatrix(int v);
    @JSProperty boolean isFullRange();
    @JSProperty void setFullRange(boolean v);
    /** Total decode time of the session so far, milliseconds. */
    @JSProperty double getDecodeMs();
    @JSProperty void setDecodeMs(double ms);
    @JSProperty String getMd5();
    @JSProperty void setMd5(String md5);
    @JSProperty ArrayBuffer getBuffer();
    @JSProperty void setBuffer(ArrayBuffer buffer);
    @JSProperty int getSize();
    @JSProperty void setSize(int size);
    @JSProperty int getBuffersAllocated();
    @JSProperty void setBuffersAllocated(int count);
}
