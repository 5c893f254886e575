package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/**
 * {@code progress}: source worker to main thread, as bytes arrive (at most every 100 ms) and
 * whenever reading starts or pauses. Says how many bytes have been received, whether the source
 * is reading ({@code loading}; false when the read-ahead is full or the input is exhausted), and
 * the time range demuxed since the current epoch began ({@code from} and {@code to}, seconds; NaN
 * before its first packet).
 */
public interface ProgressMessage extends Message {
    @JSProperty double getBytes();
    @JSProperty void setBytes(double bytes);
    /** The resource's length in bytes, -1 when not known. */
    @JSProperty double getTotal();
    @JSProperty void setTotal(double total);
    @JSProperty boolean isLoading();
    @JSProperty void setLoading(boolean loading);
    @JSProperty double getFrom();
    @JSProperty void setFrom(double seconds);
    @JSProperty double getTo();
    @JSProperty void setTo(double seconds);
}
