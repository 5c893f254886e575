package org.kinora.hevc.params;

import java.io.ByteArrayOutputStream;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.MediaException;

/**
 * The HEVCDecoderConfigurationRecord (ISO/IEC 14496-15, 8.3.3.1) as containers carry it (MP4
 * {@code hvcC}, Matroska CodecPrivate of V_MPEGH/ISO/HEVC, FLV sequence headers): the NAL unit
 * length size and the picture size of its first SPS (through
 * the shared parameter-set parser, {@link Sps}). {@link #build} makes a record from parameter sets found in band,
 * for streams that never send one.
 */
public final class HevcConfigRecord {
    /** Bytes of each NAL unit length prefix (1, 2 or 4). */
    public final int lengthSize;
    /** Cropped picture size of the first SPS, or 0 when the record has no readable SPS. */
    public final int width;
    public final int height;
    /**
     * The first SPS as the shared parser reads it (chroma format, bit depths, VUI colour and
     * timing), also for streams the decoder does not support; null when the record has no
     * readable SPS.
     */
    public final Sps sps;

    /** What {@link #walk} hands each NAL unit of the record to. */
    public interface NalUnitSink {
        void nalUnit(int type, byte[] data, int offset, int length);
    }

    private HevcConfigRecord(int lengthSize, Sps sps) {
        this.lengthSize = lengthSize;
        this.sps = sps;
        this.width = sps == null ? 0 : sps.croppedWidth();
        this.height = sps == null ? 0 : sps.croppedHeight();
    }

    /** Reads and checks a record. */
    public static HevcConfigRecord parse(byte[] c) {
        Sps[] first = new Sps[1];
        int lengthSize = walk(c, (type, data, offset, length) -> {
            if (type == 33 && first[0] == null) {
                first[0] = readSps(data, offset, length);
            }
        });
        return new HevcConfigRecord(lengthSize, first[0]);
    }

    /**
     * Checks a record and hands every NAL unit of its parameter set arrays to {@code sink}, in
     * order (the NAL unit type is the array's); returns the NAL unit length size.
     */
    public static int walk(byte[] c, NalUnitSink sink) {
        if (c.length < 23) {
            throw new MalformedStreamException("hvcC record too short (" + c.length + " bytes)");
        }
        int lengthSize = (c[21] & 3) + 1;
        if (lengthSize == 3) {
            throw new MalformedStreamException("hvcC lengthSizeMinusOne = 2");
        }
        int arrays = c[22] & 0xFF;
        int pos = 23;
        for (int a = 0; a < arrays; a++) {
            if (pos + 3 > c.length) {
                throw new MalformedStreamException("hvcC array header cut short");
            }
            int type = c[pos] & 0x3F;
            int count = ((c[pos + 1] & 0xFF) << 8) | (c[pos + 2] & 0xFF);
            pos += 3;
            for (int i = 0; i < count; i++) {
                if (pos + 2 > c.length) {
                    throw new MalformedStreamException("hvcC NAL unit length cut short");
                }
                int n = ((c[pos] & 0xFF) << 8) | (c[pos + 1] & 0xFF);
                pos += 2;
                if (n > c.length - pos) {
                    throw new MalformedStreamException("hvcC NAL unit runs past the record");
                }
                sink.nalUnit(type, c, pos, n);
                pos += n;
            }
        }
        return lengthSize;
    }

    /**
     * A record with 4-byte NAL unit lengths holding the given parameter sets (each a NAL unit with
     * its 2-byte header, no start code or length prefix). The profile, tier and level fields are
     * taken from the SPS's profile_tier_level (7.3.3).
     */
    public static byte[] build(byte[][] vps, byte[][] sps, byte[][] pps) {
        if (sps.length == 0) {
            throw new IllegalArgumentException("an hvcC record needs an SPS");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // configurationVersion
        // general_profile_space .. general_level_idc: 12 bytes after the SPS's first byte of payload
        byte[] ptl = unescapedPrefix(sps[0], 2, 13);
        out.write(ptl[1] & 0xFF);
        out.write(ptl, 2, 4); // general_profile_compatibility_flags
        out.write(ptl, 6, 6); // general constraint indicator flags
        out.write(ptl[12] & 0xFF); // general_level_idc
        out.write(0xF0); // reserved, min_spatial_segmentation_idc = 0
        out.write(0x00);
        out.write(0xFC); // reserved, parallelismType = 0
        out.write(0xFD); // reserved, chroma_format_idc = 1 (informative only)
        out.write(0xF8); // reserved, bit_depth_luma_minus8 = 0 (informative only)
        out.write(0xF8); // reserved, bit_depth_chroma_minus8 = 0 (informative only)
        out.write(0);
        out.write(0); // avgFrameRate
        out.write(0x0F); // constantFrameRate 0, numTemporalLayers 1, temporalIdNested 1, lengthSizeMinusOne 3
        byte[][][] sets = {vps, sps, pps};
        int[] types = {32, 33, 34};
        int arrays = 0;
        for (byte[][] s : sets) {
            if (s.length > 0) {
                arrays++;
            }
        }
        out.write(arrays);
        for (int t = 0; t < 3; t++) {
            if (sets[t].length == 0) {
                continue;
            }
            out.write(0x80 | types[t]); // array_completeness = 1
            out.write(sets[t].length >> 8);
            out.write(sets[t].length & 0xFF);
            for (byte[] nal : sets[t]) {
                out.write(nal.length >> 8);
                out.write(nal.length & 0xFF);
                out.write(nal, 0, nal.length);
            }
        }
        return out.toByteArray();
    }

    /** The first {@code count} bytes of {@code nal} after {@code skip} bytes, emulation prevention removed. */
    private static byte[] unescapedPrefix(byte[] nal, int skip, int count) {
        byte[] out = new byte[count];
        int n = 0;
        int zeros = 0;
        for (int i = skip; i < nal.length && n < count; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            out[n++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out;
    }

    /** The SPS NAL unit {@code nal[offset .. offset + length)}, or null when it cannot be read. */
    public static Sps readSps(byte[] nal, int offset, int length) {
        try {
            return Sps.parseNal(nal, offset, length);
        } catch (MediaException e) {
            return null;
        }
    }
}
