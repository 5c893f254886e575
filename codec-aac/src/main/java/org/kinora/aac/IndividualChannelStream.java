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
    int pulseCount;
    /** Bit position of pulse_data_present in the packet (tests splice pulse data in there). */
    int pulseFlagPosition;
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
        pulseFlagPosition = r.position();
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

    /**
     * For each spectral codebook, the values of each codeword index (4.6.3.3), packed as four
     * signed bytes (quadruple codebooks 1 to 4: w x y z from the top byte) or two (pair codebooks
     * 5 to 11: y z in the low half-words' low bytes, as y &lt;&lt; 8 | z).
     */
    private static final int[][] UNPACK = new int[12][];

    static {
        for (int cb = 1; cb <= 11; cb++) {
            int n = HuffmanTables.SPECTRAL_CODES[cb].length;
            int[] t = new int[n];
            for (int idx = 0; idx < n; idx++) {
                if (cb <= 4) {
                    int off = cb <= 2 ? 1 : 0;
                    int w = idx / 27 - off;
                    int x = (idx / 9) % 3 - off;
                    int y = (idx / 3) % 3 - off;
                    int z = idx % 3 - off;
                    t[idx] = (w & 0xFF) << 24 | (x & 0xFF) << 16 | (y & 0xFF) << 8 | (z & 0xFF);
                } else {
                    int mod = cb <= 6 ? 9 : cb <= 8 ? 8 : cb <= 10 ? 13 : 17;
                    int off = cb <= 6 ? 4 : 0;
                    int y = idx / mod - off;
                    int z = idx % mod - off;
                    t[idx] = (y & 0xFF) << 8 | (z & 0xFF);
                }
            }
            UNPACK[cb] = t;
        }
    }

    /**
     * spectral_data (4.4.2.7 Table 4.49, 4.6.3.3), dequantised and scaled as it is read
     * (4.6.1.3, 4.6.2.3.3) into {@link #spec} in window order, with the IMDCT's 2/N and the
     * 1/32768 of float output folded into the gain. Noise and intensity bands are left at zero
     * here; pulses (4.6.3.4) are added to the quantised values afterwards.
     */
    private void readSpectralData(BitReader r) {
        boolean isShort = info.windowSequence == IcsInfo.EIGHT_SHORT_SEQUENCE;
        float outputScale = isShort ? 1f / (128 * 32768) : 1f / (1024 * 32768);
        int windowLength = isShort ? 128 : 1024;
        float[] s = spec;
        int[] q = quant;
        boolean keepQuant = pulseCount > 0;
        short[] offsets = info.swbOffset;
        int top = offsets[info.maxSfb];
        int window = 0;
        for (int g = 0; g < info.numWindowGroups; g++) {
            int groupLength = info.windowGroupLength[g];
            int base = g * MAX_SFB;
            for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                int cb = sfbCb[base + sfb];
                int start = offsets[sfb];
                int end = offsets[sfb + 1];
                if (cb == ZERO_HCB || cb >= NOISE_HCB) {
                    for (int w = window; w < window + groupLength; w++) {
                        int wb = w * windowLength;
                        for (int i = wb + start; i < wb + end; i++) {
                            s[i] = 0;
                        }
                    }
                    continue;
                }
                float gain = POW2_QUARTER[scaleFactor[base + sfb] + 100] * outputScale;
                Huffman h = Huffman.SPECTRAL[cb];
                int[] unpack = UNPACK[cb];
                boolean unsigned = cb == 3 || cb == 4 || cb >= 7;
                for (int w = window; w < window + groupLength; w++) {
                    int wb = w * windowLength;
                    if (cb <= 4) {
                        for (int k = wb + start; k < wb + end; k += 4) {
                            int e = unpack[h.decode(r)];
                            int v0 = e >> 24;
                            int v1 = (e << 8) >> 24;
                            int v2 = (e << 16) >> 24;
                            int v3 = (e << 24) >> 24;
                            if (unsigned) {
                                if (v0 != 0 && r.readBit() != 0) {
                                    v0 = -v0;
                                }
                                if (v1 != 0 && r.readBit() != 0) {
                                    v1 = -v1;
                                }
                                if (v2 != 0 && r.readBit() != 0) {
                                    v2 = -v2;
                                }
                                if (v3 != 0 && r.readBit() != 0) {
                                    v3 = -v3;
                                }
                            }
                            s[k] = dequant(v0, gain);
                            s[k + 1] = dequant(v1, gain);
                            s[k + 2] = dequant(v2, gain);
                            s[k + 3] = dequant(v3, gain);
                            if (keepQuant) {
                                q[k] = v0;
                                q[k + 1] = v1;
                                q[k + 2] = v2;
                                q[k + 3] = v3;
                            }
                        }
                    } else {
                        for (int k = wb + start; k < wb + end; k += 2) {
                            int e = unpack[h.decode(r)];
                            int y = (e << 16) >> 24;
                            int z = (e << 24) >> 24;
                            if (unsigned) {
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
                                if (ny) {
                                    y = -y;
                                }
                                if (nz) {
                                    z = -z;
                                }
                            }
                            s[k] = dequant(y, gain);
                            s[k + 1] = dequant(z, gain);
                            if (keepQuant) {
                                q[k] = y;
                                q[k + 1] = z;
                            }
                        }
                    }
                }
            }
            window += groupLength;
        }
        for (int w = 0; w < info.numWindows; w++) {
            int wb = w * windowLength;
            for (int i = wb + top; i < wb + windowLength; i++) {
                s[i] = 0;
            }
        }
        if (keepQuant) {
            addPulses(outputScale);
        }
    }

    private static float dequant(int v, float gain) {
        return v >= 0 ? POW43[v] * gain : -POW43[-v] * gain;
    }

    /** 4.6.3.4: pulses add to the quantised values of a long window, away from zero. */
    private void addPulses(float outputScale) {
        short[] offsets = info.swbOffset;
        int k = offsets[pulseStartSfb];
        int band = pulseStartSfb;
        for (int i = 0; i < pulseCount; i++) {
            k += pulseOffset[i];
            if (k >= offsets[info.maxSfb]) {
                throw new MalformedStreamException("pulse beyond max_sfb");
            }
            while (offsets[band + 1] <= k) {
                band++;
            }
            int cb = sfbCb[band];
            if (cb == ZERO_HCB || cb >= NOISE_HCB) {
                continue; // no spectral values in this band
            }
            int v = quant[k];
            v = v > 0 ? v + pulseAmp[i] : v - pulseAmp[i];
            quant[k] = v;
            spec[k] = dequant(v, POW2_QUARTER[scaleFactor[band] + 100] * outputScale);
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
}
