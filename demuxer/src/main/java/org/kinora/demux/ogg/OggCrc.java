package org.kinora.demux.ogg;

/** The page checksum of RFC 3533 section 6: CRC-32, polynomial 0x04C11DB7, no reflection, init 0. */
final class OggCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            TABLE[i] = r;
        }
    }

    private OggCrc() {
    }

    static int update(int crc, byte[] b, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b[i]) & 0xFF];
        }
        return crc;
    }

    /** The checksum of a whole page held in {@code b[offset .. offset + length)}, its CRC field taken as zero. */
    static int ofPage(byte[] b, int offset, int length) {
        int crc = update(0, b, offset, 22);
        for (int i = 0; i < 4; i++) {
            crc = (crc << 8) ^ TABLE[(crc >>> 24) & 0xFF];
        }
        return update(crc, b, offset + 26, length - 26);
    }
}
