package org.kinora.aac;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;

/**
 * individual_channel_stream (ISO/IEC 14496-3 4.4.2.7 Table 4.44): section data (4.6.2.2), scale
 * factors (4.6.2.3), pulse data (4.6.3.4), TNS data and spectral data (4.6.3), dequantised into
 * {@link #spec} in window order ({@code spec[w * 128 + k]} for short windows).
 */
final class IndividualChannelStream {
    static final int ZERO_HCB = 0;
    static final int ESC_HCB = 11;
    static final int NOISE_HCB = 13;
    static final int INTENSITY_HCB2 = 14;
    static final int INTENSITY_HCB = 15;

    /** Band index stride per window group in {@link #sfbCb} and {@link #scaleFactor}. */
    static final int MAX_SFB = 64;

    /** |q|^(4/3) for |q| up to 8191 plus the largest pulse amplitude (4.6.1.3). */
    private static final float[] POW43 = new float[8192 + 16];
    /** 2^((i - 200) / 4): scale factor and intensity gains (4.6.2.3.3). */
    static final float[] POW2_QUARTER = new float[456];

    static {
        for (int i = 0; i < POW43.length; i++) {
            POW43[i] = (float) (Math.cbrt(i) * i);
        }
        for (int i = 0; i < POW2_QUARTER.length; i++) {
            POW2_QUARTER[i] = (float) Math.pow(2, (i - 200) / 4.0);
        }
    }

    final IcsInfo info = new IcsInfo();
    int globalGain;
    final int[] sfbCb = new int[8 * MAX_SFB];
    /** Scale factor, intensity position or noise energy per band (4.6.2.3.2). */
    final int[] scaleFactor = new int[8 * MAX_SFB];
    final Tns tns = new Tns();
    boolean tnsPresent;
    private final int[] quant = new int[1024];
    final float[] spec = new float[1024];
    private int pulseCount;
    private int pulseStartSfb;
    private final int[] pulseOffset = new int[4];
    private final int[] pulseAmp = new int[4];

    /** Reads the stream (ics_info too unless {@code commonWindow}) and dequantises it. */
    void read(BitReader r, boolean commonWindow, int sfIndex) {
        globalGain = r.readBits(8);
        if (!commonWindow) {
            info.read(r, sfIndex);
        }
        readSectionData(r);
        readScaleFactors(r);
        boolean isShort = info.windowSequence == IcsInfo.EIGHT_SHORT_SEQUENCE;
        pulseCount = 0;
        if (r.readFlag()) {
            if (isShort) {
                throw new MalformedStreamException("pulse data in a short window");
            }
            pulseCount = r.readBits(2) + 1;
            pulseStartSfb = r.readBits(6);
            if (pulseStartSfb >= info.numSwb) {
                throw new MalformedStreamException("pulse_start_sfb " + pulseStartSfb);
            }
            for (int i = 0; i < pulseCount; i++) {
                pulseOffset[i] = r.readBits(5);
                pulseAmp[i] = r.readBits(4);
            }
        }
        tnsPresent = r.readFlag();
        if (tnsPresent) {
            tns.read(r, info);
        }
        if (r.readFlag()) {
            throw new UnsupportedFeatureException("AAC gain control data (SSR profile)");
        }
        readSpectralData(r);
        dequantise();
    }

    /** section_data (4.4.2.7 Table 4.46). */
    private void readSectionData(BitReader r) {
        boolean isShort = info.windowSequence == IcsInfo.EIGHT_SHORT_SEQUENCE;
        int bits = isShort ? 3 : 5;
        int escape = (1 << bits) - 1;
        int maxSfb = info.maxSfb;
        for (int g = 0; g < info.numWindowGroups; g++) {
            int k = 0;
            int base = g * MAX_SFB;
            while (k < maxSfb) {
                int cb = r.readBits(4);
                if (cb == 12) {
                    throw new MalformedStreamException("reserved section codebook 12");
                }
                int len = 0;
                int incr;
                while ((incr = r.readBits(bits)) == escape) {
                    len += escape;
                    if (len > maxSfb) {
                        throw new MalformedStreamException("section longer than max_sfb");
                    }
                }
                len += incr;
                if (len == 0 || k + len > maxSfb) {
                    throw new MalformedStreamException("section of " + len + " bands at " + k + " of " + maxSfb);
                }
                for (int sfb = k; sfb < k + len; sfb++) {
                    sfbCb[base + sfb] = cb;
                }
                k += len;
            }
        }
    }

