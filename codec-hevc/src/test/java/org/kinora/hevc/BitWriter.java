package org.kinora.hevc;

import java.io.ByteArrayOutputStream;

/** Writes RBSP bits for syntax tests: u(n), ue(v), se(v) and the trailing bits. */
final class BitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int cur;
    private int n;
    private int count;

    /** Bits written so far. */
    int bitCount() {
        return count;
    }

    /** The whole bytes written so far (the writer must be byte aligned). */
    byte[] bytes() {
        if (n != 0) {
            throw new IllegalStateException("not byte aligned");
        }
        return out.toByteArray();
    }

    BitWriter u(int bits, int value) {
        for (int i = bits - 1; i >= 0; i--) {
            count++;
            cur = (cur << 1) | ((value >>> i) & 1);
            if (++n == 8) {
                out.write(cur);
                cur = 0;
                n = 0;
            }
        }
        return this;
    }

    BitWriter flag(boolean b) {
        return u(1, b ? 1 : 0);
    }

    BitWriter ue(int v) {
        int x = v + 1;
        int len = 32 - Integer.numberOfLeadingZeros(x);
        u(len - 1, 0);
        return u(len, x);
    }

    BitWriter se(int v) {
        return ue(v <= 0 ? -2 * v : 2 * v - 1);
    }

    /** rbsp_trailing_bits(): a 1 and zeros to the byte boundary. */
    byte[] trailing() {
        u(1, 1);
        while (n != 0) {
            u(1, 0);
        }
        return out.toByteArray();
    }

    /** byte_alignment() of a slice header followed by some slice data bytes. */
    byte[] alignedWith(byte... data) {
        byte[] head = trailing();
        byte[] all = new byte[head.length + data.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        return all;
    }
}
