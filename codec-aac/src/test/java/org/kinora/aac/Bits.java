package org.kinora.aac;

import java.io.ByteArrayOutputStream;

/** Writes bits most-significant first (test streams). */
final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int acc;
    private int n;

    Bits put(int bits, int value) {
        for (int i = bits - 1; i >= 0; i--) {
            acc = acc << 1 | ((value >>> i) & 1);
            if (++n == 8) {
                out.write(acc);
                acc = 0;
                n = 0;
            }
        }
        return this;
    }

    int position() {
        return out.size() * 8 + n;
    }

    byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        byte[] b = out.toByteArray();
        copy.write(b, 0, b.length);
        if (n > 0) {
            copy.write(acc << (8 - n));
        }
        return copy.toByteArray();
    }
}
