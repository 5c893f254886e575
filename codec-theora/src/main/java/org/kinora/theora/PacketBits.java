package org.kinora.theora;

/**
 * MSB-first bit reader over a private, zero-padded copy of one packet (Theora I 5.2). Reading past
 * the end yields zero bits, as the specification's end-of-packet rule allows; {@link #overrun()}
 * tells whether that happened. A 32-bit window makes multi-bit table look-ups cheap.
 */
final class PacketBits {
    private static final int PAD = 8;
    private byte[] buf = new byte[64];
    private int length;
    private int pos;

    /** Copies {@code len} bytes of {@code src} and starts reading at their first bit. */
    void reset(byte[] src, int off, int len) {
        if (buf.length < len + PAD) {
            buf = new byte[len + PAD + (len >> 2)];
        }
        System.arraycopy(src, off, buf, 0, len);
        for (int i = 0; i < PAD; i++) {
            buf[len + i] = 0;
        }
        length = len;
        pos = 0;
    }

    /** The next 32 bits, left-aligned; zero bits past the end. */
    int peek32() {
        int p = pos >>> 3;
        if (p > length) {
            return 0;
        }
        byte[] b = buf;
        int w = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        int s = pos & 7;
        if (s != 0) {
            w = w << s | (b[p + 4] & 0xFF) >>> (8 - s);
        }
        return w;
    }

    void skip(int n) {
        pos += n;
    }

    /** Reads an unsigned {@code n}-bit integer, 0 <= n <= 31. */
    int read(int n) {
        if (n == 0) {
            return 0;
        }
        int v = peek32() >>> (32 - n);
        pos += n;
        return v;
    }

    int read1() {
        int p = pos >>> 3;
        int v = p < length ? (buf[p] >> (7 - (pos & 7))) & 1 : 0;
        pos++;
        return v;
    }

    /** Reads an unsigned 32-bit integer as a long (headers only). */
    long read32() {
        long hi = read(16);
        return hi << 16 | read(16);
    }

    /** True when more bits were read than the packet holds. */
    boolean overrun() {
        return pos > length * 8;
    }

    int bitPosition() {
        return pos;
    }

    int bitLength() {
        return length * 8;
    }
}
