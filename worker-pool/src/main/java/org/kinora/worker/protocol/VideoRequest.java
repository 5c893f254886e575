package org.kinora.worker.protocol;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** {@code video}: main thread to a worker that becomes the video worker of {@code session}. */
public interface VideoRequest extends Message {
    @JSProperty
    JSObject getPort();

    @JSProperty
    void setPort(JSObject port);

    /** Pictures are not sent, only their time (and MD5): {@code Kinora.decode}. */
    @JSProperty
    boolean isDecodeOnly();

    @JSProperty
    void setDecodeOnly(boolean decodeOnly);

    @JSProperty
    boolean isMd5();

    @JSProperty
    void setMd5(boolean md5);
}
