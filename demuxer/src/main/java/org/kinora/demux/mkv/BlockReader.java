package org.kinora.demux.mkv;

import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;

/** Splits a Block or SimpleBlock (RFC 9559 10.1, 10.2) into its frames, undoing lacing (10.3). */
final class BlockReader {
    /** Frames accepted in one laced block (the count is one byte: at most 256). */
    static final int MAX_FRAMES = 256;

    int track;
    int relativeTimestamp;
    int flags;
    int frames;
    final int[] frameOffset = new int[MAX_FRAMES];
    final int[] frameSize = new int[MAX_FRAMES];

    /** Parses the block {@code data[offset .. offset + length)}; frame offsets index {@code data}. */
    void parse(byte[] data, int offset, int length) {
        ByteReader r = new ByteReader(data, offset, length);
        long number = Ebml.readSize(r);
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw new MalformedStreamException("block track number " + number);
        }
        track = (int) number;
        relativeTimestamp = (short) r.readU16BE();
        flags = r.readU8();
        int lacing = (flags >> 1) & 3;
        int end = offset + length;
        if (lacing == 0) {
            frames = 1;
            frameOffset[0] = r.position();
            frameSize[0] = end - r.position();
            return;
        }
        frames = r.readU8() + 1;
        long sum = 0;
        if (lacing == 1) {
            // Xiph lacing: each size but the last as a run of 255s and a final byte
            for (int i = 0; i < frames - 1; i++) {
                int s = 0;
                int b;
                do {
                    b = r.readU8();
                    s += b;
                } while (b == 255);
                frameSize[i] = s;
                sum += s;
            }
        } else if (lacing == 3) {
            // EBML lacing: the first size, then signed differences (10.3.3)
            long s = Ebml.readSize(r);
            if (s < 0) {
                throw new MalformedStreamException("EBML lace size unknown");
            }
            frameSize[0] = (int) Math.min(s, Integer.MAX_VALUE);
            sum = s;
            for (int i = 1; i < frames - 1; i++) {
                int start = r.position();
                long raw = Ebml.readSize(r);
                int n = r.position() - start;
                long bias = (1L << (7 * n - 1)) - 1;
                long v = (raw < 0 ? (1L << (7 * n)) - 1 : raw) - bias;
                s += v;
                if (s < 0 || s > length) {
                    throw new MalformedStreamException("EBML lace size " + s);
                }
                frameSize[i] = (int) s;
                sum += s;
            }
        } else {
            // fixed-size lacing
            int rest = end - r.position();
            if (rest % frames != 0) {
                throw new MalformedStreamException("fixed lacing: " + rest + " bytes for " + frames + " frames");
            }
            for (int i = 0; i < frames - 1; i++) {
                frameSize[i] = rest / frames;
                sum += rest / frames;
            }
        }
        int pos = r.position();
        if (sum > end - pos) {
            throw new MalformedStreamException("laced frame sizes exceed the block");
        }
        frameSize[frames - 1] = (int) (end - pos - sum);
        for (int i = 0; i < frames; i++) {
            frameOffset[i] = pos;
            pos += frameSize[i];
        }
    }
}
