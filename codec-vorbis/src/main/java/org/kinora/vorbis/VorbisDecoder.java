package org.kinora.vorbis;

import org.kinora.core.AudioBlock;
import org.kinora.core.AudioDecoder;
import org.kinora.core.LsbBitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.dsp.Imdct;

/**
 * Vorbis I decoder. The three headers come from {@link TrackInfo#codecHeaders()}; each audio
 * packet yields the samples between the centres of the previous block and its own (none for
 * the first packet), less the packet's {@code trimStart} / {@code trimEnd}. Channels of 3 to 8
 * channel streams are reordered from Vorbis order (Vorbis I 4.3.9) to WAVE order.
 *
 * <p>A broken audio packet is skipped (it yields no samples and the next one overlaps with the
 * last good block), as the spec asks of a decoder.
 */
public final class VorbisDecoder implements AudioDecoder {
    /**
     * For 1 to 8 channels: output channel i takes Vorbis channel WAVE_ORDER[c - 1][i]
     * (Vorbis: L C R ... LFE last; WAVE: L R C LFE back side).
     */
    private static final int[][] WAVE_ORDER = {
        {0},
        {0, 1},
        {0, 2, 1},
        {0, 1, 2, 3},
        {0, 2, 1, 3, 4},
        {0, 2, 1, 5, 3, 4},
        {0, 2, 1, 6, 5, 3, 4},
        {0, 2, 1, 7, 5, 6, 3, 4},
    };

    private final VorbisSetup setup;
    private final int channels;
    private final int modeBits;
    private final LsbBitReader reader = new LsbBitReader();
    private final Imdct[] imdct = new Imdct[2];
    /** Rising window slopes of length blocksize0 / 2 and blocksize1 / 2 (Vorbis I 4.3.1). */
    private final float[][] slope = new float[2][];
    /** Vorbis channel -> output channel. */
    private final int[] outputChannel;

    private final Floor.FloorData[] floorData;
    private final boolean[] floorUsed;
    private final boolean[] noResidue;
    private final float[][] spectrum;
    private final float[] samples;
    /** The previous block's right half, not yet windowed: {@code previousSize / 2} values per channel. */
    private final float[][] saved;
    private int previousSize;
    private final float[][] bundle;
    private final boolean[] bundleSkip;

    private final AudioBlock block = new AudioBlock();
    private boolean blockReady;
    private int skippedPackets;

    public VorbisDecoder(TrackInfo track) {
        setup = new VorbisSetup(track.codecHeaders());
        channels = setup.channels;
        modeBits = Vorbis.ilog(setup.modes.length - 1);
        int[] bs = {setup.blocksize0, setup.blocksize1};
        for (int f = 0; f < 2; f++) {
            imdct[f] = new Imdct(bs[f]);
            int l = bs[f] / 2;
            slope[f] = new float[l];
            for (int i = 0; i < l; i++) {
                double s = Math.sin((i + 0.5) / l * Math.PI / 2);
                slope[f][i] = (float) Math.sin(Math.PI / 2 * s * s);
            }
        }
        outputChannel = new int[channels];
        for (int c = 0; c < channels; c++) {
            outputChannel[c] = c;
        }
        if (channels <= 8) {
            int[] order = WAVE_ORDER[channels - 1];
            for (int i = 0; i < channels; i++) {
                outputChannel[order[i]] = i;
            }
        }
        int half1 = setup.blocksize1 / 2;
        floorData = new Floor.FloorData[channels];
        floorUsed = new boolean[channels];
        noResidue = new boolean[channels];
        spectrum = new float[channels][half1];
        saved = new float[channels][half1];
        bundle = new float[channels][];
        bundleSkip = new boolean[channels];
        for (int c = 0; c < channels; c++) {
            floorData[c] = new Floor.FloorData();
        }
        samples = new float[setup.blocksize1];
        block.sampleRate = setup.sampleRate;
        block.ensureCapacity(channels, setup.blocksize1);
    }

    /** Packets skipped because they could not be decoded. */
    public int skippedPackets() {
        return skippedPackets;
    }

    @Override
    public void decode(Packet packet) {
        blockReady = false;
        int frames;
        try {
            frames = decodeAudio(packet.data, packet.offset, packet.length);
        } catch (MalformedStreamException e) {
            skippedPackets++;
            return;
        }
        int start = Math.max(0, Math.min(packet.trimStart, frames));
        int end = Math.max(start, frames - Math.max(0, packet.trimEnd));
        if (end <= start) {
            return;
        }
        if (start > 0) {
            for (int c = 0; c < channels; c++) {
                float[] s = block.samples[c];
                System.arraycopy(s, start, s, 0, end - start);
            }
        }
        block.frames = end - start;
        block.pts = packet.pts == Packet.NO_TIMESTAMP ? Packet.NO_TIMESTAMP : packet.pts + start;
        blockReady = true;
    }

