package org.kinora.aac;

import org.kinora.core.AudioBlock;
import org.kinora.core.AudioDecoder;
import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.UnsupportedFeatureException;

/**
 * AAC-LC decoder (ISO/IEC 14496-3 subpart 4). The AudioSpecificConfig comes from
 * {@link TrackInfo#codecConfig()}; each packet holds one raw_data_block, or several one after the
 * other (an ADTS frame with number_of_raw_data_blocks_in_frame &gt; 0 and its CRCs removed), and
 * yields 1024 samples per block, the first block included, as FFmpeg does.
 *
 * <p>A block that cannot be decoded ({@link MalformedStreamException}) yields 1024 samples of
 * silence and clears the overlap, so the stream goes on from the next block. Syntax this decoder
 * does not implement (coupling channel elements, prediction, gain control) throws
 * {@link UnsupportedFeatureException}.
 */
public final class AacDecoder implements AudioDecoder {
    /** The most channels a program may have: 15 CPEs in each of front, side and back, plus 3 LFEs. */
    private static final int MAX_CHANNELS = 93;
    /** The most raw_data_blocks one packet may hold (ADTS allows 4). */
    private static final int MAX_BLOCKS = 4;

    private final AudioSpecificConfig config;
    private final int sfIndex;
    private ChannelLayout layout;
    private IndividualChannelStream[] streams = new IndividualChannelStream[0];
    private Filterbank.State[] states = new Filterbank.State[0];
    private final Filterbank filterbank = new Filterbank();
    private final BitReader reader = new BitReader();
    private final boolean[] msUsed = new boolean[8 * IndividualChannelStream.MAX_SFB];
    /** Channels written by the current block. */
    private boolean[] written = new boolean[0];
    private int noiseSeed = 0x1F2E3D4C;
    private int programTag = -1;

    private final AudioBlock block = new AudioBlock();
    private boolean blockReady;
    private int concealedBlocks;

    public AacDecoder(TrackInfo track) {
        this(AudioSpecificConfig.parse(track.codecConfig()));
    }

    public AacDecoder(AudioSpecificConfig config) {
        this.config = config;
        this.sfIndex = config.tableIndex();
        if (config.programConfig != null) {
            configure(ChannelLayout.forProgram(config.programConfig));
        } else if (config.channelConfiguration != 0) {
            configure(ChannelLayout.forConfiguration(config.channelConfiguration));
        }
        block.sampleRate = config.samplingFrequency;
    }

    public AudioSpecificConfig config() {
        return config;
    }

    /** Blocks replaced by silence because they could not be decoded. */
    public int concealedBlocks() {
        return concealedBlocks;
    }

    private void configure(ChannelLayout l) {
        layout = l;
        int n = l.channels;
        streams = new IndividualChannelStream[n];
        states = new Filterbank.State[n];
        written = new boolean[n];
        for (int c = 0; c < n; c++) {
            streams[c] = new IndividualChannelStream();
            states[c] = new Filterbank.State();
        }
        block.ensureCapacity(n, 1024);
    }

    @Override
    public void decode(Packet packet) {
        blockReady = false;
        BitReader r = reader.reset(packet.data, packet.offset, packet.length);
        int blocks = 0;
        while (blocks < MAX_BLOCKS && r.bitsLeft() >= 8) {
            if (layout != null) {
                block.ensureCapacity(layout.channels, 1024 * (blocks + 1));
            }
            int start = r.position();
            try {
                decodeBlock(r, blocks * 1024);
            } catch (MalformedStreamException e) {
                concealedBlocks++;
                conceal(blocks * 1024);
                blocks++;
                break;
            }
            blocks++;
            r.byteAlign();
            if (r.position() == start) {
                break;
            }
        }
        if (layout == null || blocks == 0) {
            return;
        }
        int frames = blocks * 1024;
        int first = Math.max(0, Math.min(packet.trimStart, frames));
        int end = Math.max(first, frames - Math.max(0, packet.trimEnd));
        if (end <= first) {
            return;
        }
        if (first > 0) {
            for (int c = 0; c < layout.channels; c++) {
                float[] s = block.samples[c];
                System.arraycopy(s, first, s, 0, end - first);
            }
        }
        block.channels = layout.channels;
        block.frames = end - first;
        block.pts = packet.pts == Packet.NO_TIMESTAMP ? Packet.NO_TIMESTAMP : packet.pts + first;
        blockReady = true;
    }

    /** Silence for one block, and no overlap into the next. */
    private void conceal(int offset) {
        if (layout == null) {
            return;
        }
        for (int c = 0; c < layout.channels; c++) {
            float[] s = block.samples[c];
            for (int i = 0; i < 1024; i++) {
                s[offset + i] = 0;
            }
            states[c].clear();
        }
    }

