package org.kinora.demux.adts;

/** adts_fixed_header and adts_variable_header (ISO/IEC 14496-3 1.A.2.2, Tables 1.A.6 and 1.A.7). */
final class AdtsHeader {
    /** Sampling frequencies of sampling_frequency_index 0 to 12. */
    static final int[] FREQUENCIES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
    };

    boolean protectionAbsent;
    int profileObjectType;
    int samplingFrequencyIndex;
    int channelConfiguration;
    /** aac_frame_length: the whole frame, header included. */
    int frameLength;
    /** number_of_raw_data_blocks_in_frame + 1. */
    int rawDataBlocks;

    int headerLength() {
        return protectionAbsent ? 7 : 9;
    }

    /**
     * Parses the 7 header bytes at {@code b[p]}; false when they are not a plausible ADTS header
     * (no syncword, layer not 0, reserved frequency index, frame shorter than its header).
     */
    boolean parse(byte[] b, int p) {
        if ((b[p] & 0xFF) != 0xFF || (b[p + 1] & 0xF6) != 0xF0) {
            return false;
        }
        protectionAbsent = (b[p + 1] & 1) != 0;
        profileObjectType = (b[p + 2] >> 6) & 3;
        samplingFrequencyIndex = (b[p + 2] >> 2) & 15;
        channelConfiguration = ((b[p + 2] & 1) << 2) | ((b[p + 3] >> 6) & 3);
        frameLength = ((b[p + 3] & 3) << 11) | ((b[p + 4] & 0xFF) << 3) | ((b[p + 5] & 0xFF) >> 5);
        rawDataBlocks = (b[p + 6] & 3) + 1;
        int minimum = headerLength() + (protectionAbsent ? 0 : 2 * (rawDataBlocks - 1));
        return samplingFrequencyIndex <= 12 && frameLength > minimum;
    }

    /** True when {@code b[0 .. length)} starts with an ADTS header (and the next one, when in view). */
    static boolean sniff(byte[] b, int length) {
        AdtsHeader h = new AdtsHeader();
        if (length < 7 || !h.parse(b, 0)) {
            return false;
        }
        int next = h.frameLength;
        if (next + 7 <= length) {
            return h.parse(b, next);
        }
        return true;
    }
}