    /** Decodes one packet into {@link #block}; returns the number of frames output. */
    private int decodeAudio(byte[] data, int offset, int length) {
        LsbBitReader r = reader.reset(data, offset, length);
        // Vorbis I 4.3.1
        if (r.readFlag()) {
            throw new MalformedStreamException("not an audio packet");
        }
        int modeNumber = r.readBits(modeBits);
        if (modeNumber >= setup.modes.length) {
            throw new MalformedStreamException("mode " + modeNumber);
        }
        VorbisSetup.Mode mode = setup.modes[modeNumber];
        int flag = mode.blockFlag ? 1 : 0;
        int n = flag == 1 ? setup.blocksize1 : setup.blocksize0;
        if (mode.blockFlag) {
            r.readBits(2); // previous and next window flags: the actual neighbours decide the overlap
        }
        if (r.endOfPacket()) {
            throw new MalformedStreamException("audio packet ends in its header");
        }
        VorbisSetup.Mapping mapping = setup.mappings[mode.mapping];
        int half = n / 2;
        // Vorbis I 4.3.2: floors
        for (int c = 0; c < channels; c++) {
            Floor floor = setup.floors[mapping.submapFloor[mapping.mux[c]]];
            floorUsed[c] = floor.decode(r, floorData[c]);
            noResidue[c] = !floorUsed[c];
        }
        // 4.3.3: nonzero vector propagate
        for (int i = 0; i < mapping.couplingSteps; i++) {
            int m = mapping.magnitude[i];
            int a = mapping.angle[i];
            if (!noResidue[m] || !noResidue[a]) {
                noResidue[m] = false;
                noResidue[a] = false;
            }
        }
        // 4.3.4: residues
        for (int c = 0; c < channels; c++) {
            float[] s = spectrum[c];
            for (int i = 0; i < half; i++) {
                s[i] = 0;
            }
        }
        for (int sm = 0; sm < mapping.submaps; sm++) {
            int count = 0;
            for (int c = 0; c < channels; c++) {
                if (mapping.mux[c] == sm) {
                    bundle[count] = spectrum[c];
                    bundleSkip[count] = noResidue[c];
                    count++;
                }
            }
            setup.residues[mapping.submapResidue[sm]].decode(r, bundle, bundleSkip, count, half);
        }
        // 4.3.5: inverse coupling
        for (int i = mapping.couplingSteps - 1; i >= 0; i--) {
            float[] mag = spectrum[mapping.magnitude[i]];
            float[] ang = spectrum[mapping.angle[i]];
            for (int j = 0; j < half; j++) {
                float m = mag[j];
                float a = ang[j];
                if (m > 0) {
                    if (a > 0) {
                        ang[j] = m - a;
                    } else {
                        ang[j] = m;
                        mag[j] = m + a;
                    }
                } else {
                    if (a > 0) {
                        ang[j] = m + a;
                    } else {
                        ang[j] = m;
                        mag[j] = m - a;
                    }
                }
            }
        }
        // 4.3.6: floor curves; 4.3.7: inverse MDCT; 4.3.8: overlap-add
        int pn = previousSize;
        int frames = pn == 0 ? 0 : pn / 4 + n / 4;
        int overlap = Math.min(pn, n) / 2;
        float[] win = slope[pn < n ? (pn == setup.blocksize1 ? 1 : 0) : flag];
        int slopeStart = pn / 4 - overlap / 2;
        for (int c = 0; c < channels; c++) {
            float[] s = spectrum[c];
            if (floorUsed[c]) {
                setup.floors[mapping.submapFloor[mapping.mux[c]]].apply(floorData[c], s, half, flag);
            } else {
                for (int i = 0; i < half; i++) {
                    s[i] = 0;
                }
            }
            imdct[flag].inverse(s, samples);
            float[] prev = saved[c];
            if (pn != 0) {
                float[] out = block.samples[outputChannel[c]];
                int curShift = n / 4 - pn / 4;
                for (int k = 0; k < slopeStart; k++) {
                    out[k] = prev[k];
                }
                for (int i = 0; i < overlap; i++) {
                    int k = slopeStart + i;
                    out[k] = prev[k] * win[overlap - 1 - i] + samples[k + curShift] * win[i];
                }
                for (int k = slopeStart + overlap; k < frames; k++) {
                    out[k] = samples[k + curShift];
                }
            }
            System.arraycopy(samples, half, prev, 0, half);
        }
        previousSize = n;
        return frames;
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
        previousSize = 0;
    }
}
