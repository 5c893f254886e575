package org.kinora.core;

/**
 * Reads big- and little-endian integers from a byte range, every read bounds-checked
 * ({@link TruncatedStreamException} past the limit). Containers use it on headers and boxes.
 */
public final class ByteReader {
    private byte[] data;
    private int position;
    private int limit;

    public ByteReader() {
        this(new byte[0], 0, 0);
    }

    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ByteReader(byte[] data, int offset, int length) {
        reset(data, offset, length);
    }

    public ByteReader reset(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    public byte[] data() {
        return data;
    }

    /** Index in {@link #data()} of the next byte. */
    public int position() {
        return position;
    }

    public void setPosition(int position) {
        if (position < 0 || position > limit) {
            throw new TruncatedStreamException("position " + position + " outside the data");
        }
        this.position = position;
    }

    public int limit() {
        return limit;
    }

    public int bytesLeft() {
        return limit - position;
    }

    private void need(int n) {
        if (n < 0 || n > limit - position) {
            throw new TruncatedStreamException("need " + n + " bytes, " + (limit - position) + " left");
        }
    }

    public void skip(int n) {
        need(n);
        position += n;
    }

    public int readU8() {
        need(1);
        return data[position++] & 0xFF;
    }

    public int readS8() {
        need(1);
        return data[position++];
    }

    public int readU16BE() {
        need(2);
        int v = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    public int readU16LE() {
        need(2);
        int v = (data[position] & 0xFF) | ((data[position + 1] & 0xFF) << 8);
        position += 2;
        return v;
    }

    public int readU24BE() {
        need(3);
        int v = ((data[position] & 0xFF) << 16) | ((data[position + 1] & 0xFF) << 8) | (data[position + 2] & 0xFF);
        position += 3;
        return v;
    }

    /** 32 bits big-endian as a raw int (may be negative). */
    public int readS32BE() {
        need(4);
        int v = ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    /** 32 bits little-endian as a raw int (may be negative). */
    public int readS32LE() {
        need(4);
        int v = (data[position] & 0xFF) | ((data[position + 1] & 0xFF) << 8)
                | ((data[position + 2] & 0xFF) << 16) | ((data[position + 3] & 0xFF) << 24);
        position += 4;
        return v;
    }

    public long readU32BE() {
        return readS32BE() & 0xFFFFFFFFL;
    }

    public long readU32LE() {
        return readS32LE() & 0xFFFFFFFFL;
    }

    /** An unsigned 32-bit length or count that must fit an int; larger values are malformed. */
    public int readU32BEAsInt(String what) {
        int v = readS32BE();
        if (v < 0) {
            throw new MalformedStreamException(what + " " + (v & 0xFFFFFFFFL) + " too large");
        }
        return v;
    }

    public int readU32LEAsInt(String what) {
        int v = readS32LE();
        if (v < 0) {
            throw new MalformedStreamException(what + " " + (v & 0xFFFFFFFFL) + " too large");
        }
        return v;
    }

    public long readS64BE() {
        long hi = readU32BE();
        return (hi << 32) | readU32BE();
    }

    public long readS64LE() {
        long lo = readU32LE();
        return lo | (readU32LE() << 32);
    }

    public void readBytes(byte[] dst, int offset, int length) {
        need(length);
        System.arraycopy(data, position, dst, offset, length);
        position += length;
    }

    /** A copy of the next {@code length} bytes. */
    public byte[] readBytes(int length) {
        need(length);
        byte[] b = new byte[length];
        readBytes(b, 0, length);
        return b;
    }

    /** {@code length} bytes as Latin-1/ASCII text. */
    public String readAscii(int length) {
        need(length);
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) (data[position + i] & 0xFF);
        }
        position += length;
        return new String(c);
    }

    /** {@code length} bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String readUtf8(int length) {
        need(length);
        String s = Utf8.decode(data, position, length);
        position += length;
        return s;
    }
}
