package org.kinora.core;

/**
 * Reads bits least-significant first, as Vorbis packs them (Vorbis I 2.1).
 *
 * <p>Reading past the end does not throw: Vorbis defines that condition (end-of-packet) and
 * decoders act on it. The read returns 0 and {@link #endOfPacket()} becomes true.
 */
public final class LsbBitReader {
    private byte[] data;
    private int start;
    private int end;
    private int bitPos;
    private int bitEnd;
    private boolean endOfPacket;

    public LsbBitReader() {
        this(new byte[0], 0, 0);
    }

    public LsbBitReader(byte[] data, int offset, int length) {
        reset(data, offset, length);
    }

    public LsbBitReader reset(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length || length > (Integer.MAX_VALUE >> 3) - offset) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + data.length);
        }
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.bitPos = offset << 3;
        this.bitEnd = end << 3;
        this.endOfPacket = false;
        return this;
    }

    /** True once a read went past the end of the packet. */
    public boolean endOfPacket() {
        return endOfPacket;
    }

    public int position() {
        return bitPos - (start << 3);
    }

    public int bitsLeft() {
        return bitEnd - bitPos;
    }

    public boolean readFlag() {
        return readBits(1) != 0;
    }

    /** Reads {@code n} bits (0..32), first bit read is the least significant of the result. */
    public int readBits(int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n);
        }
        if (n == 0) {
            return 0;
        }
        if (n > bitEnd - bitPos) {
            bitPos = bitEnd;
            endOfPacket = true;
            return 0;
        }
        int v = peekUnchecked(n);
        bitPos += n;
        return v;
    }

    /** The next {@code n} bits (0..32) without consuming them; bits past the end read as 0. */
    public int peekBits(int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n);
        }
        return n == 0 ? 0 : peekUnchecked(n);
    }

    /** Consumes {@code n} bits; going past the end sets end-of-packet. */
    public void skipBits(int n) {
        if (n > bitEnd - bitPos) {
            bitPos = bitEnd;
            endOfPacket = true;
        } else {
            bitPos += n;
        }
    }

    private int peekUnchecked(int n) {
        int byteIndex = bitPos >> 3;
        int shift = bitPos & 7;
        int lo = byteAt(byteIndex) | (byteAt(byteIndex + 1) << 8) | (byteAt(byteIndex + 2) << 16) | (byteAt(byteIndex + 3) << 24);
        int window = lo >>> shift;
        if (shift != 0) {
            window |= byteAt(byteIndex + 4) << (32 - shift);
        }
        return n == 32 ? window : window & ((1 << n) - 1);
    }

    private int byteAt(int i) {
        return i < end ? data[i] & 0xFF : 0;
    }
}
