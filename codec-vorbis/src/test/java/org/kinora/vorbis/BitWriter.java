package org.kinora.vorbis;

import org.kinora.core.LsbBitReader;

/** Writes bits least-significant first, as Vorbis packs them; for building test headers and packets. */
final class BitWriter {
    private byte[] buf = new byte[64];
    private int bits;

    BitWriter write(int value, int n) {
        for (int i = 0; i < n; i++) {
            if ((bits >> 3) == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            if (((value >>> i) & 1) != 0) {
                buf[bits >> 3] |= (byte) (1 << (bits & 7));
            }
            bits++;
        }
        return this;
    }

    /** Writes a Huffman codeword given MSB-first, as the spec lists codewords. */
    BitWriter code(String msbFirst) {
        for (int i = 0; i < msbFirst.length(); i++) {
            write(msbFirst.charAt(i) == '1' ? 1 : 0, 1);
        }
        return this;
    }

    /** Vorbis I 9.2.2 float32_pack of a value that is an integer times a power of two. */
    BitWriter float32(double v) {
        int sign = v < 0 ? 1 : 0;
        double a = Math.abs(v);
        int exp = 788;
        long mantissa = (long) a;
        if (a == 0) {
            return write(0, 32);
        }
        // normalise so that the mantissa fits 21 bits with no fraction lost
        double m = a;
        int e = 0;
        while (m != Math.floor(m) && m < (1 << 20)) {
            m *= 2;
            e--;
        }
        while (m >= (1 << 21)) {
            m /= 2;
            e++;
        }
        mantissa = (long) m;
        exp = e + 788;
        return write((int) mantissa | exp << 21 | sign << 31, 32);
    }

    LsbBitReader reader() {
        return new LsbBitReader(buf, 0, (bits + 7) >> 3);
    }

    byte[] bytes() {
        return java.util.Arrays.copyOf(buf, (bits + 7) >> 3);
    }
}
