package org.kinora.aac;

import org.kinora.core.dsp.Imdct;

/**
 * The filterbank of ISO/IEC 14496-3 4.6.11: IMDCT of 2048 or 8 x 256 points, windowing by
 * window sequence with the previous block's shape on the left half, and overlap-add with the
 * previous block. The spectrum arrives already scaled by 2/N (see
 * {@link IndividualChannelStream}).
 */
final class Filterbank {
    private final Imdct longImdct = new Imdct(2048);
    private final Imdct shortImdct = new Imdct(256);
    private final float[] buf = new float[2048];
    private final float[] shortBuf = new float[256];

    /** Per-channel overlap state. */
    static final class State {
        final float[] overlap = new float[1024];
        int previousShape;

        void clear() {
            for (int i = 0; i < 1024; i++) {
                overlap[i] = 0;
            }
            previousShape = 0;
        }
    }

    /** Synthesises 1024 output samples into {@code out[offset ..]} and updates {@code state}. */
    void synthesise(float[] spec, IcsInfo info, State state, float[] out, int offset) {
        int seq = info.windowSequence;
        int shape = info.windowShape;
        int prevShape = state.previousShape;
        float[] y = buf;
        float[] ov = state.overlap;
        if (seq == IcsInfo.EIGHT_SHORT_SEQUENCE) {
            for (int i = 0; i < 2048; i++) {
                y[i] = 0;
            }
            float[] t = shortBuf;
            float[] cur = Windows.SHORT[shape];
            for (int w = 0; w < 8; w++) {
                // the IMDCT reads 128 coefficients starting at spec[w * 128]
                copyWindow(spec, w * 128);
                shortImdct.inverse(shortIn, t);
                float[] left = w == 0 ? Windows.SHORT[prevShape] : cur;
                int base = 448 + 128 * w;
                for (int n = 0; n < 128; n++) {
                    y[base + n] += t[n] * left[n];
                    y[base + 128 + n] += t[128 + n] * cur[127 - n];
                }
            }
        } else {
            longImdct.inverse(spec, y);
            if (seq == IcsInfo.LONG_STOP_SEQUENCE) {
                float[] left = Windows.SHORT[prevShape];
                for (int n = 0; n < 448; n++) {
                    y[n] = 0;
                }
                for (int n = 0; n < 128; n++) {
                    y[448 + n] *= left[n];
                }
            } else {
                float[] left = Windows.LONG[prevShape];
                for (int n = 0; n < 1024; n++) {
                    y[n] *= left[n];
                }
            }
            if (seq == IcsInfo.LONG_START_SEQUENCE) {
                float[] right = Windows.SHORT[shape];
                for (int n = 0; n < 128; n++) {
                    y[1472 + n] *= right[127 - n];
                }
                for (int n = 1600; n < 2048; n++) {
                    y[n] = 0;
                }
            } else {
                float[] right = Windows.LONG[shape];
                for (int n = 0; n < 1024; n++) {
                    y[1024 + n] *= right[1023 - n];
                }
            }
        }
        for (int n = 0; n < 1024; n++) {
            out[offset + n] = y[n] + ov[n];
        }
        System.arraycopy(y, 1024, ov, 0, 1024);
        state.previousShape = shape;
    }

    private final float[] shortIn = new float[128];

    private void copyWindow(float[] spec, int from) {
        System.arraycopy(spec, from, shortIn, 0, 128);
    }
}
