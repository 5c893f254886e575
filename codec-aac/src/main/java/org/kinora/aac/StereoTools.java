package org.kinora.aac;

/**
 * Joint-stereo tools of a channel_pair_element and perceptual noise substitution:
 * M/S (ISO/IEC 14496-3 4.6.8.1), intensity stereo (4.6.8.2) and PNS (4.6.13).
 */
final class StereoTools {
    private StereoTools() {
    }

    /**
     * Fills the noise bands of one channel (4.6.13.3): uniform random values scaled so the band's
     * energy per window is 2^(noise_nrg / 2). When {@code correlatedWith} is not null (a CPE band
     * with ms_used where both channels are noise) the left channel's values are reused.
     */
    static int noise(IndividualChannelStream ics, int seed, IndividualChannelStream left, boolean[] msUsed) {
        IcsInfo info = ics.info;
        int windowLength = info.numWindows == 8 ? 128 : 1024;
        float outputScale = info.numWindows == 8 ? 1f / (128 * 32768) : 1f / (1024 * 32768);
        float[] s = ics.spec;
        int window = 0;
        for (int g = 0; g < info.numWindowGroups; g++) {
            int base = g * IndividualChannelStream.MAX_SFB;
            for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                if (ics.sfbCb[base + sfb] != IndividualChannelStream.NOISE_HCB) {
                    continue;
                }
                boolean correlated = left != null && msUsed[base + sfb]
                        && left.sfbCb[base + sfb] == IndividualChannelStream.NOISE_HCB;
                int nrg = Math.max(-155, Math.min(100, ics.scaleFactor[base + sfb]));
                float gain = IndividualChannelStream.POW2_QUARTER[nrg + 200] * outputScale;
                for (int w = window; w < window + info.windowGroupLength[g]; w++) {
                    int start = w * windowLength + info.swbOffset[sfb];
                    int end = w * windowLength + info.swbOffset[sfb + 1];
                    float energy = 0;
                    for (int i = start; i < end; i++) {
                        float v;
                        if (correlated) {
                            v = left.spec[i];
                        } else {
                            seed = seed * 1664525 + 1013904223;
                            v = seed >> 8;
                        }
                        s[i] = v;
                        energy += v * v;
                    }
                    if (energy > 0) {
                        float scale = gain / (float) Math.sqrt(energy);
                        for (int i = start; i < end; i++) {
                            s[i] *= scale;
                        }
                    }
                }
            }
            window += info.windowGroupLength[g];
        }
        return seed;
    }

    /**
     * M/S (4.6.8.1.3) on bands with ms_used where neither channel is noise nor intensity, then
     * intensity stereo (4.6.8.2.3) into the right channel's intensity bands.
     */
    static void apply(IndividualChannelStream l, IndividualChannelStream r, int msMaskPresent, boolean[] msUsed) {
        IcsInfo info = r.info;
        int windowLength = info.numWindows == 8 ? 128 : 1024;
        float[] ls = l.spec;
        float[] rs = r.spec;
        int window = 0;
        for (int g = 0; g < info.numWindowGroups; g++) {
            int base = g * IndividualChannelStream.MAX_SFB;
            for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                int idx = base + sfb;
                int rcb = r.sfbCb[idx];
                boolean intensity = rcb == IndividualChannelStream.INTENSITY_HCB || rcb == IndividualChannelStream.INTENSITY_HCB2;
                boolean used = msMaskPresent != 0 && msUsed[idx];
                if (intensity) {
                    // 4.6.8.2.3: scale = invert_intensity * is_intensity * 0.5^(0.25 * is_position)
                    int pos = Math.max(-100, Math.min(155, r.scaleFactor[idx]));
                    float scale = IndividualChannelStream.POW2_QUARTER[200 - pos];
                    if (rcb == IndividualChannelStream.INTENSITY_HCB2) {
                        scale = -scale;
                    }
                    if (used) {
                        scale = -scale;
                    }
                    for (int w = window; w < window + info.windowGroupLength[g]; w++) {
                        int start = w * windowLength + info.swbOffset[sfb];
                        int end = w * windowLength + info.swbOffset[sfb + 1];
                        for (int i = start; i < end; i++) {
                            rs[i] = ls[i] * scale;
                        }
                    }
                } else if (used && rcb != IndividualChannelStream.NOISE_HCB
                        && l.sfbCb[idx] != IndividualChannelStream.NOISE_HCB) {
                    for (int w = window; w < window + info.windowGroupLength[g]; w++) {
                        int start = w * windowLength + info.swbOffset[sfb];
                        int end = w * windowLength + info.swbOffset[sfb + 1];
                        for (int i = start; i < end; i++) {
                            float m = ls[i];
                            float s = rs[i];
                            ls[i] = m + s;
                            rs[i] = m - s;
                        }
                    }
                }
            }
            window += info.windowGroupLength[g];
        }
    }
}
