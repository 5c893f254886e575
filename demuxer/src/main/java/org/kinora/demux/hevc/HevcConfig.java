package org.kinora.demux.hevc;

import org.kinora.core.MalformedStreamException;

/**
 * What the containers read from an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1,
 * MP4 {@code hvcC}, Matroska CodecPrivate of V_MPEGH/ISO/HEVC): the picture size of its first SPS
 * (through {@link SpsSize}) and the NAL unit length size.
 */
public final class HevcConfig {
    public int width;
    public int height;
    /** lengthSizeMinusOne + 1. */
    public int nalLengthSize;
    public int bitDepthLuma;

    private HevcConfig() {
    }

    /** Parses {@code record}; sizes stay 0 when no SPS can be read. */
    public static HevcConfig parse(byte[] record) {
        if (record.length < 23) {
            throw new MalformedStreamException("hvcC record of " + record.length + " bytes is too short");
        }
        HevcConfig c = new HevcConfig();
        c.bitDepthLuma = 8 + (record[17] & 7);
        c.nalLengthSize = (record[21] & 3) + 1;
        if (c.nalLengthSize == 3) {
            throw new MalformedStreamException("hvcC lengthSizeMinusOne = 2");
        }
        int arrays = record[22] & 0xFF;
        int p = 23;
        for (int a = 0; a < arrays; a++) {
            if (p + 3 > record.length) {
                throw new MalformedStreamException("hvcC array header cut short");
            }
            int type = record[p] & 0x3F;
            int count = (record[p + 1] & 0xFF) << 8 | (record[p + 2] & 0xFF);
            p += 3;
            for (int i = 0; i < count; i++) {
                if (p + 2 > record.length) {
                    throw new MalformedStreamException("hvcC NAL unit length cut short");
                }
                int n = (record[p] & 0xFF) << 8 | (record[p + 1] & 0xFF);
                p += 2;
                if (n > record.length - p) {
                    throw new MalformedStreamException("hvcC NAL unit runs past the record");
                }
                if (type == 33 && c.width == 0) {
                    SpsSize sps = SpsSize.read(record, p, n);
                    if (sps != null) {
                        c.width = sps.width;
                        c.height = sps.height;
                    }
                }
                p += n;
            }
        }
        return c;
    }
}
