package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/**
 * {@code error}: a fatal condition, with a MediaError code. {@code decode-error}: one packet could
 * not be decoded and was dropped; {@code count} is the sender's total so far. {@code reconnect}: a
 * live stream's connection was lost and a new one is being made; {@code count} is the number of
 * reconnections so far.
 */
public interface ErrorMessage extends Message {
    @JSProperty int getCode();
    @JSProperty void setCode(int code);
    @JSProperty String getMessage();
    @JSProperty void setMessage(String message);
    @JSProperty int getCount();
    @JSProperty void setCount(int count);
}
