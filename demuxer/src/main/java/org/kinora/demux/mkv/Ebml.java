package org.kinora.demux.mkv;

import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;

/** EBML (RFC 8794) element IDs of Matroska (RFC 9559) and variable-size integers. */
final class Ebml {
    private Ebml() {
    }

    static final int EBML = 0x1A45DFA3;
    static final int DOC_TYPE = 0x4282;
    static final int DOC_TYPE_READ_VERSION = 0x4285;
    static final int SEGMENT = 0x18538067;
    static final int SEEK_HEAD = 0x114D9B74;
    static final int SEEK = 0x4DBB;
    static final int SEEK_ID = 0x53AB;
    static final int SEEK_POSITION = 0x53AC;
    static final int INFO = 0x1549A966;
    static final int TIMESTAMP_SCALE = 0x2AD7B1;
    static final int DURATION = 0x4489;
    static final int TRACKS = 0x1654AE6B;
    static final int TRACK_ENTRY = 0xAE;
    static final int TRACK_NUMBER = 0xD7;
    static final int TRACK_TYPE = 0x83;
    static final int CODEC_ID = 0x86;
    static final int CODEC_PRIVATE = 0x63A2;
    static final int DEFAULT_DURATION = 0x23E383;
    static final int CODEC_DELAY = 0x56AA;
    static final int SEEK_PRE_ROLL = 0x56BB;
    static final int LANGUAGE = 0x22B59C;
    static final int VIDEO = 0xE0;
    static final int PIXEL_WIDTH = 0xB0;
    static final int PIXEL_HEIGHT = 0xBA;
    static final int DISPLAY_WIDTH = 0x54B0;
    static final int DISPLAY_HEIGHT = 0x54BA;
    static final int COLOUR = 0x55B0;
    static final int MATRIX_COEFFICIENTS = 0x55B1;
    static final int RANGE = 0x55B9;
    static final int TRANSFER_CHARACTERISTICS = 0x55BA;
    static final int PRIMARIES = 0x55BB;
    static final int AUDIO = 0xE1;
    static final int SAMPLING_FREQUENCY = 0xB5;
    static final int CHANNELS = 0x9F;
    static final int CONTENT_ENCODINGS = 0x6D80;
    static final int CONTENT_ENCODING = 0x6240;
    static final int CONTENT_ENCODING_TYPE = 0x5033;
    static final int CONTENT_COMPRESSION = 0x5034;
    static final int CONTENT_COMP_ALGO = 0x4254;
    static final int CONTENT_COMP_SETTINGS = 0x4255;
    static final int CONTENT_ENCRYPTION = 0x5035;
    static final int CLUSTER = 0x1F43B675;
    static final int CLUSTER_TIMESTAMP = 0xE7;
    static final int SIMPLE_BLOCK = 0xA3;
    static final int BLOCK_GROUP = 0xA0;
    static final int BLOCK = 0xA1;
    static final int BLOCK_DURATION = 0x9B;
    static final int REFERENCE_BLOCK = 0xFB;
    static final int CUES = 0x1C53BB6B;
    static final int CUE_POINT = 0xBB;
    static final int CUE_TIME = 0xB3;
    static final int CUE_TRACK_POSITIONS = 0xB7;
    static final int CUE_TRACK = 0xF7;
    static final int CUE_CLUSTER_POSITION = 0xF1;
    static final int TAGS = 0x1254C367;
    static final int CHAPTERS = 0x1043A770;
    static final int ATTACHMENTS = 0x1941A469;

    /** True for the IDs of the Segment's children (level 1): they end an unknown-size Cluster. */
    static boolean isTopLevel(int id) {
        return id == CLUSTER || id == CUES || id == TAGS || id == CHAPTERS || id == ATTACHMENTS || id == SEEK_HEAD
                || id == INFO || id == TRACKS || id == SEGMENT || id == EBML;
    }

    /** Length in bytes of the vint whose first byte is {@code first}, or 0 when invalid (8.1: at most 8). */
    static int vintLength(int first) {
        if (first == 0) {
            return 0;
        }
        return Integer.numberOfLeadingZeros(first & 0xFF) - 23;
    }

    /** An element ID (the marker kept), at most 4 bytes. */
    static int readId(ByteReader r) {
        int first = r.readU8();
        int n = vintLength(first);
        if (n == 0 || n > 4) {
            throw new MalformedStreamException("EBML ID with first byte " + first);
        }
        int id = first;
        for (int i = 1; i < n; i++) {
            id = id << 8 | r.readU8();
        }
        return id;
    }

    /** An element data size; -1 for the reserved all-ones value (unknown size). */
    static long readSize(ByteReader r) {
        int first = r.readU8();
        int n = vintLength(first);
        if (n == 0) {
            throw new MalformedStreamException("EBML size with first byte 0");
        }
        long v = first & (0xFF >> n);
        boolean allOnes = v == (0xFF >> n);
        for (int i = 1; i < n; i++) {
            int b = r.readU8();
            allOnes &= b == 0xFF;
            v = v << 8 | b;
        }
        return allOnes ? -1 : v;
    }

    /** Unsigned integer element of {@code size} bytes (at most 8). */
    static long readUInt(ByteReader r, int size) {
        if (size > 8) {
            throw new MalformedStreamException("integer element of " + size + " bytes");
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = v << 8 | r.readU8();
        }
        return v;
    }

    /** Float element: 0, 4 or 8 bytes. */
    static double readFloat(ByteReader r, int size) {
        if (size == 4) {
            return Float.intBitsToFloat(r.readS32BE());
        }
        if (size == 8) {
            return Double.longBitsToDouble(r.readS64BE());
        }
        if (size == 0) {
            return 0;
        }
        throw new MalformedStreamException("float element of " + size + " bytes");
    }
}
