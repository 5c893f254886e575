package org.kinora.demux.mp4;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;

/** The fields of an AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1) a container reports: object type, rate, channels. */
public final class AudioSpecificConfig {
    /** ISO/IEC 14496-3 Table 1.18 samplingFrequencyIndex. */
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    public int audioObjectType;
    public int sampleRate;
    public int channels;

    public static AudioSpecificConfig parse(byte[] asc) {
        if (asc.length < 2) {
            throw new MalformedStreamException("AudioSpecificConfig of " + asc.length + " bytes");
        }
        BitReader r = new BitReader(asc, 0, asc.length);
        AudioSpecificConfig c = new AudioSpecificConfig();
        c.audioObjectType = r.readBits(5);
        if (c.audioObjectType == 31) {
            c.audioObjectType = 32 + r.readBits(6);
        }
        int index = r.readBits(4);
        if (index == 15) {
            c.sampleRate = r.readBits(24);
        } else if (index < RATES.length) {
            c.sampleRate = RATES[index];
        }
        int config = r.readBits(4);
        // Table 1.19: configurations 1 to 6 are 1 to 6 channels, 7 is 8
        c.channels = config == 7 ? 8 : config <= 6 ? config : 0;
        return c;
    }
}
