package org.kinora.theora;

/**
 * MSB-first bit reader over a private copy of one packet (Theora I 5.2). Reading past the end
 * yields zero bits, as the specification's end-of-packet rule allows; {@link #overrun()} tells
 * whether that happened.
 *
 * <p>Bits wait in a 32-bit window, left-aligned, refilled a byte at a time so that at least 25
 * are ready after {@link #refill()}. The token decoder works on a copy of this state in local
 * variables ({@link #buf}, {@link #length}, {@link #pos}, {@link #window}, {@link #avail}) and
 * stores it back.
 */
final class PacketBits {
    byte[] buf = new byte[64];
    int length;
    /** Next byte to load into the window. */
    int pos;
    /** Unread bits, left-aligned; bits below the {@link #avail} valid ones are zero. */
    int window;
    int avail;

    /** Copies {@code len} bytes of {@code src} and starts reading at their first bit. */
    void reset(byte[] src, int off, int len) {
        if (buf.length < len + 2) {
            buf = new byte[len + (len >> 2) + 64];
        }
        System.arraycopy(src, off, buf, 0, len);
        // Readers that load two bytes at once may read one byte past the end: make it zero.
        buf[len] = 0;
        buf[len + 1] = 0;
        length = len;
        pos = 0;
        window = 0;
        avail = 0;
    }

    /** Tops the window up to at least 25 valid bits. */
    void refill() {
        while (avail <= 24) {
            int b = pos < length ? buf[pos] & 0xFF : 0;
            pos++;
            window |= b << (24 - avail);
            avail += 8;
        }
    }

    /** The next bits, left-aligned; at least the top 25 are valid. */
    int peek32() {
        refill();
        return window;
    }

    /** Drops {@code n} bits, 0 <= n <= 24, that the window holds (after a peek). */
    void skip(int n) {
        window <<= n;
        avail -= n;
    }

    /** Reads an unsigned {@code n}-bit integer, 0 <= n <= 24. */
    int read(int n) {
        if (n == 0) {
            return 0;
        }
        refill();
        int v = window >>> (32 - n);
        window <<= n;
        avail -= n;
        return v;
    }

    int read1() {
        return read(1);
    }

    /** Reads an unsigned 32-bit integer as a long (headers only). */
    long read32() {
        long hi = read(16);
        return hi << 16 | read(16);
    }

    /** True when more bits were read than the packet holds. */
    boolean overrun() {
        return bitPosition() > length * 8;
    }

    /** Bits read so far. */
    int bitPosition() {
        return pos * 8 - avail;
    }
}
