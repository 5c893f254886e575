package org.kinora.core;

/**
 * Reads bits most-significant first (Theora, H.265 RBSP syntax), with Exp-Golomb codes.
 *
 * <p>Reading past the end throws {@link TruncatedStreamException}; every read checks, so a
 * corrupt length can never walk off the array in either TeaVM build.
 */
public final class BitReader {
    private byte[] data;
    private int start;
    private int end;
    /** Absolute bit position in {@code data}. */
    private int bitPos;
    private int bitEnd;

    public BitReader() {
        this(new byte[0], 0, 0);
    }

    public BitReader(byte[] data) {
        this(data, 0, data.length);
    }

    public BitReader(byte[] data, int offset, int length) {
        reset(data, offset, length);
    }

    /** Starts reading {@code data[offset .. offset + length)} from its first bit. */
    public BitReader reset(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length || length > (Integer.MAX_VALUE >> 3) - offset) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + data.length);
        }
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.bitPos = offset << 3;
        this.bitEnd = end << 3;
        return this;
    }

    /** Bits read since the start. */
    public int position() {
        return bitPos - (start << 3);
    }

    /** Moves to a bit position counted from the start. */
    public void setPosition(int bits) {
        if (bits < 0 || bits > bitEnd - (start << 3)) {
            throw new TruncatedStreamException("bit position " + bits + " outside the data");
        }
        bitPos = (start << 3) + bits;
    }

    public int bitsLeft() {
        return bitEnd - bitPos;
    }

    public boolean byteAligned() {
        return (bitPos & 7) == 0;
    }

    /** Skips to the next byte boundary. */
    public void byteAlign() {
        bitPos = Math.min((bitPos + 7) & ~7, bitEnd);
    }

    /** Byte offset (in the array) of the next whole byte. */
    public int bytePosition() {
        return (bitPos + 7) >> 3;
    }

    public boolean readFlag() {
        return readBit() != 0;
    }

    public int readBit() {
        if (bitPos >= bitEnd) {
            throw new TruncatedStreamException("read past the end of the data");
        }
        int b = (data[bitPos >> 3] >> (7 - (bitPos & 7))) & 1;
        bitPos++;
        return b;
    }

    /** Reads {@code n} bits, 0 &lt;= n &lt;= 32, as an unsigned value (n = 32 returns the raw int). */
    public int readBits(int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n);
        }
        if (n == 0) {
            return 0;
        }
        if (n > bitEnd - bitPos) {
            throw new TruncatedStreamException("read of " + n + " bits past the end of the data");
        }
        int v = peekUnchecked(n);
        bitPos += n;
        return v;
    }

    /** Reads {@code n} bits as a two's-complement signed value. */
    public int readSigned(int n) {
        int v = readBits(n);
        return n == 0 || n == 32 ? v : (v << (32 - n)) >> (32 - n);
    }

    /** The next {@code n} bits (0..32) without consuming them; bits past the end read as 0. */
    public int peekBits(int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n);
        }
        return n == 0 ? 0 : peekUnchecked(n);
    }

    private int peekUnchecked(int n) {
        int byteIndex = bitPos >> 3;
        int shift = bitPos & 7;
        // Gather up to 5 bytes into a 40-bit window kept as two ints to avoid long arithmetic.
        int hi = (byteAt(byteIndex) << 24) | (byteAt(byteIndex + 1) << 16) | (byteAt(byteIndex + 2) << 8) | byteAt(byteIndex + 3);
        int window = hi << shift;
        if (shift != 0) {
            window |= byteAt(byteIndex + 4) >>> (8 - shift);
        }
        return window >>> (32 - n);
    }

    private int byteAt(int i) {
        return i < end ? data[i] & 0xFF : 0;
    }

    public void skipBits(int n) {
        if (n < 0 || n > bitEnd - bitPos) {
            throw new TruncatedStreamException("skip of " + n + " bits past the end of the data");
        }
        bitPos += n;
    }

    /** ue(v): unsigned Exp-Golomb (H.265 9.2). Values above 2^31-2 are rejected. */
    public int readUe() {
        int leadingZeros = 0;
        while (readBit() == 0) {
            leadingZeros++;
            if (leadingZeros > 31) {
                throw new MalformedStreamException("Exp-Golomb code longer than 32 bits");
            }
        }
        if (leadingZeros == 0) {
            return 0;
        }
        int suffix = readBits(leadingZeros);
        int value = (1 << leadingZeros) - 1 + suffix;
        if (leadingZeros == 31 || value < 0) {
            throw new MalformedStreamException("Exp-Golomb value out of range");
        }
        return value;
    }

    /** se(v): signed Exp-Golomb (H.265 9.2.2). */
    public int readSe() {
        int k = readUe();
        int magnitude = (k >>> 1) + (k & 1);
        return (k & 1) != 0 ? magnitude : -magnitude;
    }

    /** ue(v) checked against a legal range. */
    public int readUe(String what, int min, int max) {
        return MalformedStreamException.checkRange(what, readUe(), min, max);
    }

    /** se(v) checked against a legal range. */
    public int readSe(String what, int min, int max) {
        return MalformedStreamException.checkRange(what, readSe(), min, max);
    }

    /** True when more RBSP data follows (H.265 7.2 more_rbsp_data): not just the stop bit and zeros. */
    public boolean moreRbspData() {
        if (bitPos >= bitEnd) {
            return false;
        }
        int last = end - 1;
        while (last >= start && data[last] == 0) {
            last--;
        }
        if (last < start) {
            return false;
        }
        int stopBit = (last << 3) + 7 - Integer.numberOfTrailingZeros(data[last] & 0xFF);
        return bitPos < stopBit;
    }
}
