package org.kinora.aac;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;

/**
 * AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1) with GASpecificConfig (4.4.1), as MP4, Matroska
 * and FLV carry it and as {@link #fromAdts} builds it from an ADTS header.
 *
 * <p>Decoded: object type 2 (AAC-LC), and types 5 (SBR) and 29 (PS) over an AAC-LC core, whose
 * core is played while {@link #sbrPresent} / {@link #psPresent} record what is left out. The
 * backward-compatible SBR signalling after the GASpecificConfig (1.6.6, sync extension 0x2B7) is
 * read as well.
 */
public final class AudioSpecificConfig {
    public static final int AOT_AAC_LC = 2;
    public static final int AOT_SBR = 5;
    public static final int AOT_PS = 29;

    /** The core's audio object type (2 for every stream this decoder accepts). */
    public int audioObjectType;
    public int samplingFrequencyIndex;
    /** The core's sampling frequency in Hz. */
    public int samplingFrequency;
    public int channelConfiguration;
    /** The program_config_element when channelConfiguration is 0, else null. */
    ProgramConfig programConfig;
    public boolean sbrPresent;
    public boolean psPresent;
    /** The SBR output sampling frequency when signalled, else 0. */
    public int extensionSamplingFrequency;

    /** Number of output channels (0 when a PCE in the stream will tell: ADTS with configuration 0). */
    public int channels() {
        if (programConfig != null) {
            return programConfig.channels;
        }
        return ChannelLayout.channelsOf(channelConfiguration);
    }

    /** A short description for probe output: "AAC-LC" plus what is not decoded. */
    public String describe() {
        String s = "AAC-LC";
        if (psPresent) {
            s += " (HE-AAC v2: SBR and PS not decoded, core played)";
        } else if (sbrPresent) {
            s += " (HE-AAC: SBR not decoded, core played)";
        }
        return s;
    }

    public static AudioSpecificConfig parse(byte[] data) {
        if (data == null || data.length < 2) {
            throw new MalformedStreamException("AudioSpecificConfig shorter than 2 bytes");
        }
        BitReader r = new BitReader(data);
        AudioSpecificConfig c = new AudioSpecificConfig();
        int aot = readObjectType(r);
        c.samplingFrequencyIndex = r.readBits(4);
        c.samplingFrequency = readFrequency(r, c.samplingFrequencyIndex);
        c.channelConfiguration = r.readBits(4);
        if (aot == AOT_SBR || aot == AOT_PS) {
            c.sbrPresent = true;
            c.psPresent = aot == AOT_PS;
            int extIndex = r.readBits(4);
            c.extensionSamplingFrequency = readFrequency(r, extIndex);
            aot = readObjectType(r);
            if (aot == 22) {
                r.skipBits(4); // extensionChannelConfiguration
            }
        }
        if (aot != AOT_AAC_LC) {
            throw new UnsupportedFeatureException("AAC audio object type " + aot + " (only AAC-LC, 2, is decoded)");
        }
        c.audioObjectType = aot;
        readGaSpecificConfig(r, c);
        // 1.6.6: backward-compatible explicit SBR / PS signalling
        if (!c.sbrPresent && r.bitsLeft() >= 16 && r.peekBits(11) == 0x2B7) {
            r.skipBits(11);
            if (readObjectType(r) == AOT_SBR) {
                c.sbrPresent = r.readFlag();
                if (c.sbrPresent) {
                    int extIndex = r.readBits(4);
                    c.extensionSamplingFrequency = readFrequency(r, extIndex);
                    if (r.bitsLeft() >= 12 && r.readBits(11) == 0x548) {
                        c.psPresent = r.readFlag();
                    }
                }
            }
        }
        return c;
    }

    /** GASpecificConfig (4.4.1, Table 4.1) for object type 2. */
    private static void readGaSpecificConfig(BitReader r, AudioSpecificConfig c) {
        if (r.readFlag()) {
            throw new UnsupportedFeatureException("AAC frame length 960 (frameLengthFlag)");
        }
        if (r.readFlag()) {
            r.skipBits(14); // coreCoderDelay
        }
        boolean extensionFlag = r.readFlag();
        if (c.channelConfiguration == 0 && r.bitsLeft() > 0) {
            c.programConfig = ProgramConfig.read(r, 0);
        } else if (c.channelConfiguration > 7) {
            throw new UnsupportedFeatureException("AAC channel configuration " + c.channelConfiguration);
        }
        if (extensionFlag && r.bitsLeft() > 0) {
            r.skipBits(1); // extensionFlag3
        }
    }

    private static int readObjectType(BitReader r) {
        int aot = r.readBits(5);
        return aot == 31 ? 32 + r.readBits(6) : aot;
    }

    private static int readFrequency(BitReader r, int index) {
        if (index == 15) {
            int f = r.readBits(24);
            if (f < 1000 || f > 200000) {
                throw new MalformedStreamException("AAC sampling frequency " + f);
            }
            return f;
        }
        if (index > 12) {
            throw new MalformedStreamException("AAC sampling frequency index " + index);
        }
        return ScalefactorBands.SAMPLING_FREQUENCIES[index];
    }

    /** The table index that serves this config's sampling frequency. */
    int tableIndex() {
        return samplingFrequencyIndex <= 12 ? samplingFrequencyIndex : ScalefactorBands.indexForFrequency(samplingFrequency);
    }

    /**
     * The two-byte AudioSpecificConfig an ADTS header stands for (1.A.2.2.1: profile_ObjectType
     * is the object type minus one).
     */
    public static byte[] fromAdts(int profileObjectType, int samplingFrequencyIndex, int channelConfiguration) {
        int aot = profileObjectType + 1;
        int v = aot << 11 | (samplingFrequencyIndex & 15) << 7 | (channelConfiguration & 15) << 3;
        return new byte[] {(byte) (v >> 8), (byte) v};
    }
}