    /** scale_factor_data (4.4.2.7 Table 4.47, decoding 4.6.2.3.2). */
    private void readScaleFactors(BitReader r) {
        int sf = globalGain;
        int isPosition = 0;
        int noiseEnergy = globalGain - 90;
        boolean noisePcm = true;
        for (int g = 0; g < info.numWindowGroups; g++) {
            int base = g * MAX_SFB;
            for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                int cb = sfbCb[base + sfb];
                int v;
                if (cb == ZERO_HCB) {
                    v = 0;
                } else if (cb == INTENSITY_HCB || cb == INTENSITY_HCB2) {
                    isPosition += Huffman.SCALEFACTOR.decode(r) - 60;
                    v = isPosition;
                } else if (cb == NOISE_HCB) {
                    if (noisePcm) {
                        noisePcm = false;
                        noiseEnergy += r.readBits(9) - 256;
                    } else {
                        noiseEnergy += Huffman.SCALEFACTOR.decode(r) - 60;
                    }
                    v = noiseEnergy;
                } else {
                    sf += Huffman.SCALEFACTOR.decode(r) - 60;
                    if (sf < 0 || sf > 255) {
                        throw new MalformedStreamException("scale factor " + sf);
                    }
                    v = sf;
                }
                scaleFactor[base + sfb] = v;
            }
        }
    }

    /** spectral_data (4.4.2.7 Table 4.49, 4.6.3.3) into {@link #quant}, in window order. */
    private void readSpectralData(BitReader r) {
        int[] q = quant;
        for (int i = 0; i < 1024; i++) {
            q[i] = 0;
        }
        short[] offsets = info.swbOffset;
        int window = 0;
        for (int g = 0; g < info.numWindowGroups; g++) {
            int groupLength = info.windowGroupLength[g];
            int base = g * MAX_SFB;
            for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                int cb = sfbCb[base + sfb];
                if (cb == ZERO_HCB || cb >= NOISE_HCB) {
                    continue;
                }
                int start = offsets[sfb];
                int end = offsets[sfb + 1];
                Huffman h = Huffman.SPECTRAL[cb];
                for (int w = 0; w < groupLength; w++) {
                    int wb = (window + w) * 128;
                    if (cb <= 4) {
                        boolean signed = cb <= 2;
                        for (int k = start; k < end; k += 4) {
                            int idx = h.decode(r);
                            int p = wb + k;
                            int v0 = idx / 27;
                            int v1 = (idx / 9) % 3;
                            int v2 = (idx / 3) % 3;
                            int v3 = idx % 3;
                            if (signed) {
                                q[p] = v0 - 1;
                                q[p + 1] = v1 - 1;
                                q[p + 2] = v2 - 1;
                                q[p + 3] = v3 - 1;
                            } else {
                                q[p] = v0 != 0 && r.readBit() != 0 ? -v0 : v0;
                                q[p + 1] = v1 != 0 && r.readBit() != 0 ? -v1 : v1;
                                q[p + 2] = v2 != 0 && r.readBit() != 0 ? -v2 : v2;
                                q[p + 3] = v3 != 0 && r.readBit() != 0 ? -v3 : v3;
                            }
                        }
                    } else {
                        boolean signed = cb <= 6;
                        int mod = cb <= 6 ? 9 : cb <= 8 ? 8 : cb <= 10 ? 13 : 17;
                        for (int k = start; k < end; k += 2) {
                            int idx = h.decode(r);
                            int p = wb + k;
                            int y = idx / mod;
                            int z = idx % mod;
                            if (signed) {
                                q[p] = y - 4;
                                q[p + 1] = z - 4;
                            } else {
                                boolean ny = y != 0 && r.readBit() != 0;
                                boolean nz = z != 0 && r.readBit() != 0;
                                if (cb == ESC_HCB) {
                                    if (y == 16) {
                                        y = readEscape(r);
                                    }
                                    if (z == 16) {
                                        z = readEscape(r);
                                    }
                                }
                                q[p] = ny ? -y : y;
                                q[p + 1] = nz ? -z : z;
                            }
                        }
                    }
                }
            }
            window += groupLength;
        }
        if (pulseCount > 0) {
            // 4.6.3.4: pulses add to the quantised values of a long window
            int k = offsets[pulseStartSfb];
            for (int i = 0; i < pulseCount; i++) {
                k += pulseOffset[i];
                if (k >= 1024) {
                    throw new MalformedStreamException("pulse beyond the spectrum");
                }
                q[k] = q[k] > 0 ? q[k] + pulseAmp[i] : q[k] - pulseAmp[i];
            }
        }
    }

    /** escape_sequence (4.6.3.3): N ones, a zero, then an (N + 4)-bit word; value 2^(N+4) + word. */
    private static int readEscape(BitReader r) {
        int n = 0;
        while (r.readBit() != 0) {
            n++;
            if (n > 8) {
                throw new MalformedStreamException("escape sequence longer than 13 bits");
            }
        }
        return (1 << (n + 4)) + r.readBits(n + 4);
    }

    /**
     * Inverse quantisation and scaling (4.6.1.3, 4.6.2.3.3) with the IMDCT's 2/N factor and the
     * 1/32768 of float output folded in. Noise and intensity bands are left at zero here.
     */
    private void dequantise() {
        boolean isShort = info.windowSequence == IcsInfo.EIGHT_SHORT_SEQUENCE;
        float outputScale = isShort ? 1f / (128 * 32768) : 1f / (1024 * 32768);
        float[] s = spec;
        int[] q = quant;
        short[] offsets = info.swbOffset;
        int windowLength = isShort ? 128 : 1024;
        int window = 0;
        for (int g = 0; g < info.numWindowGroups; g++) {
            int groupLength = info.windowGroupLength[g];
            int base = g * MAX_SFB;
            for (int w = window; w < window + groupLength; w++) {
                int wb = w * windowLength;
                for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                    int cb = sfbCb[base + sfb];
                    int start = wb + offsets[sfb];
                    int end = wb + offsets[sfb + 1];
                    if (cb == ZERO_HCB || cb >= NOISE_HCB) {
                        for (int i = start; i < end; i++) {
                            s[i] = 0;
                        }
                        continue;
                    }
                    float gain = POW2_QUARTER[scaleFactor[base + sfb] + 100] * outputScale;
                    for (int i = start; i < end; i++) {
                        int v = q[i];
                        s[i] = v >= 0 ? POW43[v] * gain : -POW43[-v] * gain;
                    }
                }
                for (int i = wb + offsets[info.maxSfb]; i < wb + windowLength; i++) {
                    s[i] = 0;
                }
            }
            window += groupLength;
        }
    }
}
