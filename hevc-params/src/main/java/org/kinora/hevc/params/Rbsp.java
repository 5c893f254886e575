package org.kinora.hevc.params;

/** The raw byte sequence payload of a NAL unit (H.265 7.3.1.1, 7.4.2). */
public final class Rbsp {
    private Rbsp() {
    }

    /**
     * Copies the NAL unit bytes {@code src[offset .. offset + length)} to {@code dst} without their
     * emulation_prevention_three_byte (7.4.2); returns the RBSP length. {@code dst} must hold
     * {@code length} bytes.
     */
    public static int unescape(byte[] src, int offset, int length, byte[] dst) {
        int zeros = 0;
        int n = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = src[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            dst[n++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return n;
    }
}
