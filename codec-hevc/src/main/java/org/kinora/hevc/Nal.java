package org.kinora.hevc;

import org.kinora.core.MalformedStreamException;
import org.kinora.hevc.params.Rbsp;

/**
 * NAL unit layer (H.265 7.3.1, 7.4.2 and Annex B): unit types, the two-byte header, the removal
 * of emulation prevention bytes, and the two ways units are framed (start codes, length prefixes).
 */
final class Nal {
    private Nal() {
    }

    // nal_unit_type values (H.265 Table 7-1)
    static final int TRAIL_N = 0;
    static final int RASL_N = 8;
    static final int RASL_R = 9;
    static final int RSV_VCL_N14 = 14;
    static final int BLA_W_LP = 16;
    static final int BLA_W_RADL = 17;
    static final int BLA_N_LP = 18;
    static final int IDR_W_RADL = 19;
    static final int IDR_N_LP = 20;
    static final int CRA_NUT = 21;
    static final int RSV_IRAP_23 = 23;
    static final int VPS = 32;
    static final int SPS = 33;
    static final int PPS = 34;
    static final int AUD = 35;
    static final int EOS = 36;
    static final int EOB = 37;
    static final int FD = 38;
    static final int PREFIX_SEI = 39;
    static final int SUFFIX_SEI = 40;

    static boolean isIrap(int type) {
        return type >= BLA_W_LP && type <= RSV_IRAP_23;
    }

    static boolean isIdr(int type) {
        return type == IDR_W_RADL || type == IDR_N_LP;
    }

    /** Slice segment types this decoder knows (H.265 Table 7-1: VCL types other than reserved ones). */
    static boolean isSlice(int type) {
        return (type >= TRAIL_N && type <= RASL_R) || (type >= BLA_W_LP && type <= CRA_NUT);
    }

    /** Sub-layer non-reference pictures (H.265 7.4.2.2): even types below 16 that are not reserved. */
    static boolean isSubLayerNonReference(int type) {
        return type <= RSV_VCL_N14 && (type & 1) == 0;
    }

    /**
     * Copies the NAL unit {@code src[offset .. offset + length)} to {@code dst} without its
     * emulation_prevention_three_byte (H.265 7.4.2); returns the RBSP length. {@code dst} must
     * hold {@code length} bytes.
     */
    static int unescape(byte[] src, int offset, int length, byte[] dst) {
        return Rbsp.unescape(src, offset, length, dst);
    }

    /**
     * Finds the next start code prefix (0x000001) at or after {@code from}; returns the index of
     * the byte after it, or -1.
     */
    static int nextStartCode(byte[] data, int from, int end) {
        for (int i = from; i + 2 < end; i++) {
            if (data[i + 2] > 1) {
                i += 2;
            } else if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Receives the NAL units found by {@link #split}. */
    interface Sink {
        void nalUnit(byte[] data, int offset, int length);
    }

    /**
     * Splits {@code data[offset .. offset + length)} into NAL units: Annex B byte stream when
     * {@code lengthSize} is 0, otherwise units each preceded by a big-endian length of
     * {@code lengthSize} bytes (hvcC framing).
     */
    static void split(byte[] data, int offset, int length, int lengthSize, Sink sink) {
        int end = offset + length;
        if (lengthSize == 0) {
            int start = nextStartCode(data, offset, end);
            while (start >= 0) {
                int next = nextStartCode(data, start, end);
                int stop = next < 0 ? end : next - 3;
                // trailing_zero_8bits and the zero_byte of the next start code belong to neither unit
                while (stop > start && data[stop - 1] == 0) {
                    stop--;
                }
                if (stop > start) {
                    sink.nalUnit(data, start, stop - start);
                }
                start = next;
            }
            return;
        }
        int pos = offset;
        while (pos < end) {
            if (end - pos < lengthSize) {
                throw new MalformedStreamException("NAL unit length field cut short");
            }
            int n = 0;
            for (int i = 0; i < lengthSize; i++) {
                n = (n << 8) | (data[pos++] & 0xFF);
            }
            if (n < 0 || n > end - pos) {
                throw new MalformedStreamException("NAL unit length " + n + " runs past the packet");
            }
            if (n > 0) {
                sink.nalUnit(data, pos, n);
            }
            pos += n;
        }
    }
}
