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
 * other (an ADTS frame with number_of_raw_data_blocks_in_frame &gt; 0 and its CRCs removed: the
 * packet's duration then says how many, in a track timed in samples), and yields 1024 samples
 * per block, the first block included, as FFmpeg does. Bytes after the last block are ignored.
 *
 * <p>A block that cannot be decoded ({@link MalformedStreamException}) yields 1024 samples of
 * silence and clears the overlap, so the stream goes on from the next block. Syntax this decoder
 * does not implement (coupling channel elements, prediction, gain control) is concealed the same
 * way, since a damaged block can look like it; when {@value #UNSUPPORTED_LIMIT} blocks in a row
 * use it, the {@link UnsupportedFeatureException} is thrown: the stream uses it.
 */
public final class AacDecoder implements AudioDecoder {
    /** The most channels a program may have: 15 CPEs in each of front, side and back, plus 3 LFEs. */
    private static final int MAX_CHANNELS = 93;
    /** The most raw_data_blocks one packet may hold (ADTS allows 4). */
    private static final int MAX_BLOCKS = 4;

    private final AudioSpecificConfig config;
    /** The track's ticks per second, 0 when made from a bare AudioSpecificConfig. */
    private long timescale;
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
    /** The program the layout was made from, and the PCE being read. */
    private final ProgramConfig currentProgram = new ProgramConfig();
    private final ProgramConfig scratchProgram = new ProgramConfig();

    private final AudioBlock block = new AudioBlock();
    private boolean blockReady;
    private int concealedBlocks;
    /** Consecutive blocks refused for unsupported syntax; at {@link #UNSUPPORTED_LIMIT} the stream is. */
    private int unsupportedInARow;
    private static final int UNSUPPORTED_LIMIT = 4;

    public AacDecoder(TrackInfo track) {
        this(AudioSpecificConfig.parse(track.codecConfig()));
        timescale = track.timescale();
    }

    /**
     * The raw_data_blocks in a packet: its duration in blocks of 1024 when the track counts time
     * in samples of the core rate (the ADTS demuxer's packets), else one.
     */
    private int blocksIn(Packet packet) {
        long d = packet.duration;
        if (timescale == config.samplingFrequency && d > 1024 && d % 1024 == 0 && d <= 1024 * MAX_BLOCKS) {
            return (int) (d / 1024);
        }
        return 1;
    }

    public AacDecoder(AudioSpecificConfig config) {
        this.config = config;
        this.sfIndex = config.tableIndex();
        if (config.programConfig != null) {
            configure(ChannelLayout.forProgram(config.programConfig));
            currentProgram.copyFrom(config.programConfig);
        } else if (config.channelConfiguration != 0) {
            configure(ChannelLayout.forConfiguration(config.channelConfiguration));
        }
        block.sampleRate = config.samplingFrequency;
    }

    public AudioSpecificConfig config() {
        return config;
    }

    /** The stream of bitstream channel {@code c} as the last block left it (tests look at its bands). */
    IndividualChannelStream channelStream(int c) {
        return streams[c];
    }

    /** Output channels as configured so far (0 until a PCE arrives when channelConfiguration is 0). */
    public int channels() {
        return layout == null ? 0 : layout.channels;
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
        block.ensureCapacity(n, 1024 * MAX_BLOCKS);
    }

    @Override
    public void decode(Packet packet) {
        blockReady = false;
        BitReader r = reader.reset(packet.data, packet.offset, packet.length);
        int blocks = blocksIn(packet);
        for (int b = 0; b < blocks; b++) {
            try {
                decodeBlock(r, b * 1024);
                unsupportedInARow = 0;
                r.byteAlign();
            } catch (MalformedStreamException e) {
                // this block and the rest of the packet: silence
                for (; b < blocks; b++) {
                    concealedBlocks++;
                    conceal(b * 1024);
                }
            } catch (UnsupportedFeatureException e) {
                // a damaged block can look like unsupported syntax; a stream that uses it does so
                // in every block
                if (++unsupportedInARow >= UNSUPPORTED_LIMIT) {
                    throw e;
                }
                for (; b < blocks; b++) {
                    concealedBlocks++;
                    conceal(b * 1024);
                }
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
                    boolean wasConfigured = layout != null;
                    programConfig(scratchProgram.readInto(r, blockStart), channel);
                    if (!wasConfigured && layout != null && offset > 0) {
                        // the earlier blocks of this packet had no channels: silence
                        for (int c = 0; c < layout.channels; c++) {
                            java.util.Arrays.fill(block.samples[c], 0, offset, 0f);
                        }
                    }
                    break;
                }
                case 6: // FIL
                    fill(r);
                    break;
                default: // END
                    endPosition = r.position() - 3;
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
        if (layout == null || !currentProgram.sameElements(p)) {
            // a new program: allocation only when the layout changes, not for every repeated PCE
            configure(ChannelLayout.forProgram(p));
            currentProgram.copyFrom(p);
        }
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
    /** Bit position of the last END element read (tests splice elements in before it). */
    int endPosition;

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
        unsupportedInARow = 0;
        for (Filterbank.State s : states) {
            s.clear();
        }
    }
}
