package org.kinora.worker.protocol;

import org.teavm.jso.JSProperty;

/**
 * {@code audio-format}: source worker to main thread, before {@code tracks}, when the demuxer knows
 * the sound track it will play but reads on before announcing the tracks (Ogg reads the file's
 * tail for the duration): the main thread can start making the sound output meanwhile. The
 * {@code tracks} message that follows stays the one that counts.
 */
public interface AudioFormatMessage extends Message {
    /** What the sound output's AudioContext is made at; the node's channels wait for the tracks. */
    @JSProperty int getSampleRate();
    @JSProperty void setSampleRate(int hz);
}
