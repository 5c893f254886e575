package org.kinora.aac;

/**
 * Where the channels of a program go in the output. Channels are numbered in bitstream order (a
 * CPE counts two, in element order); {@link #output} maps each to its place in WAVE order (L, R,
 * C, LFE, back L, back R, then the remaining pairs), the order FFmpeg's decoder uses as well.
 *
 * <p>Default layouts follow ISO/IEC 14496-3 Table 1.19 (channelConfiguration 1 to 7; 7 as
 * FFmpeg reads it, see below); a program_config_element is laid out as front (the centre after
 * the first front pair), then LFE, back and side when it has an LFE, else side and back.
 */
final class ChannelLayout {
    /** Element types in raw_data_block id_syn_ele numbering. */
    static final int SCE = 0;
    static final int CPE = 1;
    static final int LFE = 3;

    /** Expected channel elements in bitstream order. */
    final int[] elementTypes;
    /** Bitstream channel index -> output channel. */
    final int[] output;
    final int channels;

    private ChannelLayout(int[] elementTypes, int[] output) {
        this.elementTypes = elementTypes;
        this.output = output;
        this.channels = output.length;
    }

    static int channelsOf(int configuration) {
        switch (configuration) {
            case 1: return 1;
            case 2: return 2;
            case 3: return 3;
            case 4: return 4;
            case 5: return 5;
            case 6: return 6;
            case 7: return 8;
            default: return 0;
        }
    }

    /** Table 1.19: channelConfiguration 1 to 7. */
    static ChannelLayout forConfiguration(int configuration) {
        switch (configuration) {
            case 1: return new ChannelLayout(new int[] {SCE}, new int[] {0});
            case 2: return new ChannelLayout(new int[] {CPE}, new int[] {0, 1});
            // C, L R
            case 3: return new ChannelLayout(new int[] {SCE, CPE}, new int[] {2, 0, 1});
            // C, L R, back centre
            case 4: return new ChannelLayout(new int[] {SCE, CPE, SCE}, new int[] {2, 0, 1, 3});
            // C, L R, Ls Rs
            case 5: return new ChannelLayout(new int[] {SCE, CPE, CPE}, new int[] {2, 0, 1, 3, 4});
            // C, L R, Ls Rs, LFE
            case 6: return new ChannelLayout(new int[] {SCE, CPE, CPE, LFE}, new int[] {2, 0, 1, 4, 5, 3});
            // C, then three pairs and the LFE. Table 1.19 names the pairs front centre, outside
            // front and surround (7.1 wide); encoders, FFmpeg's among them, write 7.1 as front,
            // side and back pairs, and FFmpeg decodes them so: output L R C LFE BL BR SL SR.
            case 7: return new ChannelLayout(new int[] {SCE, CPE, CPE, CPE, LFE}, new int[] {2, 0, 1, 6, 7, 4, 5, 3});
            default: return null;
        }
    }

    /** The layout of a program_config_element. */
    static ChannelLayout forProgram(ProgramConfig p) {
        int[] types = new int[p.elementCount];
        int[] groupOfChannel = new int[p.channels];
        int[] firstOfPair = new int[p.channels];
        int ch = 0;
        for (int e = 0; e < p.elementCount; e++) {
            types[e] = p.group[e] == ProgramConfig.LFE ? LFE : p.isCpe[e] ? CPE : SCE;
            int n = p.isCpe[e] ? 2 : 1;
            for (int i = 0; i < n; i++) {
                groupOfChannel[ch] = p.group[e];
                firstOfPair[ch] = p.isCpe[e] ? i : -1;
                ch++;
            }
        }
        int[] output = new int[p.channels];
        int next = 0;
        // front: pairs first, the front centre (a front SCE) after the first pair
        int centre = -1;
        for (int c = 0; c < p.channels; c++) {
            if (groupOfChannel[c] == ProgramConfig.FRONT && firstOfPair[c] < 0 && centre < 0) {
                centre = c;
            }
        }
        boolean centrePlaced = centre < 0;
        for (int c = 0; c < p.channels; c++) {
            if (groupOfChannel[c] != ProgramConfig.FRONT || c == centre) {
                continue;
            }
            output[c] = next++;
            if (!centrePlaced && firstOfPair[c] == 1) {
                output[centre] = next++;
                centrePlaced = true;
            }
        }
        if (!centrePlaced) {
            output[centre] = next++;
        }
        // with an LFE the program is a standard surround layout: WAVE order (LFE, back, side);
        // without one, FFmpeg's order for layouts it does not recognise (side, then back)
        boolean hasLfe = false;
        for (int g : groupOfChannel) {
            hasLfe |= g == ProgramConfig.LFE;
        }
        int[] order = hasLfe ? new int[] {ProgramConfig.LFE, ProgramConfig.BACK, ProgramConfig.SIDE}
                : new int[] {ProgramConfig.SIDE, ProgramConfig.BACK};
        for (int g : order) {
            for (int c = 0; c < p.channels; c++) {
                if (groupOfChannel[c] == g) {
                    output[c] = next++;
                }
            }
        }
        return new ChannelLayout(types, output);
    }
}
