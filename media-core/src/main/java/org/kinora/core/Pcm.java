package org.kinora.core;

/** Conversions of float samples to integer PCM. */
public final class Pcm {
    private Pcm() {
    }

    /**
     * {@code x * 32768} rounded half to even and clipped to 16 bits: what FFmpeg's
     * {@code lrintf}-based float-to-s16 conversion gives. NaN becomes 0.
     */
    public static int toS16(float x) {
        float v = x * 32768f;
        if (v >= 32767f) {
            return 32767;
        }
        if (v <= -32768f) {
            return -32768;
        }
        if (v != v) {
            return 0;
        }
        int t = (int) v;
        float frac = v - t;
        if (frac > 0.5f || (frac == 0.5f && (t & 1) != 0)) {
            t++;
        } else if (frac < -0.5f || (frac == -0.5f && (t & 1) != 0)) {
            t--;
        }
        return t;
    }
}