    /** raw_data_block (4.4.2.1 Table 4.3). */
    private void decodeBlock(BitReader r, int offset) {
        int blockStart = r.position();
        int channel = 0;
        for (int c = 0; c < written.length; c++) {
            written[c] = false;
        }
        while (true) {
            int id = r.readBits(3);
            switch (id) {
                case 0: // SCE
                case 3: // LFE
                    r.skipBits(4); // element_instance_tag
                    requireChannels(channel, 1);
                    singleChannel(r, channel, offset);
                    channel++;
                    break;
                case 1: // CPE
                    r.skipBits(4);
                    requireChannels(channel, 2);
                    channelPair(r, channel, offset);
                    channel += 2;
                    break;
                case 2:
                    throw new UnsupportedFeatureException("AAC coupling channel element (CCE)");
                case 4: // DSE (4.4.2.1 Table 4.10)
                    dataStream(r);
                    break;
                case 5: { // PCE
                    ProgramConfig p = ProgramConfig.read(r, blockStart);
                    programConfig(p, channel);
                    break;
                }
                case 6: // FIL
                    fill(r);
                    break;
                default: // END
                    if (layout == null) {
                        return;
                    }
                    for (int c = 0; c < layout.channels; c++) {
                        if (!written[c]) {
                            // a channel the block did not carry plays silence
                            float[] s = block.samples[layout.output[c]];
                            for (int i = 0; i < 1024; i++) {
                                s[offset + i] = 0;
                            }
                            states[c].clear();
                        }
                    }
                    return;
            }
        }
    }

    private void requireChannels(int channel, int count) {
        if (layout == null) {
            throw new MalformedStreamException("channel element before any channel configuration");
        }
        if (channel + count > layout.channels) {
            throw new MalformedStreamException("more channels than the configuration's " + layout.channels);
        }
    }

    private void programConfig(ProgramConfig p, int channel) {
        if (config.channelConfiguration != 0 || channel != 0) {
            return; // 4.5.1.2: a PCE in the stream only configures when channelConfiguration is 0
        }
        if (p.channels > MAX_CHANNELS) {
            throw new MalformedStreamException("program with " + p.channels + " channels");
        }
        ChannelLayout l = ChannelLayout.forProgram(p);
        if (layout == null || !sameLayout(layout, l)) {
            configure(l);
        }
        programTag = p.elementInstanceTag;
    }

    private static boolean sameLayout(ChannelLayout a, ChannelLayout b) {
        return java.util.Arrays.equals(a.elementTypes, b.elementTypes) && java.util.Arrays.equals(a.output, b.output);
    }

    private void singleChannel(BitReader r, int channel, int offset) {
        IndividualChannelStream ics = streams[channel];
        ics.read(r, false, sfIndex);
        noiseSeed = StereoTools.noise(ics, noiseSeed, null, msUsed);
        finish(ics, channel, offset);
    }

    /** channel_pair_element (4.4.2.1 Table 4.5). */
    private void channelPair(BitReader r, int channel, int offset) {
        IndividualChannelStream left = streams[channel];
        IndividualChannelStream right = streams[channel + 1];
        boolean commonWindow = r.readFlag();
        int msMaskPresent = 0;
        if (commonWindow) {
            left.info.read(r, sfIndex);
            right.info.copyFrom(left.info);
            msMaskPresent = r.readBits(2);
            if (msMaskPresent == 3) {
                throw new MalformedStreamException("reserved ms_mask_present 3");
            }
            IcsInfo info = left.info;
            for (int g = 0; g < info.numWindowGroups; g++) {
                int base = g * IndividualChannelStream.MAX_SFB;
                for (int sfb = 0; sfb < info.maxSfb; sfb++) {
                    msUsed[base + sfb] = msMaskPresent == 2 || (msMaskPresent == 1 && r.readFlag());
                }
            }
        }
        left.read(r, commonWindow, sfIndex);
        right.read(r, commonWindow, sfIndex);
        noiseSeed = StereoTools.noise(left, noiseSeed, null, msUsed);
        noiseSeed = StereoTools.noise(right, noiseSeed, msMaskPresent != 0 ? left : null, msUsed);
        if (commonWindow) {
            StereoTools.apply(left, right, msMaskPresent, msUsed);
        }
        finish(left, channel, offset);
        finish(right, channel + 1, offset);
    }

    /** TNS (4.6.9) and the filterbank into the output channel. */
    private void finish(IndividualChannelStream ics, int channel, int offset) {
        if (ics.tnsPresent) {
            ics.tns.apply(ics.spec, ics.info);
        }
        filterbank.synthesise(ics.spec, ics.info, states[channel], block.samples[layout.output[channel]], offset);
        written[channel] = true;
    }

    /** data_stream_element (4.4.2.1 Table 4.10): skipped. */
    private static void dataStream(BitReader r) {
        r.skipBits(4); // element_instance_tag
        boolean align = r.readFlag();
        int count = r.readBits(8);
        if (count == 255) {
            count += r.readBits(8);
        }
        if (align) {
            r.byteAlign();
        }
        r.skipBits(8 * count);
    }

    /**
     * fill_element (4.4.2.1 Table 4.11): its extension payloads (4.4.2.7 Table 4.57) are skipped;
     * SBR payloads (EXT_SBR_DATA, EXT_SBR_DATA_CRC) are noted.
     */
    private void fill(BitReader r) {
        int count = r.readBits(4);
        if (count == 15) {
            count += r.readBits(8) - 1;
        }
        if (count > 0) {
            int type = r.peekBits(4);
            if (type == 13 || type == 14) {
                sbrPayloads++;
            }
            r.skipBits(8 * count);
        }
    }

    private int sbrPayloads;

    /** Fill elements with SBR payloads seen so far (SBR is not decoded; the AAC-LC core plays). */
    public int sbrPayloads() {
        return sbrPayloads;
    }

    @Override
    public AudioBlock receive() {
        if (!blockReady) {
            return null;
        }
        blockReady = false;
        return block;
    }

    @Override
    public void flush() {
        blockReady = false;
    }

    @Override
    public void reset() {
        blockReady = false;
        for (Filterbank.State s : states) {
            s.clear();
        }
    }
}
