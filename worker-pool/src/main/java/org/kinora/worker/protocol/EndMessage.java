package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/**
 * {@code eos} (source worker: the input is exhausted, every audio block is sent) and
 * {@code video-eos} (video worker: every picture is sent).
 */
public interface EndMessage extends Message {
    @JSProperty double getAudioSamples();
    @JSProperty void setAudioSamples(double samples);
    @JSProperty int getFrames();
    @JSProperty void setFrames(int frames);
    /** Total decode time of the track(s) the sender decodes, milliseconds. */
    @JSProperty double getDecodeMs();
    @JSProperty void setDecodeMs(double ms);
    /** Video worker, with a split decoder: the source worker's time in the first stage, milliseconds. */
    @JSProperty double getParseMs();
    @JSProperty void setParseMs(double ms);
}
