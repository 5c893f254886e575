package org.kinora.core;

/**
 * Decoded audio: {@link #frames} samples per channel, planar float in [-1, 1], channels in
 * WAVE / WebAudio order (L, R, C, LFE, back L, back R, side L, side R for 7.1).
 *
 * <p>A decoder owns the blocks it returns and reuses their arrays: a block is valid until the next
 * call to the decoder. {@code samples[c]} may be longer than {@link #frames}.
 */
public final class AudioBlock {
    public int channels;
    public int sampleRate;
    public int frames;
    public float[][] samples = new float[0][];
    /** Presentation time of the first sample in the track's ticks, or {@link Packet#NO_TIMESTAMP}. */
    public long pts = Packet.NO_TIMESTAMP;

    /** Makes sure there are {@code channels} arrays of at least {@code capacity} samples each. */
    public void ensureCapacity(int channels, int capacity) {
        if (samples.length != channels) {
            float[][] n = new float[channels][];
            for (int c = 0; c < channels; c++) {
                n[c] = c < samples.length ? samples[c] : null;
            }
            samples = n;
        }
        for (int c = 0; c < channels; c++) {
            if (samples[c] == null || samples[c].length < capacity) {
                samples[c] = new float[capacity];
            }
        }
        this.channels = channels;
    }
}
