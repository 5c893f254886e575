package org.kinora.aac;

import org.kinora.core.AudioBlock;
import org.kinora.core.AudioDecoder;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;

/**
 * ITU-T G.711 A-law and mu-law: one byte per sample, channels interleaved, each byte expanded to
 * its 16-bit linear value (G.711 Tables 1 and 2) and output as value / 32768.
 */
public final class G711Decoder implements AudioDecoder {
    /** The 16-bit linear value of every A-law and mu-law byte. */
    static final short[] ALAW = new short[256];
    static final short[] MULAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            // A-law: even bits inverted; 3-bit segment, 4-bit step, sign bit 1 = positive
            int a = i ^ 0x55;
            int segment = (a >> 4) & 7;
            int t = (a & 0x0F) << 4;
            t += segment == 0 ? 8 : 0x108;
            if (segment > 1) {
                t <<= segment - 1;
            }
            ALAW[i] = (short) ((a & 0x80) != 0 ? t : -t);
            // mu-law: all bits inverted; biased by 0x84 (132), sign bit 1 = negative
            int u = ~i & 0xFF;
            int m = (((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 7);
            MULAW[i] = (short) ((u & 0x80) != 0 ? 0x84 - m : m - 0x84);
        }
    }

    private final short[] table;
    private final int channels;
    private final AudioBlock block = new AudioBlock();
    private boolean ready;

    public G711Decoder(TrackInfo track) {
        if (TrackInfo.ALAW.equals(track.codec())) {
            table = ALAW;
        } else if (TrackInfo.MULAW.equals(track.codec())) {
            table = MULAW;
        } else {
            throw new IllegalArgumentException("not a G.711 track: " + track.codec());
        }
        channels = track.channels();
        if (channels < 1 || channels > 8) {
            throw new MalformedStreamException("G.711 with " + channels + " channels");
        }
        block.sampleRate = track.sampleRate();
        block.ensureCapacity(channels, 1024);
    }

    @Override
    public void decode(Packet packet) {
        ready = false;
        int frames = packet.length / channels;
        if (frames == 0) {
            return;
        }
        block.ensureCapacity(channels, frames);
        byte[] d = packet.data;
        int p = packet.offset;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                block.samples[c][i] = table[d[p++] & 0xFF] * (1f / 32768);
            }
        }
        block.frames = frames;
        block.pts = packet.pts;
        ready = true;
    }

    @Override
    public AudioBlock receive() {
        if (!ready) {
            return null;
        }
        ready = false;
        return block;
    }

    @Override
    public void flush() {
        ready = false;
    }

    @Override
    public void reset() {
        ready = false;
    }
}
