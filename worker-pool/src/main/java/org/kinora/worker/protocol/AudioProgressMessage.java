package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/**
 * {@code audio-progress}: source worker to main thread when sound goes to an audio port: how far
 * the sound sent (or held) reaches, at most every {@code 0.1} s of media. The main thread's
 * read-ahead and ready state follow it without seeing the blocks.
 */
public interface AudioProgressMessage extends Message {
    /** End time of the newest block, seconds. */
    @JSProperty double getEnd();
    @JSProperty void setEnd(double seconds);
    /** Plane arrays the source worker has made so far (recycling keeps this flat). */
    @JSProperty int getPlanesAllocated();
    @JSProperty void setPlanesAllocated(int count);
}
