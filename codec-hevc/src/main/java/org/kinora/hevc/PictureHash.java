package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.Md5;

/**
 * The decoded picture hash SEI message (H.265 D.2.20 syntax, D.3.19 semantics): parsing, and
 * checking a decoded picture against it (MD5, CRC or checksum of each colour component).
 */
final class PictureHash {
    static final int PAYLOAD_TYPE = 132;
    static final int MD5 = 0;
    static final int CRC = 1;
    static final int CHECKSUM = 2;

    int hashType = -1;
    final byte[][] md5 = new byte[3][16];
    final int[] value = new int[3];

    private final Md5 digest = new Md5();
    private byte[] row = new byte[0];

    boolean present() {
        return hashType >= 0;
    }

    void clear() {
        hashType = -1;
    }

    /** Parses the payload of a decoded_picture_hash SEI message; {@code components} is 1 or 3. */
    void parse(BitReader r, int components) {
        int type = r.readBits(8);
        if (type > 2) {
            hashType = -1;
            return;
        }
        for (int c = 0; c < components; c++) {
            if (type == MD5) {
                for (int i = 0; i < 16; i++) {
                    md5[c][i] = (byte) r.readBits(8);
                }
            } else if (type == CRC) {
                value[c] = r.readBits(16);
            } else {
                value[c] = r.readBits(32);
            }
        }
        hashType = type;
    }

    /** Whether the frame's decoded samples (whole coded picture, before cropping) match. */
    boolean matches(Frame f) {
        for (int c = 0; c < 3; c++) {
            int bitDepth = c == 0 ? f.sps.bitDepthY : f.sps.bitDepthC;
            int w = f.planeWidth[c];
            int h = f.planeHeight[c];
            short[] p = f.planes[c];
            boolean ok;
            if (hashType == MD5) {
                ok = java.util.Arrays.equals(md5(p, w, h, bitDepth), md5[c]);
            } else if (hashType == CRC) {
                ok = crc(p, w, h, bitDepth) == value[c];
            } else {
                ok = checksum(p, w, h, bitDepth) == value[c];
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private byte[] md5(short[] p, int w, int h, int bitDepth) {
        int bytes = bitDepth > 8 ? 2 : 1;
        if (row.length < w * bytes) {
            row = new byte[w * bytes];
        }
        for (int y = 0; y < h; y++) {
            int base = y * w;
            if (bytes == 1) {
                for (int x = 0; x < w; x++) {
                    row[x] = (byte) p[base + x];
                }
            } else {
                for (int x = 0; x < w; x++) {
                    int v = p[base + x];
                    row[2 * x] = (byte) v;
                    row[2 * x + 1] = (byte) (v >> 8);
                }
            }
            digest.update(row, 0, w * bytes);
        }
        return digest.digest();
    }

    /** D.3.19 CRC (polynomial 0x1021, initial value 0xFFFF). */
    private static int crc(short[] p, int w, int h, int bitDepth) {
        int crc = 0xFFFF;
        int bytes = bitDepth > 8 ? 2 : 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = p[y * w + x];
                for (int i = 0; i < bytes; i++) {
                    int data = i == 0 ? v & 0xFF : v >> 8;
                    for (int bit = 0; bit < 8; bit++) {
                        int msb = (crc >> 15) & 1;
                        int b = (data >> (7 - bit)) & 1;
                        crc = (((crc << 1) + b) & 0xFFFF) ^ (msb * 0x1021);
                    }
                }
            }
        }
        for (int bit = 0; bit < 16; bit++) {
            int msb = (crc >> 15) & 1;
            crc = ((crc << 1) & 0xFFFF) ^ (msb * 0x1021);
        }
        return crc;
    }

    /** D.3.19 checksum. */
    private static int checksum(short[] p, int w, int h, int bitDepth) {
        int sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int mask = (x & 0xFF) ^ (y & 0xFF) ^ (x >> 8) ^ (y >> 8);
                int v = p[y * w + x];
                sum += (v & 0xFF) ^ mask;
                if (bitDepth > 8) {
                    sum += (v >> 8) ^ mask;
                }
            }
        }
        return sum;
    }
}
